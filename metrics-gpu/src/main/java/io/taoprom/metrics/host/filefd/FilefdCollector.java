package io.taoprom.metrics.host.filefd;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.List;

/**
 * node_exporter's filefd collector, from the three numbers of {@code /proc/sys/fs/file-nr}
 * (allocated, free (always 0 since Linux 2.6), maximum):
 *
 * <pre>
 * # HELP node_filefd_allocated File descriptor statistics: allocated.
 * # TYPE node_filefd_allocated gauge
 * node_filefd_allocated 869.0
 * # HELP node_filefd_maximum File descriptor statistics: maximum.
 * # TYPE node_filefd_maximum gauge
 * node_filefd_maximum 246624.0
 * </pre>
 *
 * <p>A kernel without {@code /proc/sys} ({@code CONFIG_PROC_SYSCTL} off) yields nothing.
 */
final class FilefdCollector implements ReadingCollector {

  private static final String FILE = "sys/fs/file-nr";

  private static final MetricMetadata ALLOCATED =
      new MetricMetadata("node_filefd_allocated", "File descriptor statistics: allocated.");
  private static final MetricMetadata MAXIMUM =
      new MetricMetadata("node_filefd_maximum", "File descriptor statistics: maximum.");

  private final ProcFs proc;

  FilefdCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    String content = proc.readIfPresent(FILE);
    if (content == null) {
      return MetricSnapshots.of();
    }
    double[] allocatedMaximum = ProcText.oneLine(content, proc.path(FILE), 3, "is not \"ALLOCATED FREE MAXIMUM\"",
        text -> {
          double allocated = text.unsigned();
          text.skipField(); // free handles: always 0 since Linux 2.6, and node_exporter does not read it
          return new double[] {allocated, text.unsigned()};
        });
    return MetricSnapshots.of(gauge(ALLOCATED, allocatedMaximum[0]), gauge(MAXIMUM, allocatedMaximum[1]));
  }

  private static GaugeSnapshot gauge(MetricMetadata metadata, double value) {
    return new GaugeSnapshot(metadata, List.of(GaugeDataPointSnapshot.builder().value(value).build()));
  }
}
