package io.taoprom.cli;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.List;

/**
 * A small real plugin for CLI tests: serves one gauge, {@code test_NAME_value 1}, and has
 * whatever name, default, availability and options a test gives it.
 */
public record TestPlugin(
    String name, String description, boolean enabledByDefault, Availability availability, List<CollectorOption> options)
    implements CollectorPlugin {

  /** Available, on by default, no options. */
  public static TestPlugin of(String name, String description) {
    return new TestPlugin(name, description, true, Availability.AVAILABLE, List.of());
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return () -> MetricSnapshots.of(GaugeSnapshot.builder()
        .name("test_" + name + "_value")
        .help("A value from the " + name + " test plugin.")
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).build())
        .build());
  }
}
