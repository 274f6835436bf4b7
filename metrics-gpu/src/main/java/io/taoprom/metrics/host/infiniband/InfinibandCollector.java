package io.taoprom.metrics.host.infiniband;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ReadingCollector;
import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * node_exporter's infiniband collector:
 *
 * <pre>
 * # HELP node_infiniband_port_data_received_bytes_total Number of data octets received on all links
 * # TYPE node_infiniband_port_data_received_bytes_total counter
 * node_infiniband_port_data_received_bytes_total{device="mlx5_0",port="1"} 1.2954734248E13
 * # HELP node_infiniband_state_id State of the InfiniBand port (0: no change, 1: down, 2: init, 3: armed, 4: active, 5: act defer)
 * # TYPE node_infiniband_state_id gauge
 * node_infiniband_state_id{device="mlx5_0",port="1"} 4.0
 * </pre>
 *
 * <p>Each device must show {@code fw_ver} and its {@code ports}; each port {@code link_layer},
 * {@code state} ({@code 4: ACTIVE}), {@code phys_state} ({@code 5: LinkUp}) and {@code rate}
 * ({@code 400 Gb/sec (4X NDR)}), as node_exporter requires. Of the counter directories, whichever
 * exist are read, and in them only the files node_exporter knows; a counter the driver refuses to
 * show, or shows as {@code N/A (no PMA)}, is left out. Devices and ports are listed anew at every
 * scrape.
 */
final class InfinibandCollector implements ReadingCollector {

  static final MetricMetadata INFO = new MetricMetadata("node_infiniband_info",
      "Non-numeric data from /sys/class/infiniband/<device>, value is always 1.");
  static final MetricMetadata STATE_ID = new MetricMetadata("node_infiniband_state_id",
      "State of the InfiniBand port (0: no change, 1: down, 2: init, 3: armed, 4: active, 5: act defer)");
  static final MetricMetadata PHYSICAL_STATE_ID = new MetricMetadata("node_infiniband_physical_state_id",
      "Physical state of the InfiniBand port (0: no change, 1: sleep, 2: polling, 3: disable, 4: shift, 5: link up,"
          + " 6: link error recover, 7: phytest)");
  static final MetricMetadata RATE = new MetricMetadata("node_infiniband_rate_bytes_per_second", "Maximum signal transfer rate");

  private static final String CLASS = "class/infiniband";

  private final SysFs sys;
  private final DeviceFilter devices;

  InfinibandCollector(SysFs sys, DeviceFilter devices) {
    this.sys = sys;
    this.devices = devices;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies families = new HostFamilies();
    for (String device : sys.list(CLASS)) {
      if (!devices.ignored(device)) {
        device(device, sys.path(CLASS).resolve(device), families);
      }
    }
    return families.snapshots();
  }

  private void device(String device, Path dir, HostFamilies families) throws IOException {
    String firmware = required(dir, "fw_ver");
    families.gauge(INFO, Labels.of(
        "device", device,
        "board_id", Objects.requireNonNullElse(SysAttribute.readStripped(dir.resolve("board_id")), ""),
        "firmware_version", firmware,
        "hca_type", Objects.requireNonNullElse(SysAttribute.readStripped(dir.resolve("hca_type")), "")), 1);
    Path portsDir = dir.resolve("ports");
    if (!Files.isDirectory(portsDir)) {
      throw new IOException(portsDir + " does not exist: an InfiniBand device without ports");
    }
    for (String port : SysFs.at(portsDir).list("")) {
      if (KernelNumbers.parseUnsigned(port).isEmpty() || port.startsWith("0x")) {
        throw new IOException(portsDir + " holds " + Excerpt.quoted(port, 40) + ", not a port number");
      }
      port(Labels.of("device", device, "port", port), portsDir.resolve(port), families);
    }
  }

  private void port(Labels labels, Path dir, HostFamilies families) throws IOException {
    required(dir, "link_layer");
    families.gauge(STATE_ID, labels, stateId(dir, "state"));
    families.gauge(PHYSICAL_STATE_ID, labels, stateId(dir, "phys_state"));
    families.gauge(RATE, labels, rate(dir));
    counters(dir.resolve("counters"), PortCounters.COUNTERS, labels, families);
    counters(dir.resolve("counters_ext"), PortCounters.COUNTERS_EXT, labels, families);
    counters(dir.resolve("hw_counters"), PortCounters.HW_COUNTERS, labels, families);
  }

  private static void counters(Path dir, Map<String, PortCounters.Counter> known, Labels labels, HostFamilies families)
      throws IOException {
    for (String file : SysFs.at(dir).list("")) {
      PortCounters.Counter counter = known.get(file);
      if (counter == null) {
        continue;
      }
      Optional<String> shown = SysAttribute.readIfDriverShows(dir.resolve(file));
      if (shown.isEmpty() || shown.get().contains("N/A (no PMA)")) {
        continue; // old kernels' qib and hfi1 show this for counters the HCA lacks
      }
      OptionalLong value = KernelNumbers.parseUnsigned(shown.get());
      if (value.isEmpty() || shown.get().startsWith("0x")) {
        throw MalformedFileException.expected(dir.resolve(file), "a decimal counter", shown.get());
      }
      long v = value.getAsLong();
      if (counter.scale() > 0) {
        families.counter(counter.metadata(), labels, KernelNumbers.unsignedToDouble(v * counter.scale()));
      } else {
        families.gauge(counter.metadata(), labels, KernelNumbers.unsignedToDouble(Long.divideUnsigned(v, -counter.scale())));
      }
    }
  }

  /** A state file, {@code 4: ACTIVE}: the number before the colon. */
  private static double stateId(Path dir, String file) throws IOException {
    String state = required(dir, file);
    int colon = state.indexOf(':');
    OptionalLong id = colon < 0 || state.indexOf(':', colon + 1) >= 0
        ? OptionalLong.empty()
        : KernelNumbers.parseUnsigned(state.substring(0, colon).strip());
    if (id.isEmpty() || id.getAsLong() > 0xffffffffL || state.startsWith("0x")) {
      throw MalformedFileException.expected(dir.resolve(file), "\"ID: NAME\"", state);
    }
    return id.getAsLong();
  }

  /**
   * The rate file, {@code 400 Gb/sec (4X NDR)}, in bytes per second: Gb/s × 125000000, the figure
   * read as a 32-bit float and the product cut to an integer, as node_exporter computes it.
   */
  private static double rate(Path dir) throws IOException {
    String rate = required(dir, "rate");
    int space = rate.indexOf(' ');
    String figure = space < 0 ? "" : rate.substring(0, space);
    if (!figure.matches("[0-9]{1,6}(\\.[0-9]{1,6})?")) {
      throw MalformedFileException.expected(dir.resolve("rate"), "\"N Gb/sec (...)\"", rate);
    }
    return (long) ((double) Float.parseFloat(figure) * 125_000_000);
  }

  private static String required(Path dir, String file) throws IOException {
    String value = SysAttribute.readStripped(dir.resolve(file));
    if (value == null) {
      throw new IOException(dir.resolve(file) + " does not exist, and node_exporter requires it");
    }
    return value;
  }
}
