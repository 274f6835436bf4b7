package io.taoprom.exporter.scrape;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * What one collector gave in one scrape: its families, or why it is left out. A
 * {@link Kind#PARTIAL} outcome is served, less {@code skipped} families that conflicted with
 * another collector's; {@code error} says which and why.
 */
record Outcome(MetricSnapshots snapshots, long durationNanos, Kind kind, String error, Throwable cause, int skipped) {

  /** Why a collector was left out; a change of kind is always logged, repeats are rate-limited. */
  enum Kind {
    OK,
    /** Served, but some of its families were left out for conflicting with another collector's. */
    PARTIAL,
    NOT_STARTED,
    THREW,
    INVALID,
    TIMED_OUT,
    STILL_RUNNING
  }

  static Outcome success(MetricSnapshots snapshots, long durationNanos) {
    return new Outcome(snapshots, durationNanos, Kind.OK, null, null, 0);
  }

  static Outcome failure(Kind kind, String error, long durationNanos) {
    return new Outcome(null, durationNanos, kind, error, null, 0);
  }

  static Outcome failure(Kind kind, String error, long durationNanos, Throwable cause) {
    return new Outcome(null, durationNanos, kind, error, cause, 0);
  }

  /** Whether its series are in the scrape (all of them, or all but the skipped families). */
  boolean succeeded() {
    return kind == Kind.OK || kind == Kind.PARTIAL;
  }

  /** The same outcome, served less {@code skippedFamilies} families, for the reason given. */
  Outcome partial(int skippedFamilies, String why) {
    return new Outcome(snapshots, durationNanos, Kind.PARTIAL, why, null, skippedFamilies);
  }
}
