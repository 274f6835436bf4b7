package io.taoprom.exporter.scrape;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/**
 * What one collector gave in one scrape: its families and the names they occupy, or why it
 * is left out.
 */
record Outcome(
    MetricSnapshots snapshots, List<String> names, long durationNanos, Kind kind, String error, Throwable cause) {

  /** Why a collector was left out; a change of kind is always logged, repeats are rate-limited. */
  enum Kind {
    OK,
    NOT_STARTED,
    THREW,
    INVALID,
    TIMED_OUT,
    STILL_RUNNING,
    CLASH
  }

  static Outcome success(MetricSnapshots snapshots, List<String> names, long durationNanos) {
    return new Outcome(snapshots, names, durationNanos, Kind.OK, null, null);
  }

  static Outcome failure(Kind kind, String error, long durationNanos) {
    return new Outcome(null, List.of(), durationNanos, kind, error, null);
  }

  static Outcome failure(Kind kind, String error, long durationNanos, Throwable cause) {
    return new Outcome(null, List.of(), durationNanos, kind, error, cause);
  }

  boolean succeeded() {
    return kind == Kind.OK;
  }

  /** The same outcome turned into a failure, keeping the time it took. */
  Outcome fail(Kind newKind, String newError) {
    return new Outcome(null, List.of(), durationNanos, newKind, newError, null);
  }
}
