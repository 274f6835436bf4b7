package io.taoprom.metrics.host.fibrechannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPU server with a dual-port 32G HBA to a SAN (one port online, one whose link is down, with
 * statistics the firmware does not implement) and a disabled port without statistics. node_exporter
 * 1.5 run on the tree gives the same series and values for the first two ports; it serves nothing
 * at all when a port lacks its statistics directory, where upstream (and TaoProm) serve zeros.
 */
class FibrechannelCollectorTest {

  @Test
  void goldenTextOfAGpuServer() {
    assertThat(HostFixtures.text(new FibrechannelCollector(HostFixtures.sys("fibrechannel", "gpu-server"))))
        .isEqualTo(
            """
            # HELP node_fibrechannel_dumped_frames_total Number of dumped frames
            # TYPE node_fibrechannel_dumped_frames_total counter
            node_fibrechannel_dumped_frames_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_error_frames_total Number of errors in frames
            # TYPE node_fibrechannel_error_frames_total counter
            node_fibrechannel_error_frames_total{fc_host="host7"} 0.0
            node_fibrechannel_error_frames_total{fc_host="host8"} 0.0
            node_fibrechannel_error_frames_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_fcp_packet_aborts_total Number of aborted packets
            # TYPE node_fibrechannel_fcp_packet_aborts_total counter
            node_fibrechannel_fcp_packet_aborts_total{fc_host="host7"} 7.0
            node_fibrechannel_fcp_packet_aborts_total{fc_host="host8"} 7.0
            node_fibrechannel_fcp_packet_aborts_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_info Non-numeric data from /sys/class/fc_host/<host>, value is always 1.
            # TYPE node_fibrechannel_info gauge
            node_fibrechannel_info{dev_loss_tmo="30",fabric_name="0",fc_host="host8",port_id="000000",port_name="21000024ff7ef9dc",port_state="Linkdown",port_type="NPort (fabric via point-to-point)",speed="unknown",supported_classes="Class 3",supported_speeds="8 Gbit, 16 Gbit, 32 Gbit",symbolic_name="QLE2772 FW:v9.08.02 DVR:v10.02.08.200-k"} 1.0
            node_fibrechannel_info{dev_loss_tmo="30",fabric_name="0",fc_host="host9",port_id="000000",port_name="21000024ff7ef9dd",port_state="Unknown",port_type="NPort (fabric via point-to-point)",speed="unknown",supported_classes="Class 3",supported_speeds="8 Gbit, 16 Gbit, 32 Gbit",symbolic_name="QLE2772 FW:v9.08.02 DVR:v10.02.08.200-k"} 1.0
            node_fibrechannel_info{dev_loss_tmo="30",fabric_name="100050eb1a0a0b0c",fc_host="host7",port_id="0a0b00",port_name="21000024ff7ef9db",port_state="Online",port_type="NPort (fabric via point-to-point)",speed="32 Gbit",supported_classes="Class 3",supported_speeds="8 Gbit, 16 Gbit, 32 Gbit",symbolic_name="QLE2772 FW:v9.08.02 DVR:v10.02.08.200-k"} 1.0
            # HELP node_fibrechannel_invalid_crc_total Invalid Cyclic Redundancy Check count
            # TYPE node_fibrechannel_invalid_crc_total counter
            node_fibrechannel_invalid_crc_total{fc_host="host7"} 2.0
            node_fibrechannel_invalid_crc_total{fc_host="host8"} 2.0
            node_fibrechannel_invalid_crc_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_invalid_tx_words_total Number of invalid words transmitted by host port
            # TYPE node_fibrechannel_invalid_tx_words_total counter
            node_fibrechannel_invalid_tx_words_total{fc_host="host7"} 31.0
            node_fibrechannel_invalid_tx_words_total{fc_host="host8"} 31.0
            node_fibrechannel_invalid_tx_words_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_link_failure_total Number of times the host port link has failed
            # TYPE node_fibrechannel_link_failure_total counter
            node_fibrechannel_link_failure_total{fc_host="host7"} 2.0
            node_fibrechannel_link_failure_total{fc_host="host8"} 9.0
            node_fibrechannel_link_failure_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_loss_of_signal_total Number of times signal has been lost
            # TYPE node_fibrechannel_loss_of_signal_total counter
            node_fibrechannel_loss_of_signal_total{fc_host="host7"} 0.0
            node_fibrechannel_loss_of_signal_total{fc_host="host8"} 3.0
            node_fibrechannel_loss_of_signal_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_loss_of_sync_total Number of failures on either bit or transmission word boundaries
            # TYPE node_fibrechannel_loss_of_sync_total counter
            node_fibrechannel_loss_of_sync_total{fc_host="host7"} 5.0
            node_fibrechannel_loss_of_sync_total{fc_host="host8"} 5.0
            node_fibrechannel_loss_of_sync_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_nos_total Number Not_Operational Primitive Sequence received by host port
            # TYPE node_fibrechannel_nos_total counter
            node_fibrechannel_nos_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_rx_frames_total Number of frames received
            # TYPE node_fibrechannel_rx_frames_total counter
            node_fibrechannel_rx_frames_total{fc_host="host7"} 7.90264891E8
            node_fibrechannel_rx_frames_total{fc_host="host8"} 456.0
            node_fibrechannel_rx_frames_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_rx_words_total Number of words received by host port
            # TYPE node_fibrechannel_rx_words_total counter
            node_fibrechannel_rx_words_total{fc_host="host7"} 1.16547774474E11
            node_fibrechannel_rx_words_total{fc_host="host8"} 16000.0
            node_fibrechannel_rx_words_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_seconds_since_last_reset_total Number of seconds since last host port reset
            # TYPE node_fibrechannel_seconds_since_last_reset_total counter
            node_fibrechannel_seconds_since_last_reset_total{fc_host="host7"} 1977164.0
            node_fibrechannel_seconds_since_last_reset_total{fc_host="host8"} 1977164.0
            node_fibrechannel_seconds_since_last_reset_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_tx_frames_total Number of frames transmitted by host port
            # TYPE node_fibrechannel_tx_frames_total counter
            node_fibrechannel_tx_frames_total{fc_host="host7"} 4.36943949E8
            node_fibrechannel_tx_frames_total{fc_host="host8"} 500.0
            node_fibrechannel_tx_frames_total{fc_host="host9"} 0.0
            # HELP node_fibrechannel_tx_words_total Number of words transmitted by host port
            # TYPE node_fibrechannel_tx_words_total counter
            node_fibrechannel_tx_words_total{fc_host="host7"} 5.6809434173E10
            node_fibrechannel_tx_words_total{fc_host="host8"} 20000.0
            node_fibrechannel_tx_words_total{fc_host="host9"} 0.0
            """);
  }

  @Test
  void withoutAnHbaNothing(@TempDir Path empty) {
    assertThat(HostFixtures.text(new FibrechannelCollector(SysFs.at(empty)))).isEmpty();
  }

  /** Drivers leave identity attributes out (node_exporter issue 2919): their labels are empty. */
  @Test
  void missingAttributesAreEmptyLabels(@TempDir Path root) {
    HostFixtures.write(root, "class/fc_host/host0/port_state", "Online\n");
    HostFixtures.write(root, "class/fc_host/host0/statistics/tx_frames", "0x10\n");

    assertThat(HostFixtures.text(new FibrechannelCollector(SysFs.at(root))))
        .isEqualTo(
            """
            # HELP node_fibrechannel_info Non-numeric data from /sys/class/fc_host/<host>, value is always 1.
            # TYPE node_fibrechannel_info gauge
            node_fibrechannel_info{dev_loss_tmo="",fabric_name="",fc_host="host0",port_id="",port_name="",port_state="Online",port_type="",speed="",supported_classes="",supported_speeds="",symbolic_name=""} 1.0
            # HELP node_fibrechannel_tx_frames_total Number of frames transmitted by host port
            # TYPE node_fibrechannel_tx_frames_total counter
            node_fibrechannel_tx_frames_total{fc_host="host0"} 16.0
            """);
  }

  @Test
  void aStatisticThatIsNotANumberIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "class/fc_host/host0/port_state", "Online\n");
    HostFixtures.write(root, "class/fc_host/host0/statistics/rx_frames", "0xZZ\n");

    assertThatThrownBy(() -> new FibrechannelCollector(SysFs.at(root)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("class/fc_host/host0/statistics/rx_frames") + ": expected a number such as 0x1a2b, found \"0xZZ\"");
  }

  @Test
  void anUnreadableAttributeIsAnError(@TempDir Path root) throws Exception {
    java.nio.file.Files.createDirectories(root.resolve("class/fc_host/host0/speed"));

    assertThatThrownBy(() -> new FibrechannelCollector(SysFs.at(root)).collect())
        .hasMessageContaining("class/fc_host/host0/speed");
  }
}
