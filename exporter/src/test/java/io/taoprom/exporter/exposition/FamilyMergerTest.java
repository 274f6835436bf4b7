package io.taoprom.exporter.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one family merge, as plugins use it: sources, reserved names, help rules, bounded reasons. */
class FamilyMergerTest {

  private static GaugeSnapshot gauge(String name, String help, String... labels) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(1).build()).build();
  }

  private static String text(List<MetricSnapshot> families) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExpositionFormats.init().getPrometheusTextFormatWriter().write(out, new MetricSnapshots(families));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void mergesThreeSourcesAndFindsADuplicateAmongAllOfThem() throws IOException {
    FamilyMerger merger = FamilyMerger.builder().build();
    int a = merger.source("a");
    int b = merger.source("b");
    int c = merger.source("c");
    int d = merger.source("d");

    assertThat(merger.add(a, gauge("jobs", "Jobs.", "q", "1"))).isTrue();
    assertThat(merger.add(b, gauge("jobs", "Other help.", "q", "2"))).isTrue();
    assertThat(merger.add(c, gauge("jobs", "Jobs.", "q", "3"))).isTrue();
    // A series that only the first part has: found though the family is already in three parts.
    assertThat(merger.add(d, gauge("jobs", "Jobs.", "q", "1"))).isFalse();

    assertThat(text(merger.families())).isEqualTo("""
        # HELP jobs Jobs.
        # TYPE jobs gauge
        jobs{q="1"} 1.0
        jobs{q="2"} 1.0
        jobs{q="3"} 1.0
        """);
    assertThat(merger.leftOut()).extracting(FamilyMerger.LeftOut::toString)
        .containsExactly("d: gauge jobs left out: its series {q=\"1\"} is also yielded by a and b and c");
    assertThat(merger.served(b)).containsExactly("jobs");
    assertThat(merger.served(d)).isEmpty();
    assertThat(merger.skipped(d)).isOne();
  }

  @Test
  void sameHelpKeepsNodeExportersRuleAndDefaultHelpNamesEverySource() throws IOException {
    FamilyMerger merger = FamilyMerger.builder()
        .sameHelp(true)
        .defaultHelp((name, sources) -> "Metric read from " + String.join(", ", sources))
        .build();
    int a = merger.source("/d/a.prom");
    int b = merger.source("/d/b.prom");
    merger.add(a, gauge("jobs", "Jobs.", "q", "a"));
    merger.add(b, gauge("jobs", "Different.", "q", "b"));
    merger.add(a, GaugeSnapshot.builder().name("plain").dataPoint(GaugeDataPointSnapshot.builder().value(1).build()).build());
    merger.add(b, GaugeSnapshot.builder().name("plain").dataPoint(GaugeDataPointSnapshot.builder()
        .labels(Labels.of("f", "b")).value(2).build()).build());

    assertThat(text(merger.families())).isEqualTo("""
        # HELP jobs Jobs.
        # TYPE jobs gauge
        jobs{q="a"} 1.0
        # HELP plain Metric read from /d/a.prom, /d/b.prom
        # TYPE plain gauge
        plain 1.0
        plain{f="b"} 2.0
        """);
    assertThat(merger.leftOut()).extracting(FamilyMerger.LeftOut::reason)
        .containsExactly("gauge jobs left out: its help text differs from the one of /d/a.prom");
  }

  @Test
  void reservedNamesAndCollidingSampleNamesAreLeftOut() {
    FamilyMerger merger = FamilyMerger.builder().build();
    merger.reserve("node_textfile_scrape_error", "the textfile collector");
    int a = merger.source("a.prom");
    merger.add(a, CounterSnapshot.builder().name("done_total").help("Done.")
        .dataPoint(CounterDataPointSnapshot.builder().value(4).build()).build());

    assertThat(merger.add(a, gauge("node_textfile_scrape_error", "Mine."))).isFalse();
    assertThat(merger.add(a, gauge("done_total", "Gauge named like the counter's sample."))).isFalse();
    assertThat(merger.add(a, GaugeSnapshot.builder().name("done_bytes").unit(Unit.BYTES).help("x")
        .dataPoint(GaugeDataPointSnapshot.builder().value(1).build()).build())).isTrue(); // a name of its own

    assertThat(merger.leftOut()).extracting(FamilyMerger.LeftOut::reason).containsExactly(
        "gauge node_textfile_scrape_error left out: node_textfile_scrape_error is one of the textfile collector's own series",
        "gauge done_total left out: counter done of a.prom also writes done_total");
    assertThat(merger.families()).extracting(f -> f.getMetadata().getName()).containsExactly("done", "done_bytes");
    assertThatThrownBy(() -> merger.add(a, gauge("late", "Too late."))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReservedFamilyKeepsEverySampleNameItsTypeWritesAndNoneOfItsSeries() {
    FamilyMerger merger = FamilyMerger.builder().build();
    CounterSnapshot counter = CounterSnapshot.builder().name("node_cpu_seconds").help("CPU.")
        .dataPoint(CounterDataPointSnapshot.builder().value(4).build()).build();
    merger.reserve(counter, "collector \"cpu\"");
    int pushed = merger.source("push group {job=\"a\"}");

    assertThat(merger.add(pushed, gauge("node_cpu_seconds_total", "Gauge named like the counter's sample."))).isFalse();
    assertThat(merger.add(pushed, CounterSnapshot.builder().name("node_cpu_seconds").help("Mine.")
        .dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("job", "a")).value(1).build()).build())).isFalse();
    assertThat(merger.add(pushed, gauge("node_cpu", "A name of its own."))).isTrue();

    assertThat(merger.leftOut()).extracting(FamilyMerger.LeftOut::reason).containsExactly(
        "gauge node_cpu_seconds_total left out: node_cpu_seconds is one of collector \"cpu\"'s own series",
        "counter node_cpu_seconds left out: node_cpu_seconds is one of collector \"cpu\"'s own series");
    assertThat(merger.families()).extracting(f -> f.getMetadata().getName()).containsExactly("node_cpu");
    assertThat(ExpositionNames.shape(counter).getDataPoints()).isEmpty();
    assertThat(ExpositionNames.shape(counter)).isInstanceOf(CounterSnapshot.class);
    assertThat(ExpositionNames.shape(counter).getMetadata()).isSameAs(counter.getMetadata());
  }

  @Test
  void reasonsStayShortAndOneLineWhateverTheNamesAndValuesHold() {
    FamilyMerger merger = FamilyMerger.builder().build();
    int a = merger.source("a");
    int b = merger.source("b");
    String longName = "n".repeat(1_000_000);
    String hostile = "\u001b[2J\n" + "v".repeat(100_000);
    merger.add(a, gauge(longName, "Long.", "l", hostile));
    merger.add(b, gauge(longName, "Long.", "l", hostile));

    String reason = merger.leftOut().get(0).reason();
    assertThat(reason.length()).isLessThan(500);
    assertThat(reason).doesNotContain("\n", "\u001b").contains("\\x1b[2J\\n", "…(+");
  }
}
