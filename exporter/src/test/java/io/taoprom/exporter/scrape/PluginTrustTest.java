package io.taoprom.exporter.scrape;

import static io.taoprom.exporter.scrape.IsolatingCollectorTest.families;
import static io.taoprom.exporter.scrape.IsolatingCollectorTest.gauge;
import static io.taoprom.exporter.scrape.IsolatingCollectorTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The failures docs/plugins.md ("Plugins are trusted code") says isolation covers, beyond the
 * exceptions, hangs and names that {@code IsolatingCollectorTest} and {@code IsolationTest} show:
 * Errors thrown from {@code collect()} — a real stack overflow, an {@code OutOfMemoryError} the
 * plugin itself raised, a linkage error — cost only that collector, every time they happen.
 */
class PluginTrustTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void errorsFromCollectCostOnlyThatCollectorOnEveryScrape() {
    MultiCollector overflow = () -> MetricSnapshots.of(gauge("never", recurse(0)));
    MultiCollector outOfMemory = () -> {
      throw new OutOfMemoryError("Java heap space"); // what a plugin's own allocation failure raises
    };
    MultiCollector linkage = () -> {
      throw new UnsatisfiedLinkError("libexample.so: cannot open shared object file");
    };
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .collector("overflow", overflow)
        .collector("oom", outOfMemory)
        .collector("linkage", linkage)
        .collector("healthy", () -> MetricSnapshots.of(gauge("healthy_value", 1)))
        .build()) {
      for (int scrape = 0; scrape < 3; scrape++) {
        MetricSnapshots snapshots = isolating.scrape(ScrapeRequest.all(TIMEOUT));
        assertThat(families(snapshots)).contains("healthy_value").doesNotContain("never");
        assertThat(success(snapshots))
            .containsEntry("healthy", 1.0)
            .containsEntry("overflow", 0.0)
            .containsEntry("oom", 0.0)
            .containsEntry("linkage", 0.0);
      }
    }
  }
}
