package dev.pullsync.unseal;

/**
 * The one failure of sealing and unsealing a value. Its message names what went wrong in fixed
 * words only: never plaintext, key material or an excerpt of the ciphertext. Exceptions from the
 * crypto provider are deliberately not chained (their messages are not ours to vouch for); {@link
 * #reason} says which step failed.
 */
public final class UnsealException extends RuntimeException {

  /** Which step failed. */
  public enum Reason {
    /** Not base64 as the controller reads it (standard alphabet, padding, CR/LF skipped). */
    MALFORMED_BASE64("not valid base64 (standard alphabet with padding expected)"),
    /** Shorter than the 2-byte length prefix plus the RSA block it announces. */
    TOO_SHORT("too short to be a sealed-secrets ciphertext"),
    /** No key in the ring could open the value with the given label. */
    NO_KEY("no key could decrypt this value"),
    /** A key or certificate cannot be used for sealing (not RSA, or too small). */
    UNUSABLE_KEY("the key cannot be used for sealing"),
    /** The JDK lacks RSA-OAEP or AES-GCM: a broken runtime, not bad input. */
    PROVIDER("the Java runtime lacks RSA-OAEP or AES-GCM");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    /** The fixed, data-free words for this reason. */
    public String text() {
      return text;
    }
  }

  private final Reason reason;

  public UnsealException(Reason reason) {
    super(reason.text());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
