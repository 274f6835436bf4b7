package io.taoprom.exporter.exposition;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two families of one name can be served as one, and if not, the one line that says why:
 * {@code gauge jobs left out: /x/a.prom yields it as a counter}.
 */
final class Conflicts {

  private Conflicts() {}

  /**
   * Why two families of one name cannot be one (type, unit, help), or null when they can.
   * Series are compared separately.
   */
  static String mismatch(MetricSnapshot held, MetricSnapshot added, boolean sameHelp) {
    if (held.getClass() != added.getClass()
        || held instanceof HistogramSnapshot
            && ((HistogramSnapshot) held).isGaugeHistogram() != ((HistogramSnapshot) added).isGaugeHistogram()) {
      return "type";
    }
    Unit a = held.getMetadata().getUnit();
    Unit b = added.getMetadata().getUnit();
    if (a != null && b != null && !a.equals(b)) {
      return "unit";
    }
    String helpA = held.getMetadata().getHelp();
    String helpB = added.getMetadata().getHelp();
    if (sameHelp && helpA != null && helpB != null && !helpA.equals(helpB)) {
      return "help";
    }
    return null;
  }

  /** A label set both lists of points have, or null. */
  static Labels sharedSeries(List<? extends DataPointSnapshot> a, List<? extends DataPointSnapshot> b) {
    List<? extends DataPointSnapshot> small = a.size() <= b.size() ? a : b;
    List<? extends DataPointSnapshot> large = small == a ? b : a;
    if (small.size() == 1) {
      // The usual merge: one unlabelled series of ours beside a target's series.
      Labels only = small.get(0).getLabels();
      for (DataPointSnapshot point : large) {
        if (only.equals(point.getLabels())) {
          return only;
        }
      }
      return null;
    }
    Set<Labels> seen = new HashSet<>(small.size() * 2);
    for (DataPointSnapshot point : small) {
      seen.add(point.getLabels());
    }
    for (DataPointSnapshot point : large) {
      if (seen.contains(point.getLabels())) {
        return point.getLabels();
      }
    }
    return null;
  }

  /** One line: why family {@code mine} cannot be served beside {@code theirs}, which {@code holders} yield. */
  static String reason(
      MetricSnapshot mine, MetricSnapshot theirs, String holders, Labels duplicate, String shared, boolean sameHelp) {
    String myName = mine.getMetadata().getName();
    String theirName = theirs.getMetadata().getName();
    String type = ExpositionNames.type(mine);
    String theirType = ExpositionNames.type(theirs);
    String why;
    String mismatch = mismatch(theirs, mine, sameHelp);
    if (duplicate != null) {
      why = "its series " + Describe.labels(duplicate) + " is also yielded by " + holders;
    } else if (!myName.equals(theirName)) {
      why = theirType + " " + Describe.name(theirName) + " of " + holders + " also writes " + Describe.name(shared);
    } else if ("type".equals(mismatch)) {
      why = holders + " yields it as " + ("aeiou".indexOf(theirType.charAt(0)) >= 0 ? "an " : "a ") + theirType;
    } else if ("unit".equals(mismatch)) {
      why = holders + " yields it in unit " + theirs.getMetadata().getUnit() + ", not " + mine.getMetadata().getUnit();
    } else if ("help".equals(mismatch)) {
      why = "its help text differs from the one of " + holders;
    } else {
      why = "the name " + Describe.name(shared) + " is already taken by " + holders;
    }
    return type + " " + Describe.name(myName) + " left out: " + why;
  }
}
