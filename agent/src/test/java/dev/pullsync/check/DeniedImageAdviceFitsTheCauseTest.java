package dev.pullsync.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Why a credential is held back says what fits the cause: a denied image after an accepted login
 * means the account lacks pull on that repository (Harbor project membership), not a wrong
 * password; a denied image whose login was not confirmed mentions both; a rejected login keeps the
 * login's advice; a missing image holds nothing back.
 */
class DeniedImageAdviceFitsTheCauseTest {
  static final Instant AT = Instant.parse("2026-11-30T07:00:00Z");
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";

  static Map<String, LoginGate.Checked> login(LoginResult result) {
    return Map.of("harbor", new LoginGate.Checked("harbor", "harbor.example.com", result, AT));
  }

  static Map<String, List<ImageGate.Checked>> image(ImageResult.Status status) {
    return Map.of(
        "harbor",
        List.of(new ImageGate.Checked(new ImageResult(IMAGE, status, "bearer token, 401"), AT)));
  }

  @Test
  void anAcceptedLoginDeniedAnImageLacksPullOnTheRepository() {
    String why =
        HeldBack.reasons(
                login(LoginResult.accepted("bearer token login accepted (200)")),
                image(ImageResult.Status.DENIED))
            .get("harbor");

    assertThat(why)
        .isEqualTo(
            "registry harbor image check: "
                + IMAGE
                + " denied (bearer token, 401; the registry accepts this login, but its account"
                + " lacks pull on repository kubeflow-iris/iris-download (in Harbor: membership of"
                + " project kubeflow-iris): grant it, or correct spec.verify on Registry harbor)")
        .doesNotContain("password")
        .doesNotContain("re-seal");
  }

  @Test
  void anUnconfirmedLoginDeniedAnImageMentionsTheCredentialToo() {
    String why =
        HeldBack.reasons(
                login(LoginResult.unreachable("connection refused")),
                image(ImageResult.Status.DENIED))
            .get("harbor");

    assertThat(why)
        .contains("the registry refused this credential the image")
        .contains("pull on repository kubeflow-iris/iris-download")
        .contains("right username and password");
  }

  @Test
  void aRejectedLoginKeepsTheLoginsAdvice() {
    String why =
        HeldBack.reasons(login(LoginResult.rejected("401")), image(ImageResult.Status.DENIED))
            .get("harbor");

    assertThat(why)
        .startsWith("registry harbor login check: rejected (401; the registry rejected")
        .doesNotContain("image");
  }

  @Test
  void aMissingImageHoldsNothingBack() {
    assertThat(
            HeldBack.reasons(
                login(LoginResult.accepted("200")), image(ImageResult.Status.NOT_FOUND)))
        .isEmpty();
  }
}
