package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullsync.testkit.CapturedLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing fetch over HTTPS: last good checkout kept, backoff, no credential anywhere. */
class KeepsLastGoodRevisionWhenFetchFailsTest {
  private static final String CANARY = "canary-tok-b71e44c0d9";

  @TempDir Path tmp;
  private SpecRepo spec;
  private RevCommit good;

  @BeforeEach
  void repo() throws Exception {
    spec = SpecRepo.create(tmp);
    good = spec.commit("registries/harbor.yaml", "kind: Registry\n");
  }

  @AfterEach
  void close() {
    spec.close();
  }

  @Test
  void aFailedFetchKeepsTheLastGoodCheckoutAndBacksOff() throws Exception {
    Path tokenFile = Files.writeString(tmp.resolve("token"), CANARY);
    MutableClock clock = new MutableClock();
    try (CapturedLogs logs = new CapturedLogs();
        GitHttpServer server = new GitHttpServer(spec.bare(), "x-access-token", CANARY)) {
      String url = server.url();
      GitSource source =
          new GitSource(
              SourceOptions.local(url, "main", "registries")
                  .withWorkDir(tmp.resolve("work"))
                  .withAuth(HttpsAuth.token(tokenFile)),
              clock);
      Snapshot first = source.fetch();
      assertThat(first.commit()).isEqualTo(good.name());

      spec.commit("registries/harbor.yaml", "kind: Registry\nspec: {}\n");
      Files.writeString(tokenFile, "revoked-" + CANARY);
      SourceException failure = catchThrowableOfType(SourceException.class, source::fetch);
      assertThat(failure.getMessage()).contains("not authorized").doesNotContain(CANARY);
      assertThat(Files.readString(first.specRoot().resolve("harbor.yaml")))
          .as("the last good checkout stays in place")
          .isEqualTo("kind: Registry\n");

      Files.writeString(tokenFile, CANARY);
      int requests = server.usersSeen().size();
      SourceException waiting = catchThrowableOfType(SourceException.class, source::fetch);
      assertThat(waiting.getMessage())
          .contains("1 failed fetches; next try after")
          .doesNotContain(CANARY);
      assertThat(server.usersSeen()).as("no network while backing off").hasSize(requests);

      clock.advance(FetchBackoff.FIRST.plus(Duration.ofSeconds(1)));
      Snapshot recovered = source.fetch();
      assertThat(recovered.commit()).isNotEqualTo(good.name());
      assertThat(logs.count("retrying with backoff"))
          .as("logged once per state change")
          .isEqualTo(1);
      assertThat(logs.count("fetch works again")).isEqualTo(1);
      assertThat(logs.lines()).noneMatch(line -> line.contains(CANARY));
    }
  }
}
