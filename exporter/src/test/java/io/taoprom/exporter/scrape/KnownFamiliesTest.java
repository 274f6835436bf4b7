package io.taoprom.exporter.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the exporter tells a source of outside families about the names it serves: every chosen
 * collector's families from its last successful collection, the application registry's and its
 * own, without series; a collector no scrape has judged is collected once first.
 */
class KnownFamiliesTest {

  private static List<String> described(List<KnownFamily> known) {
    return known.stream().map(k -> k.owner() + " " + k.shape().getClass().getSimpleName() + " "
        + k.shape().getMetadata().getName() + " " + k.shape().getDataPoints().size()).toList();
  }

  @Test
  void theChosenCollectorsTheRegistryAndTheExportersOwnWithoutSeries() {
    AtomicInteger loadCalls = new AtomicInteger();
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder().name("neuron_requests_total").help("Requests.").register(registry).inc();
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .registry(registry)
        .collector("loadavg", () -> {
          loadCalls.incrementAndGet();
          return MetricSnapshots.of(IsolatingCollectorTest.gauge("node_load1", 0.5, "x", "1"));
        })
        .collector("push", () -> MetricSnapshots.of(IsolatingCollectorTest.gauge("pushed", 1)))
        .build()) {

      List<KnownFamily> known = isolating.knownFamilies(name -> !name.equals("push"));

      assertThat(loadCalls).hasValue(1); // never scraped: collected once to learn its names
      assertThat(described(known)).containsExactlyInAnyOrder(
          "the exporter GaugeSnapshot taoprom_scrape_collector_success 0",
          "the exporter GaugeSnapshot taoprom_scrape_collector_duration_seconds 0",
          "the exporter GaugeSnapshot taoprom_scrape_collector_skipped_families 0",
          "the exporter GaugeSnapshot taoprom_build_info 0",
          "the exporter GaugeSnapshot node_scrape_collector_success 0",
          "the exporter GaugeSnapshot node_scrape_collector_duration_seconds 0",
          "the application registry CounterSnapshot neuron_requests 0",
          "collector \"loadavg\" GaugeSnapshot node_load1 0");

      isolating.knownFamilies(name -> !name.equals("push"));
      assertThat(loadCalls).hasValue(1); // judged since: what it yielded then is what is known
    }
  }

  @Test
  void aCollectorKeepsItsLastSuccessfulFamiliesThroughAFailureAndFollowsAChange() {
    AtomicInteger call = new AtomicInteger();
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .collector("flaky", () -> switch (call.incrementAndGet()) {
          case 1 -> MetricSnapshots.of(IsolatingCollectorTest.gauge("a", 1));
          case 2 -> throw new IllegalStateException("down for a scrape");
          default -> MetricSnapshots.of(IsolatingCollectorTest.counter("b", 1));
        })
        .build()) {
      isolating.scrape(ScrapeRequest.all(java.time.Duration.ofSeconds(5)));
      isolating.scrape(ScrapeRequest.all(java.time.Duration.ofSeconds(5)));
      assertThat(described(isolating.knownFamilies(name -> true))).contains("collector \"flaky\" GaugeSnapshot a 0");

      isolating.scrape(ScrapeRequest.all(java.time.Duration.ofSeconds(5)));
      List<KnownFamily> known = isolating.knownFamilies(name -> true);
      assertThat(described(known)).contains("collector \"flaky\" CounterSnapshot b 0")
          .noneMatch(line -> line.endsWith(" a 0"));
      assertThat(known).filteredOn(k -> k.owner().equals("collector \"flaky\""))
          .allSatisfy(k -> assertThat(k.shape()).isInstanceOfAny(GaugeSnapshot.class, CounterSnapshot.class));
    }
  }
}
