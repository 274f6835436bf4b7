package io.taoprom.exporter.scrape;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks what one collector yielded before it reaches the exposition, and lists the names it
 * occupies there.
 *
 * <p>client_java 1.10 accepts UTF-8 metric names and silently escapes them ({@code foo-bar}
 * becomes {@code foo_bar}), and lets two families of one name through; either would put a
 * broken or ambiguous exposition on the wire. So a collector's names must be classic
 * Prometheus names ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}, labels {@code [a-zA-Z_][a-zA-Z0-9_]*}
 * and not {@code __reserved}), and no two families may write the same sample name: a gauge
 * {@code x_total} next to a counter {@code x}, or a histogram {@code y} next to a gauge
 * {@code y_count}, collide as surely as two families called {@code x}.
 *
 * <p>The names each family occupies are computed here, on the collector's own thread, so that
 * putting the collectors together ({@link FamilyTable}) only has to look them up.
 */
final class ExpositionNames {

  private ExpositionNames() {}

  /** A collector's output that cannot be served; the message is one line for operators. */
  static final class InvalidExposition extends Exception {
    InvalidExposition(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Validates the families and returns, for each (in the order of {@code snapshots}), every
   * sample and family name it occupies in the exposition formats, the family name first.
   *
   * @throws InvalidExposition naming the first invalid or duplicate name found
   */
  static String[][] check(MetricSnapshots snapshots) throws InvalidExposition {
    Map<String, String> owners = new HashMap<>();
    String[][] occupied = new String[snapshots.size()][];
    for (int i = 0; i < occupied.length; i++) {
      MetricSnapshot snapshot = snapshots.get(i);
      String family = snapshot.getMetadata().getName();
      if (!isMetricName(family)) {
        throw new InvalidExposition("invalid metric name \"" + family + "\"");
      }
      String described = type(snapshot) + " " + family;
      String[] names = occupied(snapshot, family);
      for (String name : names) {
        String previous = owners.putIfAbsent(name, described);
        if (previous != null) {
          throw new InvalidExposition(previous.equals(described)
              ? "metric " + name + " yielded twice"
              : "metric " + name + " yielded by both " + previous + " and " + described);
        }
      }
      occupied[i] = names;
      checkLabelNames(snapshot, family);
    }
    return occupied;
  }

  /** The family name and every sample name the family writes in text or OpenMetrics format. */
  private static String[] occupied(MetricSnapshot snapshot, String name) {
    if (snapshot instanceof CounterSnapshot) {
      return new String[] {name, name + "_total", name + "_created"};
    } else if (snapshot instanceof InfoSnapshot) {
      return new String[] {name, name + "_info"};
    } else if (snapshot instanceof HistogramSnapshot) {
      return ((HistogramSnapshot) snapshot).isGaugeHistogram()
          ? new String[] {name, name + "_bucket", name + "_gcount", name + "_gsum"}
          : new String[] {name, name + "_bucket", name + "_count", name + "_sum", name + "_created"};
    } else if (snapshot instanceof SummarySnapshot) {
      return new String[] {name, name + "_count", name + "_sum", name + "_created"};
    }
    return new String[] {name};
  }

  /** The family's type as the exposition formats name it ({@code gauge}, {@code counter}, ...). */
  static String type(MetricSnapshot snapshot) {
    if (snapshot instanceof HistogramSnapshot && ((HistogramSnapshot) snapshot).isGaugeHistogram()) {
      return "gaugehistogram";
    }
    String simple = snapshot.getClass().getSimpleName();
    return simple.endsWith("Snapshot") ? simple.substring(0, simple.length() - "Snapshot".length()).toLowerCase(Locale.ROOT) : simple;
  }

  private static void checkLabelNames(MetricSnapshot snapshot, String family) throws InvalidExposition {
    Labels checked = null;
    for (DataPointSnapshot point : snapshot.getDataPoints()) {
      Labels labels = point.getLabels();
      // Most points of a family share their label names: check each distinct set once.
      if (checked != null && labels.hasSameNames(checked)) {
        continue;
      }
      for (int i = 0; i < labels.size(); i++) {
        String label = labels.getName(i);
        if (!isLabelName(label)) {
          throw new InvalidExposition("invalid label name \"" + label + "\" on metric " + family);
        }
      }
      checked = labels;
    }
  }

  /** A classic Prometheus metric name. */
  static boolean isMetricName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
          || i > 0 && c >= '0' && c <= '9';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A classic Prometheus label name, not one of the reserved {@code __} names. */
  static boolean isLabelName(String name) {
    if (name == null || name.isEmpty() || name.startsWith("__")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
