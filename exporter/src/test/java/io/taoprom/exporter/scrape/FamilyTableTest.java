package io.taoprom.exporter.scrape;

import static io.taoprom.exporter.scrape.IsolatingCollectorTest.families;
import static io.taoprom.exporter.scrape.IsolatingCollectorTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.LabelPair;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Metric;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricType;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
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
import io.prometheus.metrics.model.snapshots.Unit;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Families of one name from several collectors, through {@link IsolatingCollector} and the
 * three exposition formats: merged when they can be served as one, one of them left out
 * (never the collector) when they cannot.
 */
class FamilyTableTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  static GaugeSnapshot gauge(String name, String help, double value, String... labels) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build()).build();
  }

  static CounterSnapshot counter(String name, String help, double value, String... labels) {
    return CounterSnapshot.builder().name(name).help(help)
        .dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build()).build();
  }

  static HistogramSnapshot histogram(String name, boolean gaugeHistogram, String... labels) {
    return HistogramSnapshot.builder().name(name).help("Latency.").gaugeHistogram(gaugeHistogram)
        .dataPoint(HistogramDataPointSnapshot.builder().labels(Labels.of(labels))
            .classicHistogramBuckets(ClassicHistogramBuckets.of(new double[] {0.5, Double.POSITIVE_INFINITY}, new long[] {2, 1}))
            .sum(1.25).build())
        .build();
  }

  static Map<String, Double> gaugeValues(MetricSnapshots snapshots, String name) {
    Map<String, Double> values = new HashMap<>();
    for (MetricSnapshot s : snapshots) {
      if (s.getMetadata().getName().equals(name)) {
        s.getDataPoints().forEach(p -> values.put(p.getLabels().toString(), ((GaugeDataPointSnapshot) p).getValue()));
      }
    }
    return values;
  }

  static Map<String, Double> skipped(MetricSnapshots snapshots) {
    Map<String, Double> result = new HashMap<>();
    for (MetricSnapshot s : snapshots) {
      if (s.getMetadata().getName().equals(IsolatingCollector.SKIPPED_METRIC)) {
        s.getDataPoints().forEach(p -> result.put(p.getLabels().get("collector"), ((GaugeDataPointSnapshot) p).getValue()));
      }
    }
    return result;
  }

  static String write(ExpositionFormatWriter writer, MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }

  static List<MetricFamily> protobuf(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FORMATS.getPrometheusProtobufWriter().write(out, snapshots);
    List<MetricFamily> families = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(out.toByteArray())) {
      MetricFamily family;
      while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
        families.add(family);
      }
    }
    return families;
  }

  static List<MetricFamily> named(List<MetricFamily> families, String name) {
    return families.stream().filter(f -> f.getName().equals(name)).toList();
  }

  static String labelsOf(Metric metric) {
    StringBuilder out = new StringBuilder();
    for (LabelPair pair : metric.getLabelList()) {
      out.append(pair.getName()).append('=').append(pair.getValue()).append(';');
    }
    return out.toString();
  }

  private static MetricSnapshots scrape(IsolatingCollector isolating) {
    return isolating.scrape(ScrapeRequest.all(TIMEOUT));
  }

  @Test
  void gaugesWithDifferentSeriesAreServedAsOneFamilyInEveryFormat() throws Exception {
    // The "host" collector is slower than "scrape", so its help is the first only by order.
    MultiCollector host = () -> {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return MetricSnapshots.of(gauge("node_load1", "1m load average.", 0.25), gauge("node_load5", "5m load average.", 0.5));
    };
    MultiCollector scrape = () -> MetricSnapshots.of(
        gauge("node_load1", "Load, as the neuron reports it.", 1.5, "source", "neuron"),
        gauge("neuron_up", "Neuron up.", 1, "source", "neuron"));
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("host", host).collector("scrape", scrape).build()) {
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(success(snapshots)).containsExactlyInAnyOrderEntriesOf(Map.of("host", 1.0, "scrape", 1.0));
      assertThat(skipped(snapshots)).containsExactlyInAnyOrderEntriesOf(Map.of("host", 0.0, "scrape", 0.0));
      assertThat(families(snapshots)).containsOnlyOnce("node_load1").contains("node_load5", "neuron_up");
      assertThat(isolating.health().get("scrape").lastError()).isEmpty();

      String text = write(FORMATS.getPrometheusTextFormatWriter(), snapshots);
      assertThat(text).contains("""
          # HELP node_load1 1m load average.
          # TYPE node_load1 gauge
          node_load1 0.25
          node_load1{source="neuron"} 1.5
          # HELP node_load5 5m load average.
          """);
      String openMetrics = write(FORMATS.getOpenMetricsTextFormatWriter(), snapshots);
      assertThat(openMetrics).contains("""
          # TYPE node_load1 gauge
          # HELP node_load1 1m load average.
          node_load1 0.25
          node_load1{source="neuron"} 1.5
          # TYPE node_load5 gauge
          """).endsWith("# EOF\n");

      List<MetricFamily> load = named(protobuf(snapshots), "node_load1");
      assertThat(load).hasSize(1);
      assertThat(load.get(0).getType()).isEqualTo(MetricType.GAUGE);
      assertThat(load.get(0).getHelp()).isEqualTo("1m load average.");
      assertThat(load.get(0).getMetricList()).extracting(FamilyTableTest::labelsOf).containsExactly("", "source=neuron;");
      assertThat(load.get(0).getMetricList()).extracting(m -> m.getGauge().getValue()).containsExactly(0.25, 1.5);
    }
  }

  @Test
  void countersAndHistogramsAreMergedWhateverTheCounterWasNamed() throws Exception {
    MultiCollector process = () -> MetricSnapshots.of(
        counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", 12),
        histogram("request_duration_seconds", false));
    MultiCollector scrape = () -> MetricSnapshots.of(
        counter("process_cpu_seconds", "CPU of the neuron.", 30, "source", "neuron"),
        histogram("request_duration_seconds", false, "source", "neuron"));
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("process", process).collector("scrape", scrape).build()) {
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(success(snapshots)).containsEntry("process", 1.0).containsEntry("scrape", 1.0);
      assertThat(skipped(snapshots)).containsEntry("process", 0.0).containsEntry("scrape", 0.0);
      assertThat(families(snapshots)).containsOnlyOnce("process_cpu_seconds", "request_duration_seconds");

      String text = write(FORMATS.getPrometheusTextFormatWriter(), snapshots);
      assertThat(text).contains("""
          # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
          # TYPE process_cpu_seconds_total counter
          process_cpu_seconds_total 12.0
          process_cpu_seconds_total{source="neuron"} 30.0
          """).contains("""
          # TYPE request_duration_seconds histogram
          request_duration_seconds_bucket{le="0.5"} 2
          request_duration_seconds_bucket{le="+Inf"} 3
          request_duration_seconds_count 3
          request_duration_seconds_sum 1.25
          request_duration_seconds_bucket{source="neuron",le="0.5"} 2
          request_duration_seconds_bucket{source="neuron",le="+Inf"} 3
          request_duration_seconds_count{source="neuron"} 3
          request_duration_seconds_sum{source="neuron"} 1.25
          """);
      assertThat(write(FORMATS.getOpenMetricsTextFormatWriter(), snapshots)).contains("""
          # TYPE process_cpu_seconds counter
          # HELP process_cpu_seconds Total user and system CPU time spent in seconds.
          process_cpu_seconds_total 12.0
          process_cpu_seconds_total{source="neuron"} 30.0
          """);
      List<MetricFamily> parsed = protobuf(snapshots);
      List<MetricFamily> cpu = named(parsed, "process_cpu_seconds_total");
      assertThat(cpu).hasSize(1);
      assertThat(cpu.get(0).getMetricList()).extracting(m -> m.getCounter().getValue()).containsExactly(12.0, 30.0);
      List<MetricFamily> duration = named(parsed, "request_duration_seconds");
      assertThat(duration).hasSize(1);
      assertThat(duration.get(0).getMetricList()).extracting(m -> m.getHistogram().getSampleCount()).containsExactly(3L, 3L);
    }
  }

  @Test
  void threeCollectorsAndTheApplicationRegistryMergeIntoOneFamily() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge.builder().name("workers").help("Workers, as the application counts them.").register(registry).set(8);
    IsolatingCollector.Builder builder = IsolatingCollector.builder().registry(registry);
    for (String name : List.of("a", "b", "c")) {
      builder.collector(name, () -> MetricSnapshots.of(gauge("workers", "Workers of " + name + ".", 1, "pool", name)));
    }
    try (IsolatingCollector isolating = builder.build()) {
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(gaugeValues(snapshots, "workers")).containsOnlyKeys("{}", "{pool=\"a\"}", "{pool=\"b\"}", "{pool=\"c\"}");
      assertThat(write(FORMATS.getPrometheusTextFormatWriter(), snapshots)).contains("""
          # HELP workers Workers, as the application counts them.
          # TYPE workers gauge
          workers 8.0
          workers{pool="a"} 1.0
          workers{pool="b"} 1.0
          workers{pool="c"} 1.0
          """);
      assertThat(named(protobuf(snapshots), "workers")).singleElement().satisfies(f -> assertThat(f.getMetricCount()).isEqualTo(4));
    }
  }

  @Test
  void aUnitOnOneSideOnlyStillMergesAndTheFirstMetadataIsServed() throws Exception {
    MultiCollector withUnit = () -> MetricSnapshots.of(GaugeSnapshot.builder().name("heap_used_bytes").help("Heap in use.").unit(Unit.BYTES)
        .dataPoint(GaugeDataPointSnapshot.builder().value(1024).build()).build());
    MultiCollector withoutUnit = () -> MetricSnapshots.of(gauge("heap_used_bytes", "Heap of the neuron.", 2048, "source", "neuron"));
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("jvm", withUnit).collector("scrape", withoutUnit).build()) {
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(skipped(snapshots)).containsEntry("scrape", 0.0);
      assertThat(write(FORMATS.getOpenMetricsTextFormatWriter(), snapshots)).contains("""
          # TYPE heap_used_bytes gauge
          # UNIT heap_used_bytes bytes
          # HELP heap_used_bytes Heap in use.
          heap_used_bytes 1024.0
          heap_used_bytes{source="neuron"} 2048.0
          """);
    }
  }

  @Test
  void aSeriesBothYieldLeavesOutTheLaterFamilyOnlyAndItsOwnerKeepsItAcrossScrapes() {
    AtomicBoolean firstThrows = new AtomicBoolean(false);
    MultiCollector first = () -> {
      if (firstThrows.get()) {
        throw new IllegalStateException("down");
      }
      return MetricSnapshots.of(gauge("shared_value", "Shared.", 1, "by", "x"), gauge("first_own", "Own.", 1));
    };
    MultiCollector second = () -> MetricSnapshots.of(gauge("shared_value", "Shared.", 2, "by", "x"), gauge("second_own", "Own.", 1));
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("first", first).collector("second", second).build()) {
      MetricSnapshots one = scrape(isolating);
      assertThat(success(one)).containsEntry("first", 1.0).containsEntry("second", 1.0);
      assertThat(skipped(one)).containsEntry("first", 0.0).containsEntry("second", 1.0);
      assertThat(gaugeValues(one, "shared_value")).containsExactly(Map.entry("{by=\"x\"}", 1.0));
      assertThat(families(one)).contains("first_own", "second_own");
      assertThat(isolating.health().get("second").lastError())
          .hasValue("gauge shared_value left out: its series {by=\"x\"} is also yielded by collector \"first\"");
      assertThat(isolating.health().get("second").lastSuccess()).isPresent();

      firstThrows.set(true);
      MetricSnapshots two = scrape(isolating);
      assertThat(success(two)).containsEntry("first", 0.0).containsEntry("second", 1.0);
      assertThat(gaugeValues(two, "shared_value")).containsExactly(Map.entry("{by=\"x\"}", 2.0));
      assertThat(isolating.health().get("second").lastError()).isEmpty();

      firstThrows.set(false);
      // "second" had the family in the last scrape: it keeps it; "first" loses that family only.
      MetricSnapshots three = scrape(isolating);
      assertThat(success(three)).containsEntry("first", 1.0).containsEntry("second", 1.0);
      assertThat(skipped(three)).containsEntry("first", 1.0).containsEntry("second", 0.0);
      assertThat(gaugeValues(three, "shared_value")).containsExactly(Map.entry("{by=\"x\"}", 2.0));
      assertThat(families(three)).contains("first_own");
      assertThat(isolating.health().get("first").lastError()).hasValue(
          "gauge shared_value left out: its series {by=\"x\"} is also yielded by collector \"second\", which had it in the previous scrape");
      assertThat(gaugeValues(scrape(isolating), "shared_value")).as("and on the next").containsExactly(Map.entry("{by=\"x\"}", 2.0));
    }
  }

  @Test
  void aCollectorRegisteredEarlierDoesNotTakeAServedFamilyAway() {
    AtomicBoolean earlyYields = new AtomicBoolean(false);
    MultiCollector early = () -> earlyYields.get()
        ? MetricSnapshots.of(CounterSnapshot.builder().name("jobs").help("Jobs.")
            .dataPoint(CounterDataPointSnapshot.builder().value(5).build()).build())
        : MetricSnapshots.of();
    MultiCollector late = () -> MetricSnapshots.of(gauge("jobs", "Jobs running.", 3));
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("early", early).collector("late", late).build()) {
      assertThat(gaugeValues(scrape(isolating), "jobs")).containsExactly(Map.entry("{}", 3.0));
      earlyYields.set(true);
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(gaugeValues(snapshots, "jobs")).containsExactly(Map.entry("{}", 3.0));
      assertThat(families(snapshots)).containsOnlyOnce("jobs");
      assertThat(skipped(snapshots)).containsEntry("early", 1.0).containsEntry("late", 0.0);
      assertThat(isolating.health().get("early").lastError())
          .hasValue("counter jobs left out: collector \"late\" yields it as a gauge, which had it in the previous scrape");
    }
  }

  @Test
  void anotherTypeUnderTheSameNameIsLeftOutAndTheRestOfTheCollectorServed() {
    MultiCollector host = () -> MetricSnapshots.of(gauge("node_load1", "1m load average.", 0.25));
    MultiCollector scrape = () -> MetricSnapshots.of(
        UnknownSnapshot.builder().name("node_load1").help("Untyped.")
            .dataPoint(UnknownDataPointSnapshot.builder().labels(Labels.of("source", "neuron")).value(1.5).build()).build(),
        histogram("lat", true, "source", "neuron"),
        gauge("neuron_up", "Neuron up.", 1, "source", "neuron"));
    MultiCollector third = () -> MetricSnapshots.of(histogram("lat", false));
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .collector("host", host).collector("scrape", scrape).collector("third", third).build()) {
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(success(snapshots)).containsEntry("host", 1.0).containsEntry("scrape", 1.0).containsEntry("third", 1.0);
      assertThat(skipped(snapshots)).containsEntry("host", 0.0).containsEntry("scrape", 1.0).containsEntry("third", 1.0);
      assertThat(gaugeValues(snapshots, "node_load1")).containsExactly(Map.entry("{}", 0.25));
      assertThat(families(snapshots)).containsOnlyOnce("node_load1", "lat").contains("neuron_up");
      assertThat(isolating.health().get("scrape").lastError())
          .hasValue("unknown node_load1 left out: collector \"host\" yields it as a gauge");
      assertThat(isolating.health().get("third").lastError())
          .hasValue("histogram lat left out: collector \"scrape\" yields it as a gaugehistogram");
    }
  }

  @Test
  void sampleNamesThatCollideAcrossCollectorsAreStillRefused() throws Exception {
    MultiCollector a = () -> MetricSnapshots.of(
        counter("y", "A counter.", 1), histogram("lat", false), gauge("z", "Gauge.", 1));
    MultiCollector b = () -> MetricSnapshots.of(
        gauge("y_total", "Gauge named like the counter's sample.", 2),
        gauge("lat_count", "Gauge named like the histogram's count.", 2),
        gauge("b_own", "Own.", 1));
    MultiCollector c = () -> MetricSnapshots.of(counter("y_created", "Collides with the counter's _created.", 1));
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("a", a).collector("b", b).collector("c", c).build()) {
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(skipped(snapshots)).containsEntry("a", 0.0).containsEntry("b", 2.0).containsEntry("c", 1.0);
      assertThat(families(snapshots)).contains("y", "lat", "b_own").doesNotContain("y_total", "lat_count", "y_created");
      assertThat(isolating.health().get("b").lastError())
          .hasValue("gauge lat_count left out: histogram lat of collector \"a\" also writes lat_count (and 1 more family)");
      assertThat(isolating.health().get("c").lastError())
          .hasValue("counter y_created left out: counter y of collector \"a\" also writes y_created");
      String text = write(FORMATS.getPrometheusTextFormatWriter(), snapshots);
      assertThat(text.lines().filter(l -> l.startsWith("y_total")).toList()).containsExactly("y_total 1.0");
    }
  }

  @Test
  void aDuplicateOfAMergedFamilyIsLeftOutAndNamesEveryHolder() {
    MultiCollector a = () -> MetricSnapshots.of(gauge("pool_size", "Pool.", 1, "pool", "a"));
    MultiCollector b = () -> MetricSnapshots.of(gauge("pool_size", "Pool.", 2, "pool", "b"));
    MultiCollector copy = () -> MetricSnapshots.of(gauge("pool_size", "Pool.", 9, "pool", "b"), gauge("copy_own", "Own.", 1));
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("a", a).collector("b", b).collector("copy", copy).build()) {
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(gaugeValues(snapshots, "pool_size")).containsOnly(Map.entry("{pool=\"a\"}", 1.0), Map.entry("{pool=\"b\"}", 2.0));
      assertThat(families(snapshots)).contains("copy_own");
      assertThat(isolating.health().get("copy").lastError())
          .hasValue("gauge pool_size left out: its series {pool=\"b\"} is also yielded by collector \"a\" and collector \"b\"");
    }
  }

  @Test
  void theExportersOwnSeriesStayItsOwnAndOnlyTheFamilyTakingTheirNameIsLeftOut() {
    MultiCollector mimic = () -> MetricSnapshots.of(
        gauge(IsolatingCollector.SUCCESS_METRIC, "Mine.", 1, "collector", "other"),
        gauge(IsolatingCollector.SKIPPED_METRIC, "Mine.", 0, "collector", "other"),
        InfoSnapshot.builder().name("taoprom_build_info").help("Another TaoProm's build.")
            .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("source", "other", "version", "0.0.1")).build()).build(),
        gauge("mimic_own", "Own.", 1));
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .collector("good", () -> MetricSnapshots.of(gauge("good_value", "Good.", 1))).collector("mimic", mimic).build()) {
      MetricSnapshots snapshots = scrape(isolating);
      assertThat(success(snapshots)).containsEntry("good", 1.0).containsEntry("mimic", 1.0);
      assertThat(skipped(snapshots)).containsEntry("good", 0.0).containsEntry("mimic", 3.0);
      assertThat(families(snapshots)).contains("mimic_own", "good_value")
          .containsOnlyOnce(IsolatingCollector.SUCCESS_METRIC, IsolatingCollector.SKIPPED_METRIC, "taoprom_build_info")
          .doesNotContain("taoprom_build");
      assertThat(gaugeValues(snapshots, IsolatingCollector.SUCCESS_METRIC)).containsOnlyKeys("{collector=\"good\"}", "{collector=\"mimic\"}");
      assertThat(isolating.health().get("mimic").lastError()).hasValue(
          "info taoprom_build left out: taoprom_build_info is one of the exporter's own series (and 2 more families)");
    }
  }

  @Test
  void familiesWhoseNamesShareAHashCodeAreToldApart() {
    // "Aa" and "BB" have the same String.hashCode(), and so do x_Aa and x_BB: when served
    // families were remembered by hash, "late" having had x_Aa looked like having had x_BB, and
    // it took x_BB from "early", which is registered first and had as much claim to it.
    assertThat("x_Aa".hashCode()).isEqualTo("x_BB".hashCode());
    AtomicBoolean second = new AtomicBoolean(false);
    MultiCollector early = () -> second.get() ? MetricSnapshots.of(gauge("x_BB", "Early.", 1)) : MetricSnapshots.of();
    MultiCollector late = () -> second.get()
        ? MetricSnapshots.of(gauge("x_Aa", "Late.", 2), gauge("x_BB", "Late.", 2))
        : MetricSnapshots.of(gauge("x_Aa", "Late.", 2));
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("early", early).collector("late", late).build()) {
      assertThat(families(scrape(isolating))).contains("x_Aa").doesNotContain("x_BB");
      second.set(true);

      MetricSnapshots snapshots = scrape(isolating);

      assertThat(gaugeValues(snapshots, "x_BB")).containsExactly(Map.entry("{}", 1.0));
      assertThat(gaugeValues(snapshots, "x_Aa")).containsExactly(Map.entry("{}", 2.0));
      assertThat(skipped(snapshots)).containsEntry("early", 0.0).containsEntry("late", 1.0);
      assertThat(isolating.health().get("late").lastError())
          .hasValue("gauge x_BB left out: its series {} is also yielded by collector \"early\"");
    }
  }
}
