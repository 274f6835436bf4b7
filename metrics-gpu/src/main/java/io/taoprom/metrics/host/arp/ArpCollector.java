package io.taoprom.metrics.host.arp;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.TreeMap;

/**
 * node_exporter's arp collector: the entries of {@code /proc/net/arp} counted per interface.
 *
 * <pre>
 * # HELP node_arp_entries ARP entries by device
 * # TYPE node_arp_entries gauge
 * node_arp_entries{device="eth0"} 3.0
 * </pre>
 *
 * <p>The file has a header line and one line per neighbour: {@code IP address, HW type, Flags,
 * HW address, Mask, Device}. A kernel without IPv4 has no such file, and then no series.
 */
final class ArpCollector implements ReadingCollector {

  static final MetricMetadata ENTRIES = new MetricMetadata("node_arp_entries", "ARP entries by device");

  private static final String FILE = "net/arp";

  private final ProcFs proc;
  private final DeviceFilter devices;

  ArpCollector(ProcFs proc, DeviceFilter devices) {
    this.proc = proc;
    this.devices = devices;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    Map<String, Integer> perDevice;
    try {
      perDevice = count(proc.readUtf8(FILE));
    } catch (NoSuchFileException absent) {
      return MetricSnapshots.of();
    }
    HostFamilies families = new HostFamilies();
    perDevice.forEach((device, entries) -> {
      if (!devices.ignored(device)) {
        families.gauge(ENTRIES, Labels.of("device", device), entries);
      }
    });
    return families.snapshots();
  }

  private Map<String, Integer> count(String content) throws IOException {
    Map<String, Integer> perDevice = new TreeMap<>();
    ProcText text = new ProcText(content, proc.path(FILE));
    while (text.nextLine()) {
      int fields = text.fieldsLeft();
      if (fields == 0 || fields == 9 && text.skipIf("IP")) {
        continue; // the header: "IP address       HW type     Flags       HW address            Mask     Device"
      }
      if (fields != 6) {
        throw text.malformed("6 columns (IP address, HW type, Flags, HW address, Mask, Device)");
      }
      text.skipField(); // IP address
      text.prefixedHex(); // HW type
      text.prefixedHex(); // flags
      text.skipField(); // HW address: its length and form depend on the link type (Ethernet, IPoIB)
      text.skipField(); // mask
      perDevice.merge(text.field(), 1, Integer::sum);
    }
    return perDevice;
  }
}
