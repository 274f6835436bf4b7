package io.taoprom.exporter;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plugins registered in this module's test {@code META-INF/services}: one healthy, and one
 * for each way a plugin can break. Nested classes, registered by binary name
 * ({@code TestPlugins$Healthy}), so that the whole zoo reads in one file.
 */
public final class TestPlugins {

  private TestPlugins() {}

  static GaugeSnapshot gauge(String name, double value, String... labels) {
    return GaugeSnapshot.builder().name(name).help("Test gauge " + name + ".")
        .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build())
        .build();
  }

  /** Yields two good families. */
  public static final class Healthy implements CollectorPlugin {
    @Override
    public String name() {
      return "healthy";
    }

    @Override
    public String description() {
      return "Two good series.";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> MetricSnapshots.of(
          gauge("taoprom_test_healthy_value", 1, "shard", "a"),
          CounterSnapshot.builder().name("taoprom_test_healthy_events_total").help("Test counter.")
              .dataPoint(CounterDataPointSnapshot.builder().value(3).build()).build());
    }
  }

  /** Throws in its constructor: a discovery failure. */
  public static final class ThrowsInConstructor implements CollectorPlugin {
    public ThrowsInConstructor() {
      throw new IllegalStateException("constructor failed on purpose");
    }

    @Override
    public String name() {
      return "ctor";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return MetricSnapshots::of;
    }
  }

  /** Its static initializer throws: a discovery failure (ExceptionInInitializerError). */
  public static final class FailsStaticInit implements CollectorPlugin {
    static final int VALUE = fail();

    private static int fail() {
      throw new IllegalStateException("static init failed on purpose");
    }

    @Override
    public String name() {
      return "staticinit";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return MetricSnapshots::of;
    }
  }

  /** An invalid plugin name: a discovery failure. */
  public static final class BadName implements CollectorPlugin {
    @Override
    public String name() {
      return "Bad-Name";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return MetricSnapshots::of;
    }
  }

  /** The name of {@link Healthy}, found after it: a discovery failure. */
  public static final class DuplicateName implements CollectorPlugin {
    @Override
    public String name() {
      return "healthy";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return MetricSnapshots::of;
    }
  }

  /** Throws at every scrape. */
  public static final class Throws implements CollectorPlugin {
    @Override
    public String name() {
      return "throws";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> {
        throw new IllegalStateException("scrape failed on purpose");
      };
    }
  }

  /** Blocks in collect() until {@link #RELEASE} opens; counts how often it was called. */
  public static final class Hangs implements CollectorPlugin {
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public String name() {
      return "hangs";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> {
        CALLS.incrementAndGet();
        try {
          RELEASE.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return MetricSnapshots.of(gauge("taoprom_test_hangs_value", 1));
      };
    }
  }

  /**
   * Yields one of {@link Healthy}'s series (same family, same labels) beside a family of its
   * own: that family is left out, the rest served.
   */
  public static final class Clashes implements CollectorPlugin {
    @Override
    public String name() {
      return "clashes";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> MetricSnapshots.of(
          gauge("taoprom_test_healthy_value", 2, "shard", "a"),
          gauge("taoprom_test_clashes_own", 1));
    }
  }

  /** Yields a metric name with dashes, which client_java would silently escape. */
  public static final class InvalidMetricName implements CollectorPlugin {
    @Override
    public String name() {
      return "invalid";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> MetricSnapshots.of(gauge("taoprom-test-invalid", 1));
    }
  }

  /** Its availability check hits a missing native class. */
  public static final class MissingNativeLibrary implements CollectorPlugin {
    @Override
    public String name() {
      return "nativelib";
    }

    @Override
    public Availability availability() {
      throw new NoClassDefFoundError("org/example/NativeBinding");
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return MetricSnapshots::of;
    }
  }

  /** Off unless enabled. */
  public static final class OffByDefault implements CollectorPlugin {
    @Override
    public String name() {
      return "optional";
    }

    @Override
    public boolean enabledByDefault() {
      return false;
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> MetricSnapshots.of(gauge("taoprom_test_optional_value", 1));
    }
  }

  /** Cannot be created. */
  public static final class CreateFails implements CollectorPlugin {
    @Override
    public String name() {
      return "createfails";
    }

    @Override
    public MultiCollector create(CollectorConfig config) throws Exception {
      throw new java.io.IOException("no such device on purpose");
    }
  }
}
