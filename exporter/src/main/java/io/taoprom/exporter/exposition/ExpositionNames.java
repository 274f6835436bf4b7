package io.taoprom.exporter.exposition;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.taoprom.untrusted.Excerpt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which names may reach the exposition, and which sample names each family writes there.
 *
 * <p>client_java 1.10 accepts UTF-8 metric names and silently escapes them ({@code foo-bar}
 * becomes {@code foo_bar}), and lets two families of one name through; either would put a broken
 * or ambiguous exposition on the wire. So names must be classic Prometheus names
 * ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}, labels {@code [a-zA-Z_][a-zA-Z0-9_]*} and not
 * {@code __reserved}), and no two families may write the same sample name: a gauge
 * {@code x_total} next to a counter {@code x}, or a histogram {@code y} next to a gauge
 * {@code y_count}, collide as surely as two families called {@code x}.
 *
 * <p>A family writes its own name and its name plus the suffixes of its type
 * ({@code _total} and {@code _created} for a counter, {@code _bucket}, {@code _count},
 * {@code _sum} and {@code _created} for a histogram, ...). No two distinct suffixes end alike, so
 * two families collide only when they have the same name or when one's name is the other's name
 * plus one of its suffixes: {@link #collisions} finds them with a few lookups by family name and
 * without building every sample name of every family.
 *
 * <pre>{@code
 * ExpositionNames.check(snapshots);              // InvalidNamesException naming the first bad name
 * ExpositionNames.isMetricName("node_load1");    // true
 * }</pre>
 */
public final class ExpositionNames {

  private static final String[] PLAIN = {};
  private static final String[] COUNTER = {"_total", "_created"};
  private static final String[] INFO = {"_info"};
  private static final String[] HISTOGRAM = {"_bucket", "_count", "_sum", "_created"};
  private static final String[] GAUGE_HISTOGRAM = {"_bucket", "_gcount", "_gsum"};
  private static final String[] SUMMARY = {"_count", "_sum", "_created"};
  /** Every suffix any type writes, for the reverse lookup of a name that ends in one. */
  private static final String[] ALL = {"_total", "_created", "_info", "_bucket", "_count", "_sum", "_gcount", "_gsum"};

  private ExpositionNames() {}

  /** A collector's output that cannot be served; the message is one line for operators. */
  public static final class InvalidNamesException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidNamesException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A family already taken that shares a sample name with another.
   *
   * @param holder the family taken earlier
   * @param name the sample name both write
   */
  public record Collision(MetricSnapshot holder, String name) {}

  /**
   * Checks one source's families: valid metric and label names, and no sample name written by two
   * of them.
   *
   * @throws InvalidNamesException naming the first invalid or shared name
   */
  public static void check(MetricSnapshots snapshots) throws InvalidNamesException {
    Map<String, MetricSnapshot> seen = new HashMap<>(Math.max(16, snapshots.size() * 2));
    for (MetricSnapshot snapshot : snapshots) {
      String family = snapshot.getMetadata().getName();
      if (!isMetricName(family)) {
        throw new InvalidNamesException("invalid metric name " + quoted(family));
      }
      List<Collision> collisions = collisions(snapshot, seen::get);
      if (!collisions.isEmpty()) {
        Collision c = collisions.get(0);
        String previous = type(c.holder()) + " " + c.holder().getMetadata().getName();
        String described = type(snapshot) + " " + family;
        throw new InvalidNamesException(previous.equals(described)
            ? "metric " + Describe.name(c.name()) + " yielded twice"
            : "metric " + Describe.name(c.name()) + " yielded by both " + Describe.name(previous) + " and " + Describe.name(described));
      }
      seen.put(family, snapshot);
      checkLabelNames(snapshot, family);
    }
  }

  /**
   * The families among those already taken that write a sample name {@code family} also writes,
   * each with one such name, in the order found (a family of the same name first).
   *
   * @param taken the family already taken under a family name, or null
   */
  public static List<Collision> collisions(MetricSnapshot family, Function<String, MetricSnapshot> taken) {
    String name = family.getMetadata().getName();
    List<Collision> found = List.of(); // the common case: nothing found, nothing allocated
    MetricSnapshot same = taken.apply(name);
    if (same != null) {
      found = add(found, same, name);
    }
    // A family taken under this family's name plus one of its suffixes.
    for (String suffix : suffixes(family)) {
      String written = name + suffix;
      MetricSnapshot holder = taken.apply(written);
      if (holder != null) {
        found = add(found, holder, written);
      }
    }
    // A family that writes this family's own name as one of its sample names.
    for (String suffix : ALL) {
      if (name.length() > suffix.length() && name.endsWith(suffix)) {
        MetricSnapshot holder = taken.apply(name.substring(0, name.length() - suffix.length()));
        if (holder != null && writes(holder, suffix)) {
          found = add(found, holder, name);
        }
      }
    }
    return found;
  }

  private static List<Collision> add(List<Collision> found, MetricSnapshot holder, String name) {
    for (Collision c : found) {
      if (c.holder() == holder) {
        return found;
      }
    }
    List<Collision> more = found.isEmpty() ? new ArrayList<>(2) : found;
    more.add(new Collision(holder, name));
    return more;
  }

  /** Whether {@code family} writes a sample named its name plus {@code suffix}. */
  private static boolean writes(MetricSnapshot family, String suffix) {
    for (String s : suffixes(family)) {
      if (s.equals(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** The suffixes of the sample names a family writes besides its own name, in text or OpenMetrics format. */
  static String[] suffixes(MetricSnapshot snapshot) {
    if (snapshot instanceof CounterSnapshot) {
      return COUNTER;
    } else if (snapshot instanceof InfoSnapshot) {
      return INFO;
    } else if (snapshot instanceof HistogramSnapshot) {
      return ((HistogramSnapshot) snapshot).isGaugeHistogram() ? GAUGE_HISTOGRAM : HISTOGRAM;
    } else if (snapshot instanceof SummarySnapshot) {
      return SUMMARY;
    }
    return PLAIN;
  }

  /**
   * The family's name, type and metadata without its series: all that decides which sample names
   * it writes, for holding on to what a source yields without holding its data
   * ({@link FamilyMerger#reserve(MetricSnapshot, String)}).
   */
  public static MetricSnapshot shape(MetricSnapshot family) {
    return family.getDataPoints().isEmpty() ? family : Snapshots.shape(family);
  }

  /** The family's type as the exposition formats name it ({@code gauge}, {@code counter}, ...). */
  public static String type(MetricSnapshot snapshot) {
    if (snapshot instanceof HistogramSnapshot && ((HistogramSnapshot) snapshot).isGaugeHistogram()) {
      return "gaugehistogram";
    }
    String simple = snapshot.getClass().getSimpleName();
    return simple.endsWith("Snapshot")
        ? simple.substring(0, simple.length() - "Snapshot".length()).toLowerCase(Locale.ROOT)
        : simple;
  }

  private static void checkLabelNames(MetricSnapshot snapshot, String family) throws InvalidNamesException {
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
          throw new InvalidNamesException("invalid label name " + quoted(label) + " on metric " + Describe.name(family));
        }
      }
      checked = labels;
    }
  }

  /** A classic Prometheus metric name. */
  public static boolean isMetricName(String name) {
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
  public static boolean isLabelName(String name) {
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

  /**
   * A label set for a one-line message: {@code {a="1",b="x"}}, values escaped and cut short, the
   * whole a few hundred characters at most whatever the labels hold.
   */
  public static String describe(Labels labels) {
    return Describe.labels(labels);
  }

  private static String quoted(String name) {
    return Excerpt.quoted(name, Describe.NAME_CHARS);
  }
}
