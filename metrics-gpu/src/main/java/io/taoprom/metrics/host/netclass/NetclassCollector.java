package io.taoprom.metrics.host.netclass;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ReadingCollector;
import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * node_exporter's netclass collector (its sysfs path), one gauge per interface property and the
 * interface's identity on {@code node_network_info}:
 *
 * <pre>
 * # HELP node_network_mtu_bytes Network device property: mtu_bytes
 * # TYPE node_network_mtu_bytes gauge
 * node_network_mtu_bytes{device="eth0"} 1500.0
 * # HELP node_network_info Non-numeric data from /sys/class/net/&lt;iface&gt;, value is always 1.
 * # TYPE node_network_info gauge
 * node_network_info{address="02:fc:00:00:00:01",broadcast="ff:ff:ff:ff:ff:ff",device="eth0",duplex="full",ifalias="",operstate="up"} 1.0
 * </pre>
 *
 * <p>An attribute the driver refuses to show ({@code carrier}, {@code speed} and {@code duplex}
 * of a link that is down answer {@code EINVAL}) is left out, or left empty on the info series,
 * as node_exporter does; an attribute that shows something other than a number is an error.
 * The interfaces are listed anew at every scrape: nothing here is cached, as every property can
 * change (an MTU, a renegotiated speed, a bond gaining a slave).
 */
final class NetclassCollector implements ReadingCollector {

  static final MetricMetadata UP =
      new MetricMetadata("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.");
  static final MetricMetadata INFO = new MetricMetadata(
      "node_network_info", "Non-numeric data from /sys/class/net/<iface>, value is always 1.");
  static final MetricMetadata SPEED = property("speed_bytes");

  /** An integer attribute of {@code /sys/class/net/<iface>} and the series node_exporter names it. */
  private record Property(String attribute, MetricMetadata metadata, boolean counter) {}

  private static final List<Property> PROPERTIES = List.of(
      gauge("addr_assign_type", "address_assign_type"),
      gauge("carrier", "carrier"),
      counter("carrier_changes", "carrier_changes_total"),
      counter("carrier_up_count", "carrier_up_changes_total"),
      counter("carrier_down_count", "carrier_down_changes_total"),
      gauge("dev_id", "device_id"),
      gauge("dormant", "dormant"),
      gauge("flags", "flags"),
      gauge("ifindex", "iface_id"),
      gauge("iflink", "iface_link"),
      gauge("link_mode", "iface_link_mode"),
      gauge("mtu", "mtu_bytes"),
      gauge("name_assign_type", "name_assign_type"),
      gauge("netdev_group", "net_dev_group"),
      gauge("tx_queue_len", "transmit_queue_length"),
      gauge("type", "protocol_type"));

  private static final String CLASS_NET = "class/net";

  private final SysFs sys;
  private final Pattern ignoredDevices;
  private final boolean ignoreInvalidSpeed;

  /**
   * @param ignoredDevices interfaces to leave out (searched in the name), or null for none
   * @param ignoreInvalidSpeed whether a negative speed (the driver's "unknown") is left out
   */
  NetclassCollector(SysFs sys, Pattern ignoredDevices, boolean ignoreInvalidSpeed) {
    this.sys = sys;
    this.ignoredDevices = ignoredDevices;
    this.ignoreInvalidSpeed = ignoreInvalidSpeed;
  }

  private static MetricMetadata property(String name) {
    return new MetricMetadata("node_network_" + name, "Network device property: " + name);
  }

  private static Property gauge(String attribute, String name) {
    return new Property(attribute, property(name), false);
  }

  private static Property counter(String attribute, String name) {
    // Named without _total, which client_java's writer appends; the help keeps node_exporter's name.
    return new Property(attribute,
        new MetricMetadata("node_network_" + name.substring(0, name.length() - "_total".length()),
            "Network device property: " + name),
        true);
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies families = new HostFamilies();
    for (String device : sys.list(CLASS_NET)) {
      Path dir = sys.path(CLASS_NET).resolve(device);
      // bonding_masters is a file beside the interfaces' links
      if (Files.isDirectory(dir) && (ignoredDevices == null || !ignoredDevices.matcher(device).find())) {
        collect(device, dir, families);
      }
    }
    return families.snapshots();
  }

  private void collect(String device, Path dir, HostFamilies families) throws IOException {
    String operstate = text(dir, "operstate");
    String address = text(dir, "address");
    long[] values = new long[PROPERTIES.size()];
    boolean[] shown = new boolean[PROPERTIES.size()];
    for (int i = 0; i < values.length; i++) {
      OptionalLong value = integer(dir, PROPERTIES.get(i).attribute());
      shown[i] = value.isPresent();
      values[i] = value.orElse(0);
    }
    OptionalLong speed = integer(dir, "speed");
    if (operstate.isEmpty() && address.isEmpty() && !Files.isDirectory(dir)) {
      return; // the interface went away while it was read
    }
    Labels labels = Labels.of("device", device);
    families.gauge(UP, labels, "up".equals(operstate) ? 1 : 0);
    families.gauge(INFO, Labels.of(
        "device", device,
        "address", address,
        "broadcast", text(dir, "broadcast"),
        "duplex", text(dir, "duplex"),
        "operstate", operstate,
        "ifalias", SysAttribute.readIfDriverShows(dir.resolve("ifalias")).orElse("")), 1);
    for (int i = 0; i < values.length; i++) {
      if (shown[i]) {
        Property property = PROPERTIES.get(i);
        if (property.counter()) {
          families.counter(property.metadata(), labels, values[i]);
        } else {
          families.gauge(property.metadata(), labels, values[i]);
        }
      }
    }
    if (speed.isPresent() && (speed.getAsLong() >= 0 || !ignoreInvalidSpeed)) {
      // Mbit/s to bytes/s in 64-bit integers, as node_exporter computes it (-1 becomes -125000).
      families.gauge(SPEED, labels, speed.getAsLong() * 1000 * 1000 / 8);
    }
  }

  /** A text attribute, empty where the driver does not show it (node_exporter's empty label). */
  private static String text(Path dir, String attribute) throws IOException {
    return SysAttribute.readIfDriverShows(dir.resolve(attribute)).orElse("");
  }

  /** An integer attribute ({@code 1500}, {@code -1}, {@code 0x1003}); empty where not shown. */
  private static OptionalLong integer(Path dir, String attribute) throws IOException {
    Path file = dir.resolve(attribute);
    var shown = SysAttribute.readIfDriverShows(file);
    if (shown.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong value = KernelNumbers.parseInteger(shown.get());
    if (value.isEmpty()) {
      throw MalformedFileException.expected(file, "an integer", shown.get());
    }
    return value;
  }
}
