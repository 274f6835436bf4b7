package io.taoprom.exporter.scrape;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Objects;

/**
 * A family the exporter knows it serves, without its series: one a collector yielded in its last
 * successful collection, one of the application registry's, or one of the exporter's own series.
 * For a source of outside families that must not take their names: the push collector checks a
 * push against these before it accepts it.
 *
 * <pre>{@code
 * FamilyMerger merger = FamilyMerger.builder().build();
 * exporter.knownFamilies(name -> !name.equals("push")).forEach(k -> merger.reserve(k.shape(), k.owner()));
 * }</pre>
 *
 * @param owner who yields it, as messages name it: {@code collector "loadavg"}, {@code the
 *     application registry}, {@code the exporter}
 * @param shape the family's name, type and metadata, without series ({@code ExpositionNames.shape})
 */
public record KnownFamily(String owner, MetricSnapshot shape) {

  public KnownFamily {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(shape, "shape");
  }
}
