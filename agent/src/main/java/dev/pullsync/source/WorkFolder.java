package dev.pullsync.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Git work folder held exclusively by this process for as long as it is open: an OS file lock
 * ({@link FileChannel#lock}) on {@code <folder>.lock} beside it, which the OS releases when the
 * process dies, even by SIGKILL. Several processes on one host (eight {@code run --once} planning
 * eight clusters) each claim their own slot ({@code <name>}, {@code <name>-2}, ...), so none reads
 * or moves another's refs, and a long-running agent keeps reusing slot 1 and its incremental
 * fetches.
 *
 * <p>Because the claim is exclusive, any JGit {@code *.lock} file found in the folder when it is
 * claimed was left by a process that was killed while holding it: those are deleted (logged once).
 * {@link #reset()} throws the folder's content away so the caller can clone into a fresh folder
 * when the repository in it is damaged beyond stale locks.
 */
public final class WorkFolder implements AutoCloseable {
  /** How many processes may work on one repository at once on one host. */
  static final int SLOTS = 32;

  private static final Logger LOG = LoggerFactory.getLogger(WorkFolder.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private WorkFolder(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Claims the first free slot for {@code name} under {@code base}, waiting up to {@code wait}
   * while every slot is held by another process.
   *
   * @throws SourceException when no slot came free in time, or the base folder cannot be written
   */
  public static WorkFolder claim(Path base, String name, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      Files.createDirectories(base);
      while (true) {
        for (int slot = 1; slot <= SLOTS; slot++) {
          Path dir = base.resolve(slot == 1 ? name : name + "-" + slot);
          WorkFolder folder = tryClaim(dir);
          if (folder != null) {
            folder.clearStaleLocks();
            return folder;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new SourceException(
              "all "
                  + SLOTS
                  + " work folders for "
                  + name
                  + " under "
                  + base
                  + " are held by other pullsync processes (waited "
                  + wait.toSeconds()
                  + " s)");
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (IOException e) {
      throw new SourceException("cannot use work folder " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while waiting for a work folder under " + base);
    }
  }

  private static WorkFolder tryClaim(Path dir) throws IOException {
    Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = null;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // held by this same process (another source or publisher): not ours to use
    }
    if (lock == null) {
      channel.close();
      return null;
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(UTF8)));
    Files.createDirectories(dir);
    return new WorkFolder(dir, channel, lock);
  }

  /** The claimed folder (exists; may be empty). */
  public Path dir() {
    return dir;
  }

  /**
   * Deletes the JGit lock files ({@code HEAD.lock}, {@code index.lock}, {@code
   * refs/remotes/origin/main.lock}, ...) a killed process left behind; nobody else can hold them.
   *
   * @return how many were deleted
   */
  int clearStaleLocks() throws IOException {
    List<Path> stale;
    try (Stream<Path> files = Files.walk(dir)) {
      stale =
          files
              .filter(p -> p.getFileName().toString().endsWith(".lock"))
              .filter(Files::isRegularFile)
              .toList();
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
    if (!stale.isEmpty()) {
      LOG.warn(
          "Cleared {} stale Git lock file(s) left by an interrupted pullsync process in {}: {}",
          stale.size(),
          dir,
          stale.stream().map(p -> dir.relativize(p).toString()).sorted().toList());
    }
    return stale.size();
  }

  /** Empties the folder so the next fetch clones afresh (the claim is kept). */
  public void reset() {
    try {
      FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SourceException("cannot empty work folder " + dir + ": " + e.getMessage());
    }
  }

  /** A readable, unique folder name per repository URL (no credentials in it). */
  public static String nameFor(String url) {
    String clean = RedactedUrl.of(url);
    String slug = clean.replaceAll("[^A-Za-z0-9._-]+", "-");
    slug = slug.substring(Math.max(0, slug.length() - 40)).replaceAll("^-+", "");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(clean.getBytes(UTF8));
      return slug + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Releases the claim; the folder stays for the next process to reuse. */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      LOG.debug("releasing {}: {}", dir, e.getMessage());
    }
  }
}
