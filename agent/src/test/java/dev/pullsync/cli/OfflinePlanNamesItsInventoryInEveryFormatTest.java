package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An offline plan says what it was planned against, "cluster NAME as reported at T, revision R", in
 * text and Markdown, and as the {@code offlineFrom} field in JSON.
 */
class OfflinePlanNamesItsInventoryInEveryFormatTest {
  @TempDir Path tmp;

  @Test
  void textMarkdownAndJsonNameClusterTimeAndRevision() throws Exception {
    OfflineCase c = OfflineCase.prepare("no-change", tmp);
    String expected =
        "cluster prod as reported at 2026-11-29T18:04:12Z, revision main@sha1:" + c.commit();

    CommandRun text = run(c, "text");
    CommandRun markdown = run(c, "markdown");
    CommandRun json = run(c, "json");

    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("Planned offline against " + expected);
    assertThat(markdown.out()).contains("Planned offline against " + expected);
    JsonNode offline = JsonMapper.builder().build().readTree(json.out()).get("offlineFrom");
    assertThat(offline.get("cluster").asString()).isEqualTo("prod");
    assertThat(offline.get("reportedAt").asString()).isEqualTo("2026-11-29T18:04:12Z");
    assertThat(offline.get("revision").asString()).isEqualTo("main@sha1:" + c.commit());
    assertThat(offline.get("source").asString()).isEqualTo(c.inventory().toString());
    assertThat(offline.get("description").asString()).isEqualTo(expected);
  }

  private static CommandRun run(OfflineCase c, String format) {
    return CommandRun.of(
        "",
        "plan",
        "--repo",
        c.repo().toString(),
        "--offline-from",
        c.inventory().toString(),
        "--format",
        format);
  }
}
