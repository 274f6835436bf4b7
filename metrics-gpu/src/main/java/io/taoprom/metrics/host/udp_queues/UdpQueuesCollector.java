package io.taoprom.metrics.host.udp_queues;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * node_exporter's udp_queues collector:
 *
 * <pre>
 * # HELP node_udp_queues Number of allocated memory in the kernel for UDP datagrams in bytes.
 * # TYPE node_udp_queues gauge
 * node_udp_queues{ip="v4",queue="rx"} 0.0
 * node_udp_queues{ip="v4",queue="tx"} 0.0
 * </pre>
 *
 * <p>A kernel without IPv6 has no {@code /proc/net/udp6}, and then no {@code ip="v6"} series.
 */
final class UdpQueuesCollector implements ReadingCollector {

  static final MetricMetadata QUEUES = new MetricMetadata(
      "node_udp_queues", "Number of allocated memory in the kernel for UDP datagrams in bytes.");

  private static final Labels V4_TX = Labels.of("queue", "tx", "ip", "v4");
  private static final Labels V4_RX = Labels.of("queue", "rx", "ip", "v4");
  private static final Labels V6_TX = Labels.of("queue", "tx", "ip", "v6");
  private static final Labels V6_RX = Labels.of("queue", "rx", "ip", "v6");

  private final ProcFs proc;

  UdpQueuesCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies families = new HostFamilies();
    add(families, "net/udp", V4_TX, V4_RX);
    add(families, "net/udp6", V6_TX, V6_RX);
    return families.snapshots();
  }

  private void add(HostFamilies families, String file, Labels tx, Labels rx) throws IOException {
    UdpSocketTable.Queues queues;
    try {
      queues = UdpSocketTable.sum(proc.path(file));
    } catch (NoSuchFileException absent) {
      return;
    }
    families.gauge(QUEUES, tx, KernelNumbers.unsignedToDouble(queues.tx()));
    families.gauge(QUEUES, rx, KernelNumbers.unsignedToDouble(queues.rx()));
  }
}
