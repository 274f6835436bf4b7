package io.taoprom.exporter.spi;

import io.prometheus.metrics.model.registry.MultiCollector;
import java.util.List;

/**
 * A source of metrics that TaoProm discovers with {@link java.util.ServiceLoader} and serves
 * on {@code /metrics}: the built-in host, GPU, textfile and scrape collectors, and any
 * collector a user drops on the classpath.
 *
 * <p>Each plugin is isolated: it runs concurrently with the others under the scrape deadline,
 * and one that throws, hangs or yields invalid series is left out of that scrape and reported
 * through {@code taoprom_scrape_collector_success{collector="NAME"} 0}; the scrape never fails
 * because of it.
 *
 * <p>A plugin is registered in {@code META-INF/services/io.taoprom.exporter.spi.CollectorPlugin}
 * and needs a public no-argument constructor. Keep the constructor cheap and free of native
 * calls: availability is asked for separately, and discovery survives a plugin whose class
 * cannot even be loaded.
 *
 * <pre>{@code
 * public final class QueueDepthPlugin implements CollectorPlugin {
 *   public String name() { return "queue"; }
 *
 *   public MultiCollector create(CollectorConfig config) {
 *     return () -> MetricSnapshots.of(GaugeSnapshot.builder()
 *         .name("myapp_queue_depth")
 *         .help("Requests waiting for a GPU.")
 *         .dataPoint(GaugeDataPointSnapshot.builder().value(Queue.depth()).build())
 *         .build());
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe: the collector returned by {@link #create} may be
 * called by concurrent scrapes. A collector that also implements {@link AutoCloseable} is
 * closed when the exporter stops (NVML uses this to shut the library down).
 */
public interface CollectorPlugin {

  /**
   * The short name, as used in {@code --collector.NAME}, {@code collect[]=NAME} and the
   * {@code collector} label: lower case letters, digits and underscores, starting with a letter.
   */
  String name();

  /**
   * Builds the collector for this machine with the given configuration. Called at most once
   * per exporter, only when {@link #availability()} said yes and the user enabled the plugin.
   *
   * @throws Exception when the collector cannot be built; the exporter reports the message and
   *     serves the other collectors
   */
  MultiCollector create(CollectorConfig config) throws Exception;

  /** One line for {@code taoprom collectors} and the landing page. */
  default String description() {
    return "";
  }

  /**
   * Whether this plugin is node_exporter's collector of the same name (the host collectors).
   * Its success and duration are then served a second time as node_exporter names them,
   * {@code node_scrape_collector_success{collector}} and
   * {@code node_scrape_collector_duration_seconds{collector}}, which the Node Exporter
   * dashboards' scrape panels read. False unless overridden.
   */
  default boolean nodeExporterCompatible() {
    return false;
  }

  /** Whether the collector runs when the user names neither {@code --collector.NAME} nor its negation. */
  default boolean enabledByDefault() {
    return true;
  }

  /**
   * Whether the collector can work on this machine, and if not, why (for example "no NVIDIA
   * driver: libnvidia-ml.so.1 not found"). Must be cheap and must not throw for a missing
   * library; the exporter still guards against {@link LinkageError}s.
   */
  default Availability availability() {
    return Availability.AVAILABLE;
  }

  /**
   * Whether the collector can work on this machine with the given options (for example the
   * library path in {@code --nvml.library}). The exporter asks this before {@link #create}, with
   * the values the user gave for this plugin's own {@link #options()} only, and remembers the
   * answer per such configuration; the default ignores the options and asks {@link #availability()}.
   */
  default Availability availability(CollectorConfig config) {
    return availability();
  }

  /**
   * Options this plugin understands, offered on the command line as {@code --NAME VALUE}
   * (for example {@code --textfile.directory}) and passed in through {@link CollectorConfig}.
   * Names are prefixed with the plugin's name and a dot.
   */
  default List<CollectorOption> options() {
    return List.of();
  }
}
