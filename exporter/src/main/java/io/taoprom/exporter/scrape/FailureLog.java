package io.taoprom.exporter.scrape;

import java.lang.System.Logger.Level;

/**
 * Logs a collector's failures without flooding the log: a new kind of failure at once, the
 * same failure again at most once per interval (with the number of repeats in between), and
 * the recovery once. A collector that times out on every 15-second scrape for a day writes
 * a few dozen lines, not five thousand. A collector served without some of its families
 * (they conflict with another collector's) is logged the same way.
 */
final class FailureLog {

  private static final System.Logger LOG = System.getLogger("io.taoprom.exporter.scrape");

  private final String collector;
  private final long intervalNanos;
  private Outcome.Kind lastKind = Outcome.Kind.OK;
  private long lastLoggedNanos;
  private int suppressed;

  FailureLog(String collector, long intervalNanos) {
    this.collector = collector;
    this.intervalNanos = intervalNanos;
  }

  synchronized void record(Outcome outcome, long nowNanos) {
    if (outcome.kind() == Outcome.Kind.OK) {
      if (lastKind == Outcome.Kind.PARTIAL) {
        LOG.log(Level.INFO, "collector \"{0}\" has all its metric families in scrapes again", collector);
      } else if (lastKind != Outcome.Kind.OK) {
        LOG.log(Level.INFO, "collector \"{0}\" is included in scrapes again", collector);
      }
      lastKind = Outcome.Kind.OK;
      suppressed = 0;
      return;
    }
    boolean changed = outcome.kind() != lastKind;
    if (!changed && nowNanos - lastLoggedNanos < intervalNanos) {
      suppressed++;
      return;
    }
    String repeats = suppressed == 0 ? "" : " (" + suppressed + " more like it since the last line)";
    String what = outcome.kind() == Outcome.Kind.PARTIAL ? "\" served without part of its metrics: " : "\" left out of the scrape: ";
    LOG.log(Level.WARNING, "collector \"" + collector + what + outcome.error() + repeats);
    if (outcome.cause() != null) {
      // Plugin authors need the stack; operators do not, so it goes one level down.
      LOG.log(Level.DEBUG, "collector \"" + collector + "\" failure", outcome.cause());
    }
    lastKind = outcome.kind();
    lastLoggedNanos = nowNanos;
    suppressed = 0;
  }
}
