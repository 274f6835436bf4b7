package io.taoprom.exporter.exposition;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One family of a merged exposition, from one source or merged from several, or a reserved name. */
final class Claim {

  /** The source of a reserved name. */
  static final int RESERVED = -1;

  final String name;
  final int first; // the source whose help and unit are served; RESERVED for a reserved name
  final String owner; // who reserved it; null unless reserved
  final MetricSnapshot snapshot; // the first part; a placeholder for a reserved name
  List<MetricSnapshot> more; // the parts merged in, null for none
  int[] others; // their sources, in order
  Set<Labels> series; // every series of every part, once a third part needs checking
  boolean evicted;

  Claim(String name, int first, String owner, MetricSnapshot snapshot) {
    this.name = name;
    this.first = first;
    this.owner = owner;
    this.snapshot = snapshot;
  }

  /** A label set this family and {@code added} both have, or null. */
  Labels sharedSeries(MetricSnapshot added) {
    if (more == null) {
      return Conflicts.sharedSeries(snapshot.getDataPoints(), added.getDataPoints());
    }
    if (series == null) {
      Set<Labels> all = new HashSet<>();
      addLabels(all, snapshot);
      more.forEach(part -> addLabels(all, part));
      series = all;
    }
    for (DataPointSnapshot point : added.getDataPoints()) {
      if (series.contains(point.getLabels())) {
        return point.getLabels();
      }
    }
    return null;
  }

  private static void addLabels(Set<Labels> into, MetricSnapshot family) {
    for (DataPointSnapshot point : family.getDataPoints()) {
      into.add(point.getLabels());
    }
  }

  /** Merges {@code family} of {@code source} in (its series checked already). */
  void merge(int source, MetricSnapshot family) {
    if (more == null) {
      more = new ArrayList<>(2);
      others = new int[0];
    }
    more.add(family);
    others = Arrays.copyOf(others, others.length + 1);
    others[others.length - 1] = source;
    if (series != null) {
      addLabels(series, family);
    }
  }

  /** Whether any source with a part in it served this family in the previous scrape. */
  boolean servedBefore(FamilyMerger.History history) {
    if (history.servedBefore(first, name)) {
      return true;
    }
    if (others != null) {
      for (int other : others) {
        if (history.servedBefore(other, name)) {
          return true;
        }
      }
    }
    return false;
  }
}
