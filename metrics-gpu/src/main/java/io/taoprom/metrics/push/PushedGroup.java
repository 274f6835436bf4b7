package io.taoprom.metrics.push;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.taoprom.metrics.textfile.format.HeapBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One group of pushed metrics as it is held: its families (each series carrying the grouping
 * labels), when it last changed, and the Pushgateway's two timestamps. Immutable.
 *
 * @param key the grouping key
 * @param families the families, in the order pushed, each with the heap account it is charged to
 * @param series how many series the families hold
 * @param pushTime Unix time of the last successful PUT or POST, 0 when none succeeded
 * @param failureTime Unix time of the last refused PUT or POST, 0 when none was
 * @param touchedMillis when a PUT or POST last succeeded (or, for a group that only failed, was
 *     first refused): what {@code --push.expiry} counts from
 */
record PushedGroup(
    GroupingKey key, List<Pushed> families, int series, double pushTime, double failureTime, long touchedMillis) {

  /** A family and the account its objects are charged to: that of the push that brought it. */
  record Pushed(MetricSnapshot family, HeapBudget.Account account) {}

  PushedGroup {
    families = List.copyOf(families);
  }

  /** A group with nothing yet, that a refused push made (as the Pushgateway does), to carry its failure time. */
  static PushedGroup failedOnly(GroupingKey key, double nowSeconds, long nowMillis) {
    return new PushedGroup(key, List.of(), 0, 0, nowSeconds, nowMillis);
  }

  /**
   * The families after a push of {@code pushed}: those alone for a PUT ({@code replace}); for a
   * POST, this group's families less those of the same names, then the pushed ones.
   */
  List<Pushed> after(boolean replace, List<Pushed> pushed) {
    if (replace) {
      return pushed;
    }
    Set<String> names = new HashSet<>();
    pushed.forEach(p -> names.add(p.family().getMetadata().getName()));
    List<Pushed> out = new ArrayList<>(families.size() + pushed.size());
    for (Pushed p : families) {
      if (!names.contains(p.family().getMetadata().getName())) {
        out.add(p);
      }
    }
    out.addAll(pushed);
    return out;
  }

  /** How many series {@code families} hold. */
  static int series(List<Pushed> families) {
    int n = 0;
    for (Pushed p : families) {
      n += p.family().getDataPoints().size();
    }
    return n;
  }

  /** This group with the failure time set. */
  PushedGroup failed(double nowSeconds) {
    return new PushedGroup(key, families, series, pushTime, nowSeconds, touchedMillis);
  }
}
