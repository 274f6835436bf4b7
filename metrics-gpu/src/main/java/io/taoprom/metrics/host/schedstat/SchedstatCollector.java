package io.taoprom.metrics.host.schedstat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * node_exporter's schedstat collector, from the {@code cpuN} lines of {@code /proc/schedstat}:
 *
 * <pre>
 * version 15
 * timestamp 4295017004
 * cpu0 0 0 0 0 0 0 1534584013985 142823410396 6937296
 * domain0 00000000,00000003 ...
 * </pre>
 *
 * <p>whose last three numbers are the time the CPU ran tasks and the time tasks waited for it
 * (nanoseconds), and the time slices it ran:
 *
 * <pre>
 * # HELP node_schedstat_running_seconds_total Number of seconds CPU spent running a process.
 * # TYPE node_schedstat_running_seconds_total counter
 * node_schedstat_running_seconds_total{cpu="0"} 1534.584013985
 * </pre>
 *
 * <p>Versions 15 to 17 (Linux 2.6.23 on) lay the CPU lines out alike; an older version, or a CPU
 * line with another count of numbers, is refused rather than read from the wrong columns.
 * A kernel without {@code CONFIG_SCHEDSTATS} has no file and yields nothing.
 */
final class SchedstatCollector implements ReadingCollector {

  private static final String FILE = "schedstat";

  /** The first version with CFS' nanosecond times in the CPU lines' 7th to 9th numbers. */
  private static final int OLDEST_VERSION = 15;

  /** Numbers on a CPU line in versions 15 to 17. */
  private static final int CPU_FIELDS = 9;

  private static final double NANOSECONDS = 1e9;

  private static final MetricMetadata RUNNING = new MetricMetadata(
      "node_schedstat_running_seconds", "Number of seconds CPU spent running a process.");
  private static final MetricMetadata WAITING = new MetricMetadata(
      "node_schedstat_waiting_seconds", "Number of seconds spent by processing waiting for this CPU.");
  private static final MetricMetadata TIMESLICES = new MetricMetadata(
      "node_schedstat_timeslices", "Number of timeslices executed by CPU.");

  private final ProcFs proc;

  SchedstatCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    String content = proc.readIfPresent(FILE);
    if (content == null) {
      return MetricSnapshots.of();
    }
    ProcText text = new ProcText(content, proc.path(FILE));
    List<CounterDataPointSnapshot> running = new ArrayList<>();
    List<CounterDataPointSnapshot> waiting = new ArrayList<>();
    List<CounterDataPointSnapshot> slices = new ArrayList<>();
    Set<String> cpus = new HashSet<>();
    boolean versionSeen = false;
    while (text.nextLine()) {
      int line = text.lineNumber();
      if (!text.hasField()) {
        continue;
      }
      if (!versionSeen) {
        version(text, line);
        versionSeen = true;
        continue;
      }
      if (!text.fieldStartsWith("cpu")) {
        continue; // timestamp, domainN
      }
      String cpu = cpuNumber(text.field());
      if (cpu == null || text.fieldsLeft() != CPU_FIELDS) {
        throw MalformedFileException.quoting(
            proc.path(FILE), line, "is not \"cpuN\" and " + CPU_FIELDS + " numbers", text.line());
      }
      if (!cpus.add(cpu)) {
        throw MalformedFileException.quoting(proc.path(FILE), line, "repeats a CPU", text.line());
      }
      double runNanos;
      double waitNanos;
      double timeslices;
      try {
        for (int i = 0; i < CPU_FIELDS - 3; i++) {
          text.skipField();
        }
        runNanos = text.unsigned();
        waitNanos = text.unsigned();
        timeslices = text.unsigned();
      } catch (MalformedFileException e) {
        throw MalformedFileException.atLine(text);
      }
      Labels labels = Labels.of("cpu", cpu);
      running.add(point(labels, runNanos / NANOSECONDS));
      waiting.add(point(labels, waitNanos / NANOSECONDS));
      slices.add(point(labels, timeslices));
    }
    if (!versionSeen) {
      throw new MalformedFileException(proc.path(FILE), "is empty");
    }
    if (running.isEmpty()) {
      return MetricSnapshots.of();
    }
    return MetricSnapshots.of(
        new CounterSnapshot(RUNNING, running),
        new CounterSnapshot(WAITING, waiting),
        new CounterSnapshot(TIMESLICES, slices));
  }

  /** The first line, {@code version N}: refuses what this collector cannot read right. */
  private void version(ProcText text, int line) throws MalformedFileException {
    if (!text.fieldStartsWith("version") || text.fieldsLeft() != 2) {
      throw MalformedFileException.quoting(proc.path(FILE), line, "is not \"version N\"", text.line());
    }
    text.skipField();
    double version;
    try {
      version = text.unsigned();
    } catch (MalformedFileException e) {
      throw MalformedFileException.atLine(text);
    }
    if (version < OLDEST_VERSION) {
      throw MalformedFileException.quoting(
          proc.path(FILE), line, "is a version before " + OLDEST_VERSION + ", whose CPU lines differ", text.line());
    }
  }

  /** {@code 12} of {@code cpu12}; null when the rest is not a number. */
  private static String cpuNumber(String field) {
    if (field.length() <= 3) {
      return null;
    }
    for (int i = 3; i < field.length(); i++) {
      if (field.charAt(i) < '0' || field.charAt(i) > '9') {
        return null;
      }
    }
    return field.substring(3);
  }

  private static CounterDataPointSnapshot point(Labels labels, double value) {
    return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}
