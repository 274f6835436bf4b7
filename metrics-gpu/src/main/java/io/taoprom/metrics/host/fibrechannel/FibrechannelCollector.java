package io.taoprom.metrics.host.fibrechannel;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * node_exporter's fibrechannel collector:
 *
 * <pre>
 * # HELP node_fibrechannel_info Non-numeric data from /sys/class/fc_host/&lt;host&gt;, value is always 1.
 * # TYPE node_fibrechannel_info gauge
 * node_fibrechannel_info{dev_loss_tmo="30",fabric_name="100050eb1a0a0b0c",fc_host="host7",port_id="0a0b00",...} 1.0
 * # HELP node_fibrechannel_link_failure_total Number of times the host port link has failed
 * # TYPE node_fibrechannel_link_failure_total counter
 * node_fibrechannel_link_failure_total{fc_host="host7"} 2.0
 * </pre>
 *
 * <p>The identity attributes are optional (drivers leave some out); the names and ids lose their
 * {@code 0x} as node_exporter strips them. The statistics are {@code 0x}-hexadecimal; one the HBA
 * firmware does not implement reads all ones and is left out. A port whose state is
 * {@code Unknown} (or not shown) is served with every statistic 0, as node_exporter serves it.
 */
final class FibrechannelCollector implements ReadingCollector {

  static final MetricMetadata INFO = new MetricMetadata("node_fibrechannel_info",
      "Non-numeric data from /sys/class/fc_host/<host>, value is always 1.");

  /** The attributes on the info series, in node_exporter's label order. */
  private static final List<String> INFO_ATTRIBUTES = List.of("speed", "port_state", "port_type", "port_id",
      "port_name", "fabric_name", "symbolic_name", "supported_classes", "supported_speeds", "dev_loss_tmo");

  private record Statistic(String file, MetricMetadata metadata) {}

  private static final List<Statistic> STATISTICS = List.of(
      statistic("dumped_frames", "dumped_frames", "Number of dumped frames"),
      statistic("error_frames", "error_frames", "Number of errors in frames"),
      statistic("invalid_crc_count", "invalid_crc", "Invalid Cyclic Redundancy Check count"),
      statistic("rx_frames", "rx_frames", "Number of frames received"),
      statistic("rx_words", "rx_words", "Number of words received by host port"),
      statistic("tx_frames", "tx_frames", "Number of frames transmitted by host port"),
      statistic("tx_words", "tx_words", "Number of words transmitted by host port"),
      statistic("seconds_since_last_reset", "seconds_since_last_reset", "Number of seconds since last host port reset"),
      statistic("invalid_tx_word_count", "invalid_tx_words", "Number of invalid words transmitted by host port"),
      statistic("link_failure_count", "link_failure", "Number of times the host port link has failed"),
      statistic("loss_of_sync_count", "loss_of_sync", "Number of failures on either bit or transmission word boundaries"),
      statistic("loss_of_signal_count", "loss_of_signal", "Number of times signal has been lost"),
      statistic("nos_count", "nos", "Number Not_Operational Primitive Sequence received by host port"),
      statistic("fcp_packet_aborts", "fcp_packet_aborts", "Number of aborted packets"));

  /** What an HBA's firmware reports for a statistic it does not implement. */
  private static final long UNIMPLEMENTED = -1L;

  private static final String CLASS = "class/fc_host";

  private final SysFs sys;

  FibrechannelCollector(SysFs sys) {
    this.sys = sys;
  }

  private static Statistic statistic(String file, String name, String help) {
    // Named without _total, which client_java's writer appends.
    return new Statistic(file, new MetricMetadata("node_fibrechannel_" + name, help));
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies families = new HostFamilies();
    for (String host : sys.list(CLASS)) {
      host(host, sys.path(CLASS).resolve(host), families);
    }
    return families.snapshots();
  }

  private static void host(String host, Path dir, HostFamilies families) throws IOException {
    List<String> info = new ArrayList<>(2 * INFO_ATTRIBUTES.size() + 2);
    info.add("fc_host");
    info.add(host);
    String portState = null;
    for (String attribute : INFO_ATTRIBUTES) {
      String value = SysAttribute.readStripped(dir.resolve(attribute));
      String shown = value == null ? "" : value;
      if (attribute.equals("port_id") || attribute.equals("port_name") || attribute.equals("fabric_name")) {
        shown = shown.length() > 2 ? shown.substring(2) : shown; // "0x21000024ff7ef9db"
      }
      if (attribute.equals("port_state")) {
        portState = value;
      }
      info.add(attribute);
      info.add(shown);
    }
    families.gauge(INFO, Labels.of(info.toArray(new String[0])), 1);
    Labels labels = Labels.of("fc_host", host);
    boolean disabled = portState == null || portState.equals("Unknown");
    Path statistics = dir.resolve("statistics");
    for (Statistic statistic : STATISTICS) {
      if (disabled) {
        families.counter(statistic.metadata(), labels, 0); // a disabled port shows no statistics
        continue;
      }
      OptionalLong value = statistic(statistics.resolve(statistic.file()));
      if (value.isPresent() && value.getAsLong() != UNIMPLEMENTED) {
        families.counter(statistic.metadata(), labels, KernelNumbers.unsignedToDouble(value.getAsLong()));
      }
    }
  }

  /** A statistic such as {@code 0x1a2b}; empty where the driver does not show it. */
  private static OptionalLong statistic(Path file) throws IOException {
    Optional<String> shown = SysAttribute.readIfDriverShows(file);
    if (shown.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong value = KernelNumbers.parseUnsigned(shown.get());
    if (value.isEmpty()) {
      throw MalformedFileException.expected(file, "a number such as 0x1a2b", shown.get());
    }
    return value;
  }
}
