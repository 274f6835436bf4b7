package io.taoprom.metrics.host.netdev;

import java.io.IOException;
import java.util.List;

/** Where the {@code netdev} collector reads interface counters from. */
interface NetDevSource {

  /** The counters, in {@code /proc/net/dev}'s column order and with node_exporter's names. */
  List<String> STATS =
      List.of(
          "receive_bytes", "receive_packets", "receive_errs", "receive_drop",
          "receive_fifo", "receive_frame", "receive_compressed", "receive_multicast",
          "transmit_bytes", "transmit_packets", "transmit_errs", "transmit_drop",
          "transmit_fifo", "transmit_colls", "transmit_carrier", "transmit_compressed",
          // not in /proc/net/dev: node_exporter's default (netlink) path has it, we read sysfs
          "receive_nohandler");

  /**
   * One interface's counters, indexed like {@link #STATS}; NaN where the source cannot tell.
   *
   * @param device the interface name, {@code eth0}
   * @param values one value per entry of {@link #STATS}
   */
  record NetDevice(String device, double[] values) {}

  /** Every interface. */
  List<NetDevice> read() throws IOException;
}
