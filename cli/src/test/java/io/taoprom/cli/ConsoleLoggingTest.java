package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

  private static LogRecord record(Level level, String message, Throwable thrown) {
    LogRecord r = new LogRecord(level, message);
    r.setThrown(thrown);
    return r;
  }

  @Test
  void oneLinePerRecordWithALowerCaseLevel() {
    ConsoleLogging.OneLine format = new ConsoleLogging.OneLine(false);
    String nl = System.lineSeparator();
    assertThat(format.format(record(Level.WARNING, "collector \"cpu\" left out of the scrape: timed out", null)))
        .isEqualTo("taoprom: warning: collector \"cpu\" left out of the scrape: timed out" + nl);
    assertThat(format.format(record(Level.SEVERE, "unexpected error\n  on two lines", null)))
        .isEqualTo("taoprom: error: unexpected error on two lines" + nl);
    assertThat(format.format(record(Level.INFO, "back again", null))).isEqualTo("taoprom: info: back again" + nl);
    assertThat(format.format(record(Level.FINE, "detail", null))).isEqualTo("taoprom: debug: detail" + nl);
  }

  @Test
  void stackTracesOnlyInDebugMode() {
    IOException cause = new IOException("disk on fire");
    String quiet = new ConsoleLogging.OneLine(false).format(record(Level.SEVERE, "writing failed", cause));
    assertThat(quiet).isEqualTo("taoprom: error: writing failed (java.io.IOException: disk on fire)" + System.lineSeparator());

    String loud = new ConsoleLogging.OneLine(true).format(record(Level.SEVERE, "writing failed", cause));
    assertThat(loud).startsWith("taoprom: error: writing failed" + System.lineSeparator() + "java.io.IOException: disk on fire")
        .contains("\tat io.taoprom.cli.ConsoleLoggingTest");
  }
}
