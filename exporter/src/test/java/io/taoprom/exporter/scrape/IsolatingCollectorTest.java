package io.taoprom.exporter.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.ScrapeDeadline;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IsolatingCollectorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  static GaugeSnapshot gauge(String name, double value, String... labels) {
    return GaugeSnapshot.builder().name(name)
        .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build()).build();
  }

  static CounterSnapshot counter(String name, double value) {
    return CounterSnapshot.builder().name(name).dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
  }

  /** success value by collector, and the set of family names, of one scrape. */
  static Map<String, Double> success(MetricSnapshots snapshots) {
    Map<String, Double> result = new HashMap<>();
    for (MetricSnapshot s : snapshots) {
      if (s.getMetadata().getName().equals(IsolatingCollector.SUCCESS_METRIC)) {
        s.getDataPoints().forEach(p -> result.put(p.getLabels().get("collector"), ((GaugeDataPointSnapshot) p).getValue()));
      }
    }
    return result;
  }

  static List<String> families(MetricSnapshots snapshots) {
    return snapshots.stream().map(s -> s.getMetadata().getName()).toList();
  }

  @Test
  void concurrentScrapesShareOneCollection() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    MultiCollector slow = () -> {
      calls.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return MetricSnapshots.of(gauge("slow_value", 1));
    };
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("slow", slow).build()) {
      CompletableFuture<MetricSnapshots> first = CompletableFuture.supplyAsync(() -> isolating.scrape(ScrapeRequest.all(TIMEOUT)));
      CompletableFuture<MetricSnapshots> second = CompletableFuture.supplyAsync(() -> isolating.scrape(ScrapeRequest.all(TIMEOUT)));
      while (calls.get() == 0) {
        Thread.sleep(5);
      }
      Thread.sleep(100); // both scrapes are now waiting
      release.countDown();
      assertThat(families(first.get(10, TimeUnit.SECONDS))).contains("slow_value");
      assertThat(families(second.get(10, TimeUnit.SECONDS))).contains("slow_value");
      assertThat(calls.get()).isEqualTo(1);
    }
  }

  @Test
  void namesThatCollideInTheExpositionAreRejected() {
    Map<String, MultiCollector> bad = Map.of(
        "twice", () -> MetricSnapshots.of(gauge("x_value", 1, "a", "1"), gauge("x_value", 2, "a", "2")),
        "suffix", () -> MetricSnapshots.of(gauge("y_total", 1), counter("y", 1)),
        "labelname", () -> MetricSnapshots.of(gauge("z_value", 1, "bad-label", "1")),
        "reservedlabel", () -> MetricSnapshots.of(GaugeSnapshot.builder().name("w_value")
            .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("__name__", "x")).value(1).build()).build()),
        "utf8", () -> MetricSnapshots.of(gauge("temp.celsius", 1)),
        "nullresult", () -> null);
    IsolatingCollector.Builder builder = IsolatingCollector.builder().collector("good", () -> MetricSnapshots.of(gauge("good_value", 1)));
    bad.forEach(builder::collector);
    try (IsolatingCollector isolating = builder.build()) {
      MetricSnapshots snapshots = isolating.scrape(ScrapeRequest.all(TIMEOUT));
      Map<String, Double> success = success(snapshots);
      assertThat(success).containsEntry("good", 1.0);
      bad.keySet().forEach(name -> assertThat(success).containsEntry(name, 0.0));
      assertThat(families(snapshots)).containsExactly(
          "good_value", "taoprom_build_info", IsolatingCollector.DURATION_METRIC, IsolatingCollector.SKIPPED_METRIC,
          IsolatingCollector.SUCCESS_METRIC);
      Map<String, Optional<String>> errors = new HashMap<>();
      isolating.health().forEach((name, h) -> errors.put(name, h.lastError()));
      assertThat(errors.get("twice")).hasValue("metric x_value yielded twice");
      assertThat(errors.get("suffix")).hasValue("metric y_total yielded by both counter y and gauge y_total");
      assertThat(errors.get("labelname")).hasValue("invalid label name \"bad-label\" on metric z_value");
      assertThat(errors.get("utf8")).hasValue("invalid metric name \"temp.celsius\"");
      assertThat(errors.get("nullresult")).hasValue("collect() returned null");
    }
  }

  @Test
  void applicationMetricsAreServedWhateverTheSelectionAndWithoutSuccessSeries() {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register((MultiCollector) () -> MetricSnapshots.of(gauge("app_value", 7)));
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .registry(registry)
        .collector("a", () -> MetricSnapshots.of(gauge("a_value", 1)))
        .collector("b", () -> MetricSnapshots.of(gauge("b_value", 1)))
        .build()) {
      MetricSnapshots onlyB = isolating.scrape(new ScrapeRequest(TIMEOUT, "b"::equals));
      assertThat(families(onlyB)).contains("app_value", "b_value").doesNotContain("a_value");
      assertThat(success(onlyB)).containsOnlyKeys("b");
      assertThat(isolating.names()).containsExactly("a", "b");
    }
  }

  @Test
  void nodeExporterCollectorsAlsoGetNodeExportersScrapeSeries() {
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .collectorFactory("loadavg", () -> () -> MetricSnapshots.of(gauge("node_load1", 1)), true)
        .collectorFactory("broken", () -> () -> {
          throw new IllegalStateException("no");
        }, true)
        .collector("nvml", () -> MetricSnapshots.of(gauge("gpu_count", 1)))
        .build()) {
      MetricSnapshots snapshots = isolating.scrape(ScrapeRequest.all(TIMEOUT));
      Map<String, Double> nodeSuccess = new HashMap<>();
      Map<String, Double> nodeDuration = new HashMap<>();
      for (MetricSnapshot s : snapshots) {
        Map<String, Double> into = switch (s.getMetadata().getName()) {
          case IsolatingCollector.NODE_SUCCESS_METRIC -> nodeSuccess;
          case IsolatingCollector.NODE_DURATION_METRIC -> nodeDuration;
          default -> null;
        };
        if (into != null) {
          s.getDataPoints().forEach(p -> into.put(p.getLabels().get("collector"), ((GaugeDataPointSnapshot) p).getValue()));
        }
      }
      // the same verdicts as taoprom's own series, for node_exporter's collectors only
      assertThat(nodeSuccess).containsOnly(Map.entry("loadavg", 1.0), Map.entry("broken", 0.0));
      assertThat(success(snapshots)).containsOnly(Map.entry("loadavg", 1.0), Map.entry("broken", 0.0), Map.entry("nvml", 1.0));
      assertThat(nodeDuration).containsOnlyKeys("loadavg", "broken").allSatisfy((k, v) -> assertThat(v).isBetween(0.0, 5.0));
    }
    try (IsolatingCollector none = IsolatingCollector.builder()
        .collector("nvml", () -> MetricSnapshots.of(gauge("gpu_count", 1))).build()) {
      assertThat(families(none.scrape(ScrapeRequest.all(TIMEOUT))))
          .doesNotContain(IsolatingCollector.NODE_SUCCESS_METRIC, IsolatingCollector.NODE_DURATION_METRIC);
    }
  }

  @Test
  void aCollectorCannotTakeNodeExportersScrapeNames() {
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .collectorFactory("cpu", () -> () -> MetricSnapshots.of(gauge("node_cpu_info", 1)), true)
        .collector("impostor", () -> MetricSnapshots.of(gauge(IsolatingCollector.NODE_SUCCESS_METRIC, 1, "collector", "cpu")))
        .build()) {
      MetricSnapshots snapshots = isolating.scrape(ScrapeRequest.all(TIMEOUT));
      long nodeSuccessFamilies = families(snapshots).stream().filter(IsolatingCollector.NODE_SUCCESS_METRIC::equals).count();
      assertThat(nodeSuccessFamilies).isEqualTo(1);
      for (MetricSnapshot s : snapshots) {
        if (s.getMetadata().getName().equals(IsolatingCollector.NODE_SUCCESS_METRIC)) {
          assertThat(s.getDataPoints()).hasSize(1);
        }
      }
    }
  }

  @Test
  void aFailingRegistryIsLeftOutAndTheCollectorsStillServed() {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register((MultiCollector) () -> {
      throw new IllegalStateException("application collector broke");
    });
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .registry(registry).collector("a", () -> MetricSnapshots.of(gauge("a_value", 1))).build()) {
      MetricSnapshots snapshots = isolating.scrape(ScrapeRequest.all(TIMEOUT));
      assertThat(families(snapshots)).contains("a_value");
      assertThat(success(snapshots)).containsExactly(Map.entry("a", 1.0));
      assertThat(isolating.registryHealth()).get().extracting(CollectorHealth::lastError)
          .isEqualTo(Optional.of("threw IllegalStateException: application collector broke"));
    }
  }

  @Test
  void aScrapeWaitsForASlowCreateWithinItsDeadline() throws Exception {
    CountDownLatch created = new CountDownLatch(1);
    try (IsolatingCollector isolating = IsolatingCollector.builder().collectorFactory("slowstart", () -> {
      created.await();
      return () -> MetricSnapshots.of(gauge("slowstart_value", 1));
    }).build()) {
      assertThat(isolating.ready()).isFalse();
      assertThat(isolating.health().get("slowstart").state()).isEqualTo(CollectorHealth.State.STARTING);
      CompletableFuture<MetricSnapshots> waiting =
          CompletableFuture.supplyAsync(() -> isolating.scrape(ScrapeRequest.all(TIMEOUT)));
      Thread.sleep(150);
      created.countDown();
      assertThat(success(waiting.get(10, TimeUnit.SECONDS))).containsEntry("slowstart", 1.0);
      assertThat(isolating.ready()).isTrue();
      assertThat(isolating.health().get("slowstart").state()).isEqualTo(CollectorHealth.State.RUNNING);
    }
  }

  @Test
  void aCreateThatOutlastsTheDeadlineIsReportedAndNotRunTwice() throws Exception {
    CountDownLatch created = new CountDownLatch(1);
    AtomicInteger creations = new AtomicInteger();
    try (IsolatingCollector isolating = IsolatingCollector.builder().collectorFactory("slowstart", () -> {
      creations.incrementAndGet();
      created.await();
      return () -> MetricSnapshots.of(gauge("slowstart_value", 1));
    }).build()) {
      assertThat(success(isolating.scrape(ScrapeRequest.all(Duration.ofMillis(100))))).containsEntry("slowstart", 0.0);
      assertThat(isolating.health().get("slowstart").lastError()).get().asString()
          .isEqualTo("did not finish within the scrape deadline of 0.100 s");
      assertThat(success(isolating.scrape(ScrapeRequest.all(TIMEOUT)))).containsEntry("slowstart", 0.0);
      assertThat(isolating.health().get("slowstart").lastError()).get().asString()
          .startsWith("create() is still running after ").endsWith("; not started again");
      created.countDown();
      assertThat(isolating.awaitReady(Duration.ofSeconds(5))).isTrue();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(
          () -> success(isolating.scrape(ScrapeRequest.all(TIMEOUT))).get("slowstart") == 1.0);
      assertThat(creations.get()).isEqualTo(1);
    }
  }

  @Test
  void collectorsSeeTheScrapeDeadline() {
    AtomicReference<Optional<Duration>> seen = new AtomicReference<>();
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("deadline", () -> {
      seen.set(ScrapeDeadline.remaining());
      return MetricSnapshots.of();
    }).build()) {
      isolating.scrape(ScrapeRequest.all(Duration.ofSeconds(3)));
      assertThat(seen.get()).get().satisfies(left -> assertThat(left).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
      assertThat(ScrapeDeadline.remaining()).isEmpty();
    }
  }

  @Test
  void closeClosesCollectorsThatAreAutoCloseable() {
    AtomicInteger closed = new AtomicInteger();
    class Closeable implements MultiCollector, AutoCloseable {
      @Override
      public MetricSnapshots collect() {
        return MetricSnapshots.of();
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    }
    class FailsToClose extends Closeable {
      @Override
      public void close() {
        throw new IllegalStateException("close failed on purpose");
      }
    }
    IsolatingCollector isolating = IsolatingCollector.builder()
        .collector("fails", new FailsToClose()).collector("closes", new Closeable()).build();
    isolating.scrape(ScrapeRequest.all(TIMEOUT));
    isolating.close();
    assertThat(closed.get()).isEqualTo(1);
  }

  @Test
  void createFailureIsReportedOnEveryScrape() {
    try (IsolatingCollector isolating = IsolatingCollector.builder().collectorFactory("broken", () -> {
      throw new UnsatisfiedLinkError("libnvidia-ml.so.1: cannot open shared object file");
    }).build()) {
      for (int i = 0; i < 2; i++) {
        assertThat(success(isolating.scrape(ScrapeRequest.all(TIMEOUT)))).containsExactly(Map.entry("broken", 0.0));
      }
      CollectorHealth health = isolating.health().get("broken");
      assertThat(health.state()).isEqualTo(CollectorHealth.State.FAILED_TO_START);
      assertThat(health.lastError()).hasValue("could not be created: UnsatisfiedLinkError: libnvidia-ml.so.1: cannot open shared object file");
    }
  }

  @Test
  void aFinishedCollectionIsNotKeptOnceItsScrapeHasIt() throws Exception {
    // A collector whose output is as large as a big textfile's: were the unit to keep its last
    // call, the next collection would run beside a whole copy of it.
    AtomicReference<WeakReference<GaugeSnapshot>> made = new AtomicReference<>();
    MultiCollector collector = () -> {
      GaugeSnapshot big = gauge("big_family", 1);
      made.set(new WeakReference<>(big));
      return MetricSnapshots.of(big);
    };
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("big", collector).build()) {
      assertThat(families(isolating.scrape(ScrapeRequest.all(TIMEOUT)))).contains("big_family");

      // Nothing of ours holds the scrape's result any more: only the exporter could.
      for (int i = 0; i < 20 && made.get().get() != null; i++) {
        System.gc();
        Thread.sleep(20);
      }

      assertThat(made.get().get()).as("the collection's output after its scrape").isNull();
    }
  }
}
