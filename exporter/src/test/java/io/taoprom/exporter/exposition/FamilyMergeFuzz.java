package io.taoprom.exporter.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Families of every type, with names built from a few stems and every suffix the formats use (so
 * that {@code x_total}, {@code x_count}, {@code x_created} collide as often as the fuzzer likes),
 * from several sources with a history of its choosing, through the one {@link FamilyMerger}:
 * whatever comes in, what comes out is a valid exposition (no sample name written twice, no
 * series twice in a family) that every writer takes, no served family is lost without a reason,
 * and every reason is one short line.
 */
class FamilyMergeFuzz {

  private static final String[] STEMS = {"x", "x_total", "x_count", "x_sum", "x_bucket", "x_created", "x_info", "x_gcount",
      "y", "y_total_total", "reserved", "reserved_total"};
  private static final String[] UNITS = {null, "bytes", "seconds"};
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  @FuzzTest(maxDuration = "15s")
  void anyFamiliesMergeIntoAValidExposition(FuzzedDataProvider data) throws Exception {
    int sources = data.consumeInt(1, 4);
    Set<String> history = new HashSet<>();
    for (int i = data.consumeInt(0, 6); i > 0; i--) {
      history.add(data.consumeInt(0, sources - 1) + "/" + data.pickValue(STEMS));
    }
    FamilyMerger merger = FamilyMerger.builder()
        .sameHelp(data.consumeBoolean())
        .history((source, family) -> history.contains(source + "/" + family))
        .defaultHelp((name, from) -> "from " + String.join(", ", from))
        .build();
    merger.reserve("reserved", "the test");
    for (int s = 0; s < sources; s++) {
      merger.source("source \u001b[31m\n" + s);
    }
    int added = 0;
    for (int f = data.consumeInt(0, 24); f > 0; f--) {
      MetricSnapshot family;
      try {
        family = family(data);
      } catch (IllegalArgumentException e) {
        continue; // client_java refused what the fuzzer made (a name that does not fit its unit): not the merger's input
      }
      merger.add(data.consumeInt(0, sources - 1), family);
      added++;
    }
    List<MetricSnapshot> served = merger.families();
    MetricSnapshots snapshots = new MetricSnapshots(served); // throws on a family name given twice
    ExpositionNames.check(snapshots); // throws on a sample name written twice
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FORMATS.getPrometheusTextFormatWriter().write(out, snapshots);
    FORMATS.getOpenMetricsTextFormatWriter().write(out, snapshots);
    FORMATS.getPrometheusProtobufWriter().write(out, snapshots);
    int skipped = 0;
    for (int s = 0; s < sources; s++) {
      skipped += merger.skipped(s);
    }
    assertThat(merger.leftOut()).hasSize(skipped);
    for (FamilyMerger.LeftOut left : merger.leftOut()) {
      String line = left.toString();
      assertThat(line.length()).as(line).isLessThan(700);
      assertThat(line.chars().noneMatch(c -> c < 0x20)).as(line).isTrue();
    }
    // Every family added is served (alone or merged), or was left out with a reason.
    assertThat(served.size()).isLessThanOrEqualTo(added);
  }

  private static MetricSnapshot family(FuzzedDataProvider data) {
    String name = data.pickValue(STEMS);
    String help = data.consumeBoolean() ? null : data.consumeBoolean() ? "Help." : "Other help.";
    String unit = data.pickValue(UNITS);
    if (unit != null) {
      name = name + "_" + unit;
    }
    Unit u = unit == null ? null : new Unit(unit);
    int points = data.consumeInt(1, 3);
    switch (data.consumeInt(0, 6)) {
      case 0: {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help).unit(u);
        for (int i = 0; i < points; i++) {
          b.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(data)).value(data.consumeDouble()).build());
        }
        return b.build();
      }
      case 1: {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help).unit(u);
        for (int i = 0; i < points; i++) {
          b.dataPoint(CounterDataPointSnapshot.builder().labels(labels(data)).value(data.consumeInt(0, 100)).build());
        }
        return b.build();
      }
      case 2:
      case 3: {
        HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help).unit(u).gaugeHistogram(data.consumeBoolean());
        for (int i = 0; i < points; i++) {
          b.dataPoint(HistogramDataPointSnapshot.builder().labels(labels(data))
              .classicHistogramBuckets(ClassicHistogramBuckets.of(new double[] {1, Double.POSITIVE_INFINITY}, new long[] {1, 2}))
              .sum(3).build());
        }
        return b.build();
      }
      case 4: {
        SummarySnapshot.Builder b = SummarySnapshot.builder().name(name).help(help).unit(u);
        for (int i = 0; i < points; i++) {
          b.dataPoint(SummaryDataPointSnapshot.builder().labels(labels(data)).count(1).sum(1).build());
        }
        return b.build();
      }
      case 5: {
        InfoSnapshot.Builder b = InfoSnapshot.builder().name(name).help(help);
        for (int i = 0; i < points; i++) {
          b.dataPoint(InfoDataPointSnapshot.builder().labels(labels(data)).build());
        }
        return b.build();
      }
      default: {
        UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help).unit(u);
        for (int i = 0; i < points; i++) {
          b.dataPoint(UnknownDataPointSnapshot.builder().labels(labels(data)).value(1).build());
        }
        return b.build();
      }
    }
  }

  /** One of a few label sets, so that series repeat across sources; values may hold anything. */
  private static Labels labels(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 3)) {
      case 0:
        return Labels.EMPTY;
      case 1:
        return Labels.of("source", data.consumeBoolean() ? "a" : "b");
      case 2:
        return Labels.of("pool", data.consumeString(40));
      default:
        return Labels.of("a", "1", "b", data.consumeAsciiString(8));
    }
  }
}
