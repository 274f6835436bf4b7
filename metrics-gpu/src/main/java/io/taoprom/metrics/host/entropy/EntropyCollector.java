package io.taoprom.metrics.host.entropy;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * node_exporter's entropy collector:
 *
 * <pre>
 * # HELP node_entropy_available_bits Bits of available entropy.
 * # TYPE node_entropy_available_bits gauge
 * node_entropy_available_bits 256.0
 * # HELP node_entropy_pool_size_bits Bits of entropy pool.
 * # TYPE node_entropy_pool_size_bits gauge
 * node_entropy_pool_size_bits 256.0
 * </pre>
 *
 * <p>Since Linux 5.18 both read 256 always; older kernels report a real estimate. A kernel without
 * {@code /proc/sys/kernel/random} yields nothing; one that has the directory must have both files.
 */
final class EntropyCollector implements ReadingCollector {

  private static final String DIRECTORY = "sys/kernel/random";

  private static final MetricMetadata AVAILABLE =
      new MetricMetadata("node_entropy_available_bits", "Bits of available entropy.");
  private static final MetricMetadata POOL_SIZE =
      new MetricMetadata("node_entropy_pool_size_bits", "Bits of entropy pool.");

  private final ProcFs proc;

  EntropyCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    if (!Files.isDirectory(proc.path(DIRECTORY))) {
      return MetricSnapshots.of();
    }
    return MetricSnapshots.of(
        gauge(AVAILABLE, number(DIRECTORY + "/entropy_avail")),
        gauge(POOL_SIZE, number(DIRECTORY + "/poolsize")));
  }

  /** A file that holds one unsigned number, as these sysctls do. */
  private double number(String relative) throws IOException {
    String content = proc.readIfPresent(relative);
    if (content == null) {
      throw new MalformedFileException(proc.path(relative), "is missing (" + proc.path(DIRECTORY) + " is there)");
    }
    return ProcText.oneLine(content, proc.path(relative), 1, "is not one number", ProcText::unsigned);
  }

  private static GaugeSnapshot gauge(MetricMetadata metadata, double value) {
    return new GaugeSnapshot(metadata, List.of(GaugeDataPointSnapshot.builder().value(value).build()));
  }
}
