package io.taoprom.metrics.host.netdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetdevCollectorTest {

  /** Values 1..17 in {@code /proc/net/dev} column order (then receive_nohandler), times {@code scale}. */
  private static double[] counters(double scale) {
    double[] values = new double[NetDevSource.STATS.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i + 1) * scale;
    }
    return values;
  }

  @Test
  void goldenTextOfEveryStatistic() {
    NetdevCollector collector =
        new NetdevCollector(
            () -> List.of(new NetDevSource.NetDevice("eth0", counters(1))), DeviceFilter.none());

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_network_receive_bytes_total Network device statistic receive_bytes.
            # TYPE node_network_receive_bytes_total counter
            node_network_receive_bytes_total{device="eth0"} 1.0
            # HELP node_network_receive_compressed_total Network device statistic receive_compressed.
            # TYPE node_network_receive_compressed_total counter
            node_network_receive_compressed_total{device="eth0"} 7.0
            # HELP node_network_receive_drop_total Network device statistic receive_drop.
            # TYPE node_network_receive_drop_total counter
            node_network_receive_drop_total{device="eth0"} 4.0
            # HELP node_network_receive_errs_total Network device statistic receive_errs.
            # TYPE node_network_receive_errs_total counter
            node_network_receive_errs_total{device="eth0"} 3.0
            # HELP node_network_receive_fifo_total Network device statistic receive_fifo.
            # TYPE node_network_receive_fifo_total counter
            node_network_receive_fifo_total{device="eth0"} 5.0
            # HELP node_network_receive_frame_total Network device statistic receive_frame.
            # TYPE node_network_receive_frame_total counter
            node_network_receive_frame_total{device="eth0"} 6.0
            # HELP node_network_receive_multicast_total Network device statistic receive_multicast.
            # TYPE node_network_receive_multicast_total counter
            node_network_receive_multicast_total{device="eth0"} 8.0
            # HELP node_network_receive_nohandler_total Network device statistic receive_nohandler.
            # TYPE node_network_receive_nohandler_total counter
            node_network_receive_nohandler_total{device="eth0"} 17.0
            # HELP node_network_receive_packets_total Network device statistic receive_packets.
            # TYPE node_network_receive_packets_total counter
            node_network_receive_packets_total{device="eth0"} 2.0
            # HELP node_network_transmit_bytes_total Network device statistic transmit_bytes.
            # TYPE node_network_transmit_bytes_total counter
            node_network_transmit_bytes_total{device="eth0"} 9.0
            # HELP node_network_transmit_carrier_total Network device statistic transmit_carrier.
            # TYPE node_network_transmit_carrier_total counter
            node_network_transmit_carrier_total{device="eth0"} 15.0
            # HELP node_network_transmit_colls_total Network device statistic transmit_colls.
            # TYPE node_network_transmit_colls_total counter
            node_network_transmit_colls_total{device="eth0"} 14.0
            # HELP node_network_transmit_compressed_total Network device statistic transmit_compressed.
            # TYPE node_network_transmit_compressed_total counter
            node_network_transmit_compressed_total{device="eth0"} 16.0
            # HELP node_network_transmit_drop_total Network device statistic transmit_drop.
            # TYPE node_network_transmit_drop_total counter
            node_network_transmit_drop_total{device="eth0"} 12.0
            # HELP node_network_transmit_errs_total Network device statistic transmit_errs.
            # TYPE node_network_transmit_errs_total counter
            node_network_transmit_errs_total{device="eth0"} 11.0
            # HELP node_network_transmit_fifo_total Network device statistic transmit_fifo.
            # TYPE node_network_transmit_fifo_total counter
            node_network_transmit_fifo_total{device="eth0"} 13.0
            # HELP node_network_transmit_packets_total Network device statistic transmit_packets.
            # TYPE node_network_transmit_packets_total counter
            node_network_transmit_packets_total{device="eth0"} 10.0
            """);
  }

  @Test
  void goldenTextLeavesOutUnknownStatisticsAndExcludedDevices() {
    double[] oshiLike = new double[NetDevSource.STATS.size()];
    Arrays.fill(oshiLike, Double.NaN);
    oshiLike[NetDevSource.STATS.indexOf("receive_bytes")] = 1000;
    oshiLike[NetDevSource.STATS.indexOf("transmit_bytes")] = 2000;
    DeviceFilter noVeth =
        DeviceFilter.exclude(CollectorConfig.of(Map.of("netdev.device-exclude", List.of("^veth"))), "netdev.device-exclude", "");
    NetdevCollector collector =
        new NetdevCollector(
            () ->
                List.of(
                    new NetDevSource.NetDevice("wlan0", oshiLike),
                    new NetDevSource.NetDevice("veth12ab", counters(1)),
                    new NetDevSource.NetDevice("lo", oshiLike)),
            noVeth);

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_network_receive_bytes_total Network device statistic receive_bytes.
            # TYPE node_network_receive_bytes_total counter
            node_network_receive_bytes_total{device="lo"} 1000.0
            node_network_receive_bytes_total{device="wlan0"} 1000.0
            # HELP node_network_transmit_bytes_total Network device statistic transmit_bytes.
            # TYPE node_network_transmit_bytes_total counter
            node_network_transmit_bytes_total{device="lo"} 2000.0
            node_network_transmit_bytes_total{device="wlan0"} 2000.0
            """);
  }

  @Test
  void procSourceSplitsAtTheColonAndReadsFullU64Counters() throws IOException {
    List<NetDevSource.NetDevice> devices =
        new ProcNetDevSource(HostFixtures.fixtureProc(), SysFs.at(Path.of("/nonexistent"))).read();

    assertThat(devices).extracting(NetDevSource.NetDevice::device).containsExactly("lo", "eth0", "enp65s0f1");
    assertThat(devices.get(1).values())
        .containsExactly(18446744073709551615.0, 12812, 1, 2, 3, 4, 5, 6, 1241182, 9873, 7, 8, 9, 10, 11, 12, Double.NaN);
    assertThat(devices.get(2).values()[0]).isEqualTo(328005545.0);
    assertThat(devices.get(2).values()[8]).isEqualTo(1241182.0);
  }

  @Test
  void receiveNohandlerComesFromSysfsWhereTheDeviceHasIt(@TempDir Path sys) throws IOException {
    Files.createDirectories(sys.resolve("class/net/eth0/statistics"));
    Files.writeString(sys.resolve("class/net/eth0/statistics/rx_nohandler"), "42\n");
    Files.createDirectories(sys.resolve("class/net/lo/statistics"));
    Files.writeString(sys.resolve("class/net/lo/statistics/rx_nohandler"), "not a number\n");
    NetdevCollector collector = new NetdevCollector(new ProcNetDevSource(HostFixtures.fixtureProc(), SysFs.at(sys)),
        DeviceFilter.none());

    // eth0 has it; lo's is unreadable and enp65s0f1 has none: both left out, nothing fails
    assertThat(HostFixtures.text(collector)).contains(
        """
        # HELP node_network_receive_nohandler_total Network device statistic receive_nohandler.
        # TYPE node_network_receive_nohandler_total counter
        node_network_receive_nohandler_total{device="eth0"} 42.0
        """);
  }

  @Test
  void badExcludeExpressionNamesOptionAndValue() {
    CollectorConfig config = CollectorConfig.of(Map.of("netdev.device-exclude", List.of("^(lo")));

    assertThatThrownBy(() -> new NetdevPlugin().create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option netdev.device-exclude '^(lo' is not a valid regular expression");
  }
}
