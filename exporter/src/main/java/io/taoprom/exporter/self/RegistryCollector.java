package io.taoprom.exporter.self;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Consumer;

/**
 * A private client_java registry served as one {@link MultiCollector}: client_java's
 * instrumentation libraries register into a registry, while the exporter isolates collectors
 * (deadline, success, duration); this bridges the two without touching the default registry.
 *
 * <p>Thread-safe, as the registry is.
 */
final class RegistryCollector implements MultiCollector {

  private final PrometheusRegistry registry = new PrometheusRegistry();

  /** A collector of whatever {@code registration} registers, e.g. {@code ProcessMetrics.builder()::register}. */
  RegistryCollector(Consumer<PrometheusRegistry> registration) {
    registration.accept(registry);
  }

  @Override
  public MetricSnapshots collect() {
    return registry.scrape();
  }
}
