package io.taoprom.cli.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LogLineTest {

  private static final Instant T = Instant.parse("2026-12-07T02:10:00Z");

  @AfterEach
  void defaults() {
    LogSettings.reset();
  }

  @Test
  void logfmtQuotesOnlyWhatNeedsIt() {
    assertThat(LogLine.render(LogFormat.LOGFMT, T, LogLevel.WARN, "taoprom.serve", "push exposed",
        List.of("cidr", "0.0.0.0/0", "empty", "", "eq", "a=b", "quote", "say \"hi\" \\ back")))
        .isEqualTo("time=2026-12-07T02:10:00.000Z level=warn source=taoprom.serve msg=\"push exposed\" cidr=0.0.0.0/0"
            + " empty=\"\" eq=\"a=b\" quote=\"say \\\"hi\\\" \\\\ back\"");
  }

  @Test
  void jsonEscapes() {
    assertThat(LogLine.render(LogFormat.JSON, T, LogLevel.ERROR, "io.taoprom.exporter", "bad \"file\" C:\\x",
        List.of("collectors", "cpu,meminfo")))
        .isEqualTo("{\"time\":\"2026-12-07T02:10:00.000Z\",\"level\":\"error\",\"source\":\"io.taoprom.exporter\","
            + "\"msg\":\"bad \\\"file\\\" C:\\\\x\",\"collectors\":\"cpu,meminfo\"}");
  }

  @Test
  void outsideTextIsEscapedAndOnOneLine() {
    // A terminal escape and a bidi override from a hostile file: Excerpt's escapes, then the format's quoting.
    String hostile = "line one\nline two \u001b[2J\u202e";
    String logfmt = LogLine.render(LogFormat.LOGFMT, T, LogLevel.INFO, "s", hostile, List.of());
    assertThat(logfmt).doesNotContain("\n", "\u001b", "\u202e").endsWith("msg=\"line one; line two \\\\x1b[2J\\\\u202e\"");
    String json = LogLine.render(LogFormat.JSON, T, LogLevel.INFO, "s", hostile, List.of());
    assertThat(json).doesNotContain("\n", "\u001b", "\u202e").endsWith("\"msg\":\"line one; line two \\\\x1b[2J\\\\u202e\"}");
  }

  @Test
  void longValuesAreCutShort() {
    String line = LogLine.render(LogFormat.LOGFMT, T, LogLevel.INFO, "s", "x".repeat(100_000), List.of());
    assertThat(line.length()).isLessThan(2200);
    assertThat(line).endsWith("…(+98000 chars)\"");
  }

  @Test
  void keysComeInPairs() {
    assertThatThrownBy(() -> LogLine.render(LogFormat.LOGFMT, T, LogLevel.INFO, "s", "m", List.of("lonely")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void consoleLogDropsLinesBelowTheLevelAndUsesTheFormat() {
    LogSettings.clock(Clock.fixed(T, ZoneOffset.UTC));
    StringWriter err = new StringWriter();
    ConsoleLog log = ConsoleLog.to(new PrintWriter(err, true), "taoprom.targets");
    LogSettings.level(LogLevel.WARN);
    log.info("wrote 3 targets");
    log.warn("skipped 1");
    LogSettings.format(LogFormat.JSON);
    log.error("failed", "file", "/tmp/x y");
    log.debug("detail");
    assertThat(err.toString().lines()).containsExactly(
        "time=2026-12-07T02:10:00.000Z level=warn source=taoprom.targets msg=\"skipped 1\"",
        "{\"time\":\"2026-12-07T02:10:00.000Z\",\"level\":\"error\",\"source\":\"taoprom.targets\",\"msg\":\"failed\","
            + "\"file\":\"/tmp/x y\"}");
  }

  @Test
  void stackTraceIsOneValue() {
    LogSettings.clock(Clock.fixed(T, ZoneOffset.UTC));
    StringWriter err = new StringWriter();
    ConsoleLog.to(new PrintWriter(err, true), "taoprom").error("boom", new IllegalStateException("inner"), true);
    assertThat(err.toString().lines()).singleElement().satisfies(l -> assertThat(l)
        .startsWith("time=2026-12-07T02:10:00.000Z level=error source=taoprom msg=boom trace=\"java.lang.IllegalStateException: inner; at io.taoprom.cli.log.LogLineTest"));
  }

  @Test
  void levelsAndFormatsParseAsNodeExporterNamesThem() {
    assertThat(LogLevel.parse("WARN")).isEqualTo(LogLevel.WARN);
    assertThat(LogLevel.parse("debug").allows(LogLevel.INFO)).isTrue();
    assertThat(LogLevel.ERROR.allows(LogLevel.WARN)).isFalse();
    assertThat(LogFormat.parse("json")).isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> LogLevel.parse("verbose\u001b")).isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("unknown log level 'verbose\\x1b'; use debug, info, warn or error");
    assertThatThrownBy(() -> LogFormat.parse("text")).hasMessage("unknown log format 'text'; use logfmt or json");
  }

  @Test
  void timeIsUtcWithMilliseconds() {
    assertThat(LogLine.time(Instant.parse("2026-01-02T03:04:05.006789Z"))).isEqualTo("2026-01-02T03:04:05.006Z");
    assertThat(LogLine.time(Instant.parse("0999-12-31T23:59:59Z"))).isEqualTo("0999-12-31T23:59:59.000Z");
  }
}
