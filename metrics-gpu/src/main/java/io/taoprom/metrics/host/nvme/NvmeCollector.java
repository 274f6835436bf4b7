package io.taoprom.metrics.host.nvme;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;

/**
 * node_exporter's nvme collector (1.11 and later: the {@code cntlid} label and the namespace
 * series):
 *
 * <pre>
 * # HELP node_nvme_info Non-numeric data from /sys/class/nvme/&lt;device&gt;, value is always 1.
 * # TYPE node_nvme_info gauge
 * node_nvme_info{cntlid="1",device="nvme0",firmware_revision="GDC7302Q",model="SAMSUNG MZ1L21T9HCLS-00A07",serial="S6EUNA0W201234",state="live"} 1.0
 * # HELP node_nvme_namespace_logical_block_size_bytes Logical block size of the NVMe namespace in bytes. ...
 * node_nvme_namespace_logical_block_size_bytes{device="nvme0",nsid="1"} 512.0
 * </pre>
 *
 * <p>The byte figures are node_exporter's products: {@code nuse} × block size, and {@code size}
 * × block size for both the size and the capacity. {@code size} counts 512-byte sectors, so on a
 * namespace formatted with 4 KiB blocks those two read 8 times the real size, in node_exporter as
 * here; {@code node_disk_*} and {@code node_filesystem_size_bytes} have the real figures.
 */
final class NvmeCollector implements ReadingCollector {

  private static final MetricMetadata INFO = new MetricMetadata("node_nvme_info",
      "Non-numeric data from /sys/class/nvme/<device>, value is always 1.");
  private static final MetricMetadata NAMESPACE_INFO = new MetricMetadata("node_nvme_namespace_info",
      "Information about NVMe namespaces. Value is always 1");
  private static final MetricMetadata CAPACITY = new MetricMetadata("node_nvme_namespace_capacity_bytes",
      "Capacity of the NVMe namespace in bytes. Computed as namespace_size * namespace_logical_block_size");
  private static final MetricMetadata SIZE = new MetricMetadata("node_nvme_namespace_size_bytes",
      "Size of the NVMe namespace in bytes. Available in /sys/class/nvme/<device>/<namespace>/size");
  private static final MetricMetadata USED = new MetricMetadata("node_nvme_namespace_used_bytes",
      "Used space of the NVMe namespace in bytes. Available in /sys/class/nvme/<device>/<namespace>/nuse");
  private static final MetricMetadata BLOCK_SIZE = new MetricMetadata("node_nvme_namespace_logical_block_size_bytes",
      "Logical block size of the NVMe namespace in bytes. Usually 4Kb. Available in "
          + "/sys/class/nvme/<device>/<namespace>/queue/logical_block_size");

  private final NvmeSource source;

  NvmeCollector(NvmeSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies out = new HostFamilies();
    for (NvmeSource.Controller c : source.read()) {
      out.gauge(INFO, Labels.of("device", c.device(), "firmware_revision", c.firmwareRevision(), "model", c.model(),
          "serial", c.serial(), "state", c.state(), "cntlid", c.controllerId()), 1);
      for (NvmeSource.Namespace ns : c.namespaces()) {
        out.gauge(NAMESPACE_INFO, Labels.of("device", c.device(), "nsid", ns.id(), "ana_state", ns.anaState()), 1);
        Labels labels = Labels.of("device", c.device(), "nsid", ns.id());
        if (ns.logicalBlockSize().isEmpty()) {
          continue;
        }
        long lbs = ns.logicalBlockSize().getAsLong();
        // uint64 products, wrapped as Go's are, as node_exporter's float64
        if (ns.sizeSectors().isPresent()) {
          double bytes = KernelNumbers.unsignedToDouble(ns.sizeSectors().getAsLong() * lbs);
          out.gauge(CAPACITY, labels, bytes);
          out.gauge(SIZE, labels, bytes);
        }
        if (ns.usedBlocks().isPresent()) {
          out.gauge(USED, labels, KernelNumbers.unsignedToDouble(ns.usedBlocks().getAsLong() * lbs));
        }
        out.gauge(BLOCK_SIZE, labels, KernelNumbers.unsignedToDouble(lbs));
      }
    }
    return out.snapshots();
  }
}
