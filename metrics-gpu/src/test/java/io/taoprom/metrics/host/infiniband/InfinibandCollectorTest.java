package io.taoprom.metrics.host.infiniband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPU server's RDMA devices: four ConnectX-7 NDR InfiniBand ports (the GPU fabric), a
 * ConnectX-6 Dx RoCE port with congestion counters, a RoCE port that is down, and a ConnectX-3 on
 * an old kernel (counters_ext, counters its PMA lacks). node_exporter 1.5 run on the fixture tree
 * gives the same series and values for every family it has (it predates hw_counters).
 */
class InfinibandCollectorTest {

  private static DeviceFilter only(String include) {
    return DeviceFilter.excludeInclude(CollectorConfig.of(Map.of(InfinibandPlugin.DEVICE_INCLUDE, List.of(include))),
        InfinibandPlugin.DEVICE_EXCLUDE, InfinibandPlugin.DEVICE_INCLUDE);
  }

  @Test
  void goldenTextOfARoceAndAnOldInfiniBandPort() {
    InfinibandCollector collector = new InfinibandCollector(HostFixtures.sys("infiniband", "gpu-server"), only("^(mlx5_4|mlx4_0)$"));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_infiniband_duplicate_requests_packets_total The number of received packets. A duplicate request is a request that had been previously executed.
            # TYPE node_infiniband_duplicate_requests_packets_total counter
            node_infiniband_duplicate_requests_packets_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_excessive_buffer_overrun_errors_total Number of times that OverrunErrors consecutive flow control update periods occurred, each having at least one overrun error.
            # TYPE node_infiniband_excessive_buffer_overrun_errors_total counter
            node_infiniband_excessive_buffer_overrun_errors_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_excessive_buffer_overrun_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_implied_nak_seq_errors_total The number of time the requested decided an ACK. with a PSN larger than the expected PSN for an RDMA read or response.
            # TYPE node_infiniband_implied_nak_seq_errors_total counter
            node_infiniband_implied_nak_seq_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_info Non-numeric data from /sys/class/infiniband/<device>, value is always 1.
            # TYPE node_infiniband_info gauge
            node_infiniband_info{board_id="MT_0000000359",device="mlx5_4",firmware_version="22.39.1002",hca_type="MT4125"} 1.0
            node_infiniband_info{board_id="MT_1090120019",device="mlx4_0",firmware_version="2.42.5000",hca_type="MT4099"} 1.0
            # HELP node_infiniband_legacy_data_received_bytes_total Number of data octets received on all links
            # TYPE node_infiniband_legacy_data_received_bytes_total counter
            node_infiniband_legacy_data_received_bytes_total{device="mlx4_0",port="1"} 4.0
            # HELP node_infiniband_legacy_data_transmitted_bytes_total Number of data octets transmitted on all links
            # TYPE node_infiniband_legacy_data_transmitted_bytes_total counter
            node_infiniband_legacy_data_transmitted_bytes_total{device="mlx4_0",port="1"} 3.649382712E9
            # HELP node_infiniband_legacy_multicast_packets_received_total Number of multicast packets received
            # TYPE node_infiniband_legacy_multicast_packets_received_total counter
            node_infiniband_legacy_multicast_packets_received_total{device="mlx4_0",port="1"} 0.0
            # HELP node_infiniband_legacy_multicast_packets_transmitted_total Number of multicast packets transmitted
            # TYPE node_infiniband_legacy_multicast_packets_transmitted_total counter
            node_infiniband_legacy_multicast_packets_transmitted_total{device="mlx4_0",port="1"} 0.0
            # HELP node_infiniband_legacy_packets_received_total Number of data packets received on all links
            # TYPE node_infiniband_legacy_packets_received_total counter
            node_infiniband_legacy_packets_received_total{device="mlx4_0",port="1"} 8812345.0
            # HELP node_infiniband_legacy_packets_transmitted_total Number of data packets received on all links
            # TYPE node_infiniband_legacy_packets_transmitted_total counter
            node_infiniband_legacy_packets_transmitted_total{device="mlx4_0",port="1"} 7712000.0
            # HELP node_infiniband_legacy_unicast_packets_received_total Number of unicast packets received
            # TYPE node_infiniband_legacy_unicast_packets_received_total counter
            node_infiniband_legacy_unicast_packets_received_total{device="mlx4_0",port="1"} 8812345.0
            # HELP node_infiniband_legacy_unicast_packets_transmitted_total Number of unicast packets transmitted
            # TYPE node_infiniband_legacy_unicast_packets_transmitted_total counter
            node_infiniband_legacy_unicast_packets_transmitted_total{device="mlx4_0",port="1"} 7712000.0
            # HELP node_infiniband_lifespan_seconds The maximum period in ms which defines the aging of the counter reads. Two consecutive reads within this period might return the same values.
            # TYPE node_infiniband_lifespan_seconds gauge
            node_infiniband_lifespan_seconds{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_link_downed_total Number of times the link failed to recover from an error state and went down
            # TYPE node_infiniband_link_downed_total counter
            node_infiniband_link_downed_total{device="mlx4_0",port="1"} 4814.0
            node_infiniband_link_downed_total{device="mlx5_4",port="1"} 987.0
            # HELP node_infiniband_link_error_recovery_total Number of times the link successfully recovered from an error state
            # TYPE node_infiniband_link_error_recovery_total counter
            node_infiniband_link_error_recovery_total{device="mlx4_0",port="1"} 2657.0
            node_infiniband_link_error_recovery_total{device="mlx5_4",port="1"} 344.0
            # HELP node_infiniband_local_ack_timeout_errors_total The number of times QP's ack timer expired for RC, XRC, DCT QPs at the sender side. The QP retry limit was not exceed, therefore it is still recoverable error.
            # TYPE node_infiniband_local_ack_timeout_errors_total counter
            node_infiniband_local_ack_timeout_errors_total{device="mlx5_4",port="1"} 2458.0
            # HELP node_infiniband_local_link_integrity_errors_total Number of times that the count of local physical errors exceeded the threshold specified by LocalPhyErrors.
            # TYPE node_infiniband_local_link_integrity_errors_total counter
            node_infiniband_local_link_integrity_errors_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_local_link_integrity_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_multicast_packets_received_total Number of multicast packets received (including errors)
            # TYPE node_infiniband_multicast_packets_received_total counter
            node_infiniband_multicast_packets_received_total{device="mlx5_4",port="1"} 3.9912116529E10
            # HELP node_infiniband_multicast_packets_transmitted_total Number of multicast packets transmitted (including errors)
            # TYPE node_infiniband_multicast_packets_transmitted_total counter
            node_infiniband_multicast_packets_transmitted_total{device="mlx5_4",port="1"} 1.0978949704E10
            # HELP node_infiniband_np_cnp_packets_sent_total The number of CNP packets sent by the Notification Point when it noticed congestion experienced in the RoCEv2 IP header (ECN bits). The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_np_cnp_packets_sent_total counter
            node_infiniband_np_cnp_packets_sent_total{device="mlx5_4",port="1"} 4163.0
            # HELP node_infiniband_np_ecn_marked_roce_packets_received_total The number of RoCEv2 packets received by the notification point which were marked for experiencing the congestion (ECN bits where '11' on the ingress RoCE traffic) . The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_np_ecn_marked_roce_packets_received_total counter
            node_infiniband_np_ecn_marked_roce_packets_received_total{device="mlx5_4",port="1"} 8.4760887609E10
            # HELP node_infiniband_out_of_buffer_drops_total The number of drops occurred due to lack of WQE for the associated QPs.
            # TYPE node_infiniband_out_of_buffer_drops_total counter
            node_infiniband_out_of_buffer_drops_total{device="mlx5_4",port="1"} 4711.0
            # HELP node_infiniband_out_of_sequence_packets_received_total The number of out of sequence packets received.
            # TYPE node_infiniband_out_of_sequence_packets_received_total counter
            node_infiniband_out_of_sequence_packets_received_total{device="mlx5_4",port="1"} 474.0
            # HELP node_infiniband_packet_sequence_errors_total The number of received NAK sequence error packets. The QP retry limit was not exceeded.
            # TYPE node_infiniband_packet_sequence_errors_total counter
            node_infiniband_packet_sequence_errors_total{device="mlx5_4",port="1"} 447.0
            # HELP node_infiniband_physical_state_id Physical state of the InfiniBand port (0: no change, 1: sleep, 2: polling, 3: disable, 4: shift, 5: link up, 6: link error recover, 7: phytest)
            # TYPE node_infiniband_physical_state_id gauge
            node_infiniband_physical_state_id{device="mlx4_0",port="1"} 5.0
            node_infiniband_physical_state_id{device="mlx5_4",port="1"} 5.0
            # HELP node_infiniband_port_constraint_errors_received_total Number of packets received on the switch physical port that are discarded
            # TYPE node_infiniband_port_constraint_errors_received_total counter
            node_infiniband_port_constraint_errors_received_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_port_constraint_errors_received_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_port_constraint_errors_transmitted_total Number of packets not transmitted from the switch physical port
            # TYPE node_infiniband_port_constraint_errors_transmitted_total counter
            node_infiniband_port_constraint_errors_transmitted_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_port_constraint_errors_transmitted_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_port_data_received_bytes_total Number of data octets received on all links
            # TYPE node_infiniband_port_data_received_bytes_total counter
            node_infiniband_port_data_received_bytes_total{device="mlx4_0",port="1"} 1.717986918E10
            node_infiniband_port_data_received_bytes_total{device="mlx5_4",port="1"} 4.77900574504E12
            # HELP node_infiniband_port_data_transmitted_bytes_total Number of data octets transmitted on all links
            # TYPE node_infiniband_port_data_transmitted_bytes_total counter
            node_infiniband_port_data_transmitted_bytes_total{device="mlx4_0",port="1"} 3.146672368E9
            node_infiniband_port_data_transmitted_bytes_total{device="mlx5_4",port="1"} 1.2465459689216E13
            # HELP node_infiniband_port_discards_received_total Number of inbound packets discarded by the port because the port is down or congested
            # TYPE node_infiniband_port_discards_received_total counter
            node_infiniband_port_discards_received_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_port_discards_received_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_port_discards_transmitted_total Number of outbound packets discarded by the port because the port is down or congested
            # TYPE node_infiniband_port_discards_transmitted_total counter
            node_infiniband_port_discards_transmitted_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_port_discards_transmitted_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_port_errors_received_total Number of packets containing an error that were received on this port
            # TYPE node_infiniband_port_errors_received_total counter
            node_infiniband_port_errors_received_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_port_errors_received_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_port_packets_received_total Number of packets received on all VLs by this port (including errors)
            # TYPE node_infiniband_port_packets_received_total counter
            node_infiniband_port_packets_received_total{device="mlx4_0",port="1"} 2.525158976E9
            node_infiniband_port_packets_received_total{device="mlx5_4",port="1"} 3.2129356874E10
            # HELP node_infiniband_port_packets_transmitted_total Number of packets transmitted on all VLs from this port (including errors)
            # TYPE node_infiniband_port_packets_transmitted_total counter
            node_infiniband_port_packets_transmitted_total{device="mlx4_0",port="1"} 2.567826635E9
            node_infiniband_port_packets_transmitted_total{device="mlx5_4",port="1"} 3.4472754343E10
            # HELP node_infiniband_port_receive_remote_physical_errors_total Number of packets marked with the EBP (End of Bad Packet) delimiter received on the port.
            # TYPE node_infiniband_port_receive_remote_physical_errors_total counter
            node_infiniband_port_receive_remote_physical_errors_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_port_receive_remote_physical_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_port_receive_switch_relay_errors_total Number of packets that could not be forwarded by the switch.
            # TYPE node_infiniband_port_receive_switch_relay_errors_total counter
            node_infiniband_port_receive_switch_relay_errors_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_port_receive_switch_relay_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_port_transmit_wait_total Number of ticks during which the port had data to transmit but no data was sent during the entire tick
            # TYPE node_infiniband_port_transmit_wait_total counter
            node_infiniband_port_transmit_wait_total{device="mlx4_0",port="1"} 5.89727323E8
            node_infiniband_port_transmit_wait_total{device="mlx5_4",port="1"} 7.28635996E8
            # HELP node_infiniband_rate_bytes_per_second Maximum signal transfer rate
            # TYPE node_infiniband_rate_bytes_per_second gauge
            node_infiniband_rate_bytes_per_second{device="mlx4_0",port="1"} 7.0E9
            node_infiniband_rate_bytes_per_second{device="mlx5_4",port="1"} 2.5E10
            # HELP node_infiniband_req_cqes_errors_total The number of times requester detected CQEs completed with errors. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_req_cqes_errors_total counter
            node_infiniband_req_cqes_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_req_cqes_flush_errors_total The number of times requester detected CQEs completed with flushed errors. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_req_cqes_flush_errors_total counter
            node_infiniband_req_cqes_flush_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_req_remote_access_errors_total The number of times requester detected remote access errors. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_req_remote_access_errors_total counter
            node_infiniband_req_remote_access_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_req_remote_invalid_request_errors_total The number of times requester detected remote invalid request errors. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_req_remote_invalid_request_errors_total counter
            node_infiniband_req_remote_invalid_request_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_resp_cqes_errors_total The number of times responder detected CQEs completed with errors. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_resp_cqes_errors_total counter
            node_infiniband_resp_cqes_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_resp_cqes_flush_errors_total The number of times responder detected CQEs completed with flushed errors. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_resp_cqes_flush_errors_total counter
            node_infiniband_resp_cqes_flush_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_resp_local_length_errors_total The number of times responder detected local length errors. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_resp_local_length_errors_total counter
            node_infiniband_resp_local_length_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_resp_remote_access_errors_total The number of times responder detected remote access errors. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_resp_remote_access_errors_total counter
            node_infiniband_resp_remote_access_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_rnr_nak_retry_packets_received_total The number of received RNR NAK packets. The QP retry limit was not exceeded.
            # TYPE node_infiniband_rnr_nak_retry_packets_received_total counter
            node_infiniband_rnr_nak_retry_packets_received_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_roce_adp_retransmits_total The number of adaptive retransmissions for RoCE traffic. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0
            # TYPE node_infiniband_roce_adp_retransmits_total counter
            node_infiniband_roce_adp_retransmits_total{device="mlx5_4",port="1"} 3834.0
            # HELP node_infiniband_roce_adp_retransmits_timeout_total The number of times RoCE traffic reached timeout due to adaptive retransmission. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0
            # TYPE node_infiniband_roce_adp_retransmits_timeout_total counter
            node_infiniband_roce_adp_retransmits_timeout_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_roce_slow_restart_total The number of times RoCE slow restart changed state to slow restart. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0
            # TYPE node_infiniband_roce_slow_restart_total counter
            node_infiniband_roce_slow_restart_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_roce_slow_restart_cnps_total The number of times RoCE slow restart generated CNP packets. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0
            # TYPE node_infiniband_roce_slow_restart_cnps_total counter
            node_infiniband_roce_slow_restart_cnps_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_roce_slow_restart_used_total The number of times RoCE slow restart was used. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0
            # TYPE node_infiniband_roce_slow_restart_used_total counter
            node_infiniband_roce_slow_restart_used_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_rp_cnp_ignored_packets_received_total The number of CNP packets received and ignored by the Reaction Point HCA. This counter should not raise if RoCE Congestion Control was enabled in the network. If this counter raise, verify that ECN was enabled on the adapter.
            # TYPE node_infiniband_rp_cnp_ignored_packets_received_total counter
            node_infiniband_rp_cnp_ignored_packets_received_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_rp_cnp_packets_handled_total The number of CNP packets handled by the Reaction Point HCA to throttle the transmission rate. The counters was added in MLNX_OFED 4.1
            # TYPE node_infiniband_rp_cnp_packets_handled_total counter
            node_infiniband_rp_cnp_packets_handled_total{device="mlx5_4",port="1"} 3834.0
            # HELP node_infiniband_rx_atomic_requests_total The number of received ATOMIC request for the associated QPs.
            # TYPE node_infiniband_rx_atomic_requests_total counter
            node_infiniband_rx_atomic_requests_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_rx_dct_connect_requests_total The number of received connection requests for the associated DCTs.
            # TYPE node_infiniband_rx_dct_connect_requests_total counter
            node_infiniband_rx_dct_connect_requests_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_rx_icrc_encapsulated_errors_total The number of RoCE packets with ICRC errors. This counter was added in MLNX_OFED 4.4 and kernel 4.19
            # TYPE node_infiniband_rx_icrc_encapsulated_errors_total counter
            node_infiniband_rx_icrc_encapsulated_errors_total{device="mlx5_4",port="1"} 0.0
            # HELP node_infiniband_rx_read_requests_total The number of received READ requests for the associated QPs.
            # TYPE node_infiniband_rx_read_requests_total counter
            node_infiniband_rx_read_requests_total{device="mlx5_4",port="1"} 8.1137216621E10
            # HELP node_infiniband_rx_write_requests_total The number of received WRITE requests for the associated QPs.
            # TYPE node_infiniband_rx_write_requests_total counter
            node_infiniband_rx_write_requests_total{device="mlx5_4",port="1"} 1.3877159116E10
            # HELP node_infiniband_state_id State of the InfiniBand port (0: no change, 1: down, 2: init, 3: armed, 4: active, 5: act defer)
            # TYPE node_infiniband_state_id gauge
            node_infiniband_state_id{device="mlx4_0",port="1"} 4.0
            node_infiniband_state_id{device="mlx5_4",port="1"} 4.0
            # HELP node_infiniband_symbol_error_total Number of minor link errors detected on one or more physical lanes.
            # TYPE node_infiniband_symbol_error_total counter
            node_infiniband_symbol_error_total{device="mlx4_0",port="1"} 3644.0
            node_infiniband_symbol_error_total{device="mlx5_4",port="1"} 4255.0
            # HELP node_infiniband_unicast_packets_received_total Number of unicast packets received (including errors)
            # TYPE node_infiniband_unicast_packets_received_total counter
            node_infiniband_unicast_packets_received_total{device="mlx5_4",port="1"} 6.7913977223E10
            # HELP node_infiniband_unicast_packets_transmitted_total Number of unicast packets transmitted (including errors)
            # TYPE node_infiniband_unicast_packets_transmitted_total counter
            node_infiniband_unicast_packets_transmitted_total{device="mlx5_4",port="1"} 2.9895454788E10
            # HELP node_infiniband_vl15_dropped_total Number of incoming VL15 packets dropped due to resource limitations.
            # TYPE node_infiniband_vl15_dropped_total counter
            node_infiniband_vl15_dropped_total{device="mlx4_0",port="1"} 0.0
            node_infiniband_vl15_dropped_total{device="mlx5_4",port="1"} 0.0
            """);
  }

  @Test
  void everyPortOfTheGpuServer() {
    String text = HostFixtures.text(new InfinibandCollector(HostFixtures.sys("infiniband", "gpu-server"), DeviceFilter.none()));

    assertThat(text.lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(326);
    assertThat(text).contains(
        "node_infiniband_rate_bytes_per_second{device=\"mlx5_0\",port=\"1\"} 5.0E10",
        "node_infiniband_port_data_received_bytes_total{device=\"mlx5_0\",port=\"1\"} 1.12405998408E13",
        "node_infiniband_state_id{device=\"mlx5_5\",port=\"1\"} 1.0",
        "node_infiniband_physical_state_id{device=\"mlx5_5\",port=\"1\"} 3.0",
        "node_infiniband_info{board_id=\"MT_0000000838\",device=\"mlx5_3\",firmware_version=\"28.39.1002\",hca_type=\"MT4129\"} 1.0");
    assertThat(text).doesNotContain("req_rnr_retries_exceeded").doesNotContain("resp_rnr_nak");
  }

  @Test
  void excludedDevicesAreLeftOut() {
    DeviceFilter noMlx5 = DeviceFilter.excludeInclude(CollectorConfig.of(Map.of(InfinibandPlugin.DEVICE_EXCLUDE, List.of("^mlx5"))),
        InfinibandPlugin.DEVICE_EXCLUDE, InfinibandPlugin.DEVICE_INCLUDE);

    assertThat(HostFixtures.text(new InfinibandCollector(HostFixtures.sys("infiniband", "gpu-server"), noMlx5)))
        .contains("device=\"mlx4_0\"").doesNotContain("mlx5");
  }

  @Test
  void noRdmaDevicesNoSeries(@TempDir Path empty) {
    assertThat(HostFixtures.text(new InfinibandCollector(SysFs.at(empty), DeviceFilter.none()))).isEmpty();
  }

  private static void port(Path root, String state, String rate) {
    HostFixtures.write(root, "class/infiniband/mlx5_0/fw_ver", "28.39.1002\n");
    HostFixtures.write(root, "class/infiniband/mlx5_0/ports/1/link_layer", "InfiniBand\n");
    HostFixtures.write(root, "class/infiniband/mlx5_0/ports/1/state", state);
    HostFixtures.write(root, "class/infiniband/mlx5_0/ports/1/phys_state", "5: LinkUp\n");
    HostFixtures.write(root, "class/infiniband/mlx5_0/ports/1/rate", rate);
  }

  /** The narrowest port: 2.5 Gb/s, read as node_exporter reads it (a float, times 125000000). */
  @Test
  void goldenTextOfAMinimalPort(@TempDir Path root) {
    port(root, "4: ACTIVE\n", "2.5 Gb/sec (1X SDR)\n");

    assertThat(HostFixtures.text(new InfinibandCollector(SysFs.at(root), DeviceFilter.none())))
        .isEqualTo(
            """
            # HELP node_infiniband_info Non-numeric data from /sys/class/infiniband/<device>, value is always 1.
            # TYPE node_infiniband_info gauge
            node_infiniband_info{board_id="",device="mlx5_0",firmware_version="28.39.1002",hca_type=""} 1.0
            # HELP node_infiniband_physical_state_id Physical state of the InfiniBand port (0: no change, 1: sleep, 2: polling, 3: disable, 4: shift, 5: link up, 6: link error recover, 7: phytest)
            # TYPE node_infiniband_physical_state_id gauge
            node_infiniband_physical_state_id{device="mlx5_0",port="1"} 5.0
            # HELP node_infiniband_rate_bytes_per_second Maximum signal transfer rate
            # TYPE node_infiniband_rate_bytes_per_second gauge
            node_infiniband_rate_bytes_per_second{device="mlx5_0",port="1"} 3.125E8
            # HELP node_infiniband_state_id State of the InfiniBand port (0: no change, 1: down, 2: init, 3: armed, 4: active, 5: act defer)
            # TYPE node_infiniband_state_id gauge
            node_infiniband_state_id{device="mlx5_0",port="1"} 4.0
            """);
  }

  @Test
  void aDeviceWithoutFirmwareVersionIsAnError(@TempDir Path root) {
    HostFixtures.write(root, "class/infiniband/mlx5_0/ports/1/state", "4: ACTIVE\n");

    assertThatThrownBy(() -> new InfinibandCollector(SysFs.at(root), DeviceFilter.none()).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("class/infiniband/mlx5_0/fw_ver") + " does not exist");
  }

  @Test
  void aStateWithoutItsNumberIsRejected(@TempDir Path root) {
    port(root, "ACTIVE\n", "400 Gb/sec (4X NDR)\n");

    assertThatThrownBy(() -> new InfinibandCollector(SysFs.at(root), DeviceFilter.none()).collect())
        .hasMessageContaining(root.resolve("class/infiniband/mlx5_0/ports/1/state") + ": expected \"ID: NAME\", found \"ACTIVE\"");
  }

  @Test
  void aRateWithoutAFigureIsRejected(@TempDir Path root) {
    port(root, "4: ACTIVE\n", "fast\u0007\n");

    assertThatThrownBy(() -> new InfinibandCollector(SysFs.at(root), DeviceFilter.none()).collect())
        .hasMessageContaining("rate: expected \"N Gb/sec (...)\", found \"fast\\x07\"");
  }

  @Test
  void aCounterThatIsNotANumberIsRejected(@TempDir Path root) {
    port(root, "4: ACTIVE\n", "400 Gb/sec (4X NDR)\n");
    HostFixtures.write(root, "class/infiniband/mlx5_0/ports/1/hw_counters/out_of_buffer", "-3\n");

    assertThatThrownBy(() -> new InfinibandCollector(SysFs.at(root), DeviceFilter.none()).collect())
        .hasMessageContaining("hw_counters/out_of_buffer: expected a decimal counter, found \"-3\"");
  }

  @Test
  void aPortDirectoryThatIsNotANumberIsRejected(@TempDir Path root) {
    port(root, "4: ACTIVE\n", "400 Gb/sec (4X NDR)\n");
    HostFixtures.write(root, "class/infiniband/mlx5_0/ports/one/state", "4: ACTIVE\n");

    assertThatThrownBy(() -> new InfinibandCollector(SysFs.at(root), DeviceFilter.none()).collect())
        .hasMessageContaining("holds \"one\", not a port number");
  }
}
