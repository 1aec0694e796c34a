package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LogFormatTest {
  private final PrintStream realErr = System.err;

  @AfterEach
  void restore() {
    System.setErr(realErr);
    LogFormat.TEXT.apply();
    MDC.clear();
  }

  private String logOneLineIn(LogFormat format) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    format.apply();
    MDC.put("runId", "1a2b3c4d");
    MDC.put("revision", "main@sha1:abc");
    LoggerFactory.getLogger("dev.pullsync.test").info("Applied {} objects", 3);
    MDC.clear();
    LoggerFactory.getLogger("dev.pullsync.test").info("Idle");
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textLinesCarryRunIdAndRevisionDuringAReconcileOnly() {
    String[] lines = logOneLineIn(LogFormat.TEXT).split("\n");
    assertThat(lines[0])
        .contains("INFO  test run=1a2b3c4d revision=main@sha1:abc - Applied 3 objects");
    assertThat(lines[1]).endsWith("INFO  test - Idle");
  }

  @Test
  void jsonLinesAreOneObjectEachWithTheMdc() {
    String[] lines = logOneLineIn(LogFormat.JSON).split("\n");
    JsonNode first = JsonMapper.builder().build().readTree(lines[0]);
    assertThat(first.get("level").asString()).isEqualTo("INFO");
    assertThat(first.get("loggerName").asString()).isEqualTo("dev.pullsync.test");
    assertThat(first.get("formattedMessage").asString()).isEqualTo("Applied 3 objects");
    assertThat(first.get("mdc").get("runId").asString()).isEqualTo("1a2b3c4d");
    assertThat(first.get("mdc").get("revision").asString()).isEqualTo("main@sha1:abc");
    assertThat(first.has("arguments")).isFalse();
  }

  @Test
  void parsesTheTwoFormatsAndNamesTheFieldOtherwise() {
    assertThat(LogFormat.parse("JSON")).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
    assertThatThrownBy(() -> LogFormat.parse("xml"))
        .hasMessage("logFormat: 'xml' is not one of text, json");
  }
}
