package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.cli.log.LogFormat;
import io.taoprom.cli.log.LogSettings;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

  private static LogRecord record(Level level, String message, Throwable thrown) {
    LogRecord r = new LogRecord(level, message);
    r.setThrown(thrown);
    r.setLoggerName("io.taoprom.exporter.scrape");
    r.setInstant(java.time.Instant.parse("2026-12-07T02:10:00.123Z"));
    return r;
  }

  @AfterEach
  void defaults() {
    LogSettings.reset();
  }

  @Test
  void oneLogfmtLinePerRecordWithTheLoggerAsSource() {
    ConsoleLogging.OneLine format = new ConsoleLogging.OneLine(false);
    String nl = System.lineSeparator();
    String head = "time=2026-12-07T02:10:00.123Z level=";
    assertThat(format.format(record(Level.WARNING, "collector \"cpu\" left out of the scrape: timed out", null)))
        .isEqualTo(head + "warn source=io.taoprom.exporter.scrape msg=\"collector \\\"cpu\\\" left out of the scrape: timed out\"" + nl);
    assertThat(format.format(record(Level.SEVERE, "unexpected error\n  on two lines", null)))
        .isEqualTo(head + "error source=io.taoprom.exporter.scrape msg=\"unexpected error; on two lines\"" + nl);
    assertThat(format.format(record(Level.INFO, "back", null))).isEqualTo(head + "info source=io.taoprom.exporter.scrape msg=back" + nl);
    assertThat(format.format(record(Level.FINE, "detail", null))).isEqualTo(head + "debug source=io.taoprom.exporter.scrape msg=detail" + nl);
  }

  @Test
  void jsonWhenChosenAtTheTimeOfPrinting() {
    ConsoleLogging.OneLine format = new ConsoleLogging.OneLine(false);
    LogSettings.format(LogFormat.JSON);
    assertThat(format.format(record(Level.WARNING, "disk \"sda\" gone", null))).isEqualTo("{\"time\":\"2026-12-07T02:10:00.123Z\","
        + "\"level\":\"warn\",\"source\":\"io.taoprom.exporter.scrape\",\"msg\":\"disk \\\"sda\\\" gone\"}" + System.lineSeparator());
  }

  @Test
  void stackTracesOnlyInDebugMode() {
    IOException cause = new IOException("disk on fire");
    String quiet = new ConsoleLogging.OneLine(false).format(record(Level.SEVERE, "writing failed", cause));
    assertThat(quiet).isEqualTo("time=2026-12-07T02:10:00.123Z level=error source=io.taoprom.exporter.scrape msg=\"writing failed\""
        + " err=\"java.io.IOException: disk on fire\"" + System.lineSeparator());

    String loud = new ConsoleLogging.OneLine(true).format(record(Level.SEVERE, "writing failed", cause));
    assertThat(loud).startsWith("time=2026-12-07T02:10:00.123Z level=error source=io.taoprom.exporter.scrape msg=\"writing failed\""
        + " trace=\"java.io.IOException: disk on fire; at io.taoprom.cli.ConsoleLoggingTest").hasLineCount(1);
  }
}
