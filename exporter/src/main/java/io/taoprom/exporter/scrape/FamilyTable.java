package io.taoprom.exporter.scrape;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.exposition.FamilyMerger;
import java.util.List;

/**
 * The families of one scrape, put together from the collectors that succeeded by the exporter's
 * one {@link FamilyMerger}: what it merges, what it leaves out and why is documented there.
 *
 * <p>Collectors are added in registration order, the application registry first. A contested
 * family stays with the collector that served it in the previous scrape (as remembered by
 * {@link CollectorUnit#served(String)}, by name); the exporter's own series are reserved. A
 * left-out family is counted in {@code taoprom_scrape_collector_skipped_families} and named in
 * the collector's last error.
 *
 * <p>One table per scrape; not thread-safe.
 */
final class FamilyTable {

  private final Outcome[] outcomes;
  private final FamilyMerger merger;
  private final int[] sources;

  /**
   * A table for the collectors of one scrape and what each gave.
   *
   * @param expectedFamilies how many families the successful outcomes hold in all
   */
  FamilyTable(List<CollectorUnit> units, Outcome[] outcomes, int expectedFamilies) {
    this.outcomes = outcomes;
    this.merger = FamilyMerger.builder()
        .history((source, family) -> units.get(source).served(family))
        .expectedFamilies(expectedFamilies)
        .build();
    this.sources = new int[outcomes.length];
    for (int c = 0; c < outcomes.length; c++) {
      CollectorUnit unit = units.get(c);
      sources[c] = merger.source(unit.reported() ? "collector \"" + unit.name() + "\"" : "the application registry");
    }
  }

  /** Keeps {@code name} for the exporter's own series: a collector's family that takes it is left out. */
  void reserve(String name) {
    merger.reserve(name, "the exporter");
  }

  /** Adds the families of collector {@code c}, whose outcome succeeded. */
  void add(int c) {
    MetricSnapshots snapshots = outcomes[c].snapshots();
    for (MetricSnapshot family : snapshots) {
      merger.add(sources[c], family);
    }
  }

  /** The families of the scrape, in no particular order; the caller may add to the list. */
  List<MetricSnapshot> families() {
    return merger.families();
  }

  /** Collector {@code c}'s outcome, made {@link Outcome.Kind#PARTIAL} if families of it were left out. */
  Outcome outcome(int c) {
    Outcome outcome = outcomes[c];
    int n = merger.skipped(sources[c]);
    if (n == 0 || !outcome.succeeded()) {
      return outcome;
    }
    String more = n == 1 ? "" : " (and " + (n - 1) + (n == 2 ? " more family)" : " more families)");
    return outcome.partial(n, merger.firstSkipped(sources[c]) + more);
  }

  /** The names of the families collector {@code c} has in this scrape, sorted; after {@link #families()}. */
  String[] served(int c) {
    return merger.served(sources[c]);
  }
}
