package io.taoprom.metrics.host.infiniband;

import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a port's three counter directories that node_exporter serves, the series each
 * becomes and its help text (node_exporter's, word for word, as dashboards show them).
 *
 * <p>Two kinds of scaling apply, both node_exporter's: the {@code *_data} counters count 32-bit
 * words per lane, "divided by 4 unconditionally" as the IBA specifies, so they are multiplied by 4
 * to give bytes (in 64-bit arithmetic that wraps, as node_exporter's does); {@code lifespan} is in
 * milliseconds and is divided by 1000 in integers, so a lifespan under a second reads 0.
 */
final class PortCounters {

  /** A counter file and its series; {@code scale} multiplies, a negative one divides. */
  record Counter(String file, MetricMetadata metadata, boolean counter, long scale) {}

  /** {@code counters/}: the IBA PortCounters, since 2.6.12. */
  static final Map<String, Counter> COUNTERS = table(
      counter("excessive_buffer_overrun_errors", "excessive_buffer_overrun_errors_total",
          "Number of times that OverrunErrors consecutive flow control update periods occurred, each having at least one overrun error."),
      counter("link_downed", "link_downed_total",
          "Number of times the link failed to recover from an error state and went down"),
      counter("link_error_recovery", "link_error_recovery_total",
          "Number of times the link successfully recovered from an error state"),
      counter("local_link_integrity_errors", "local_link_integrity_errors_total",
          "Number of times that the count of local physical errors exceeded the threshold specified by LocalPhyErrors."),
      counter("multicast_rcv_packets", "multicast_packets_received_total",
          "Number of multicast packets received (including errors)"),
      counter("multicast_xmit_packets", "multicast_packets_transmitted_total",
          "Number of multicast packets transmitted (including errors)"),
      counter("port_rcv_constraint_errors", "port_constraint_errors_received_total",
          "Number of packets received on the switch physical port that are discarded"),
      scaled("port_rcv_data", "port_data_received_bytes_total", "Number of data octets received on all links", 4),
      counter("port_rcv_discards", "port_discards_received_total",
          "Number of inbound packets discarded by the port because the port is down or congested"),
      counter("port_rcv_errors", "port_errors_received_total",
          "Number of packets containing an error that were received on this port"),
      counter("port_rcv_packets", "port_packets_received_total",
          "Number of packets received on all VLs by this port (including errors)"),
      counter("port_rcv_remote_physical_errors", "port_receive_remote_physical_errors_total",
          "Number of packets marked with the EBP (End of Bad Packet) delimiter received on the port."),
      counter("port_rcv_switch_relay_errors", "port_receive_switch_relay_errors_total",
          "Number of packets that could not be forwarded by the switch."),
      counter("port_xmit_constraint_errors", "port_constraint_errors_transmitted_total",
          "Number of packets not transmitted from the switch physical port"),
      scaled("port_xmit_data", "port_data_transmitted_bytes_total", "Number of data octets transmitted on all links", 4),
      counter("port_xmit_discards", "port_discards_transmitted_total",
          "Number of outbound packets discarded by the port because the port is down or congested"),
      counter("port_xmit_packets", "port_packets_transmitted_total",
          "Number of packets transmitted on all VLs from this port (including errors)"),
      counter("port_xmit_wait", "port_transmit_wait_total",
          "Number of ticks during which the port had data to transmit but no data was sent during the entire tick"),
      counter("symbol_error", "symbol_error_total",
          "Number of minor link errors detected on one or more physical lanes."),
      counter("unicast_rcv_packets", "unicast_packets_received_total",
          "Number of unicast packets received (including errors)"),
      counter("unicast_xmit_packets", "unicast_packets_transmitted_total",
          "Number of unicast packets transmitted (including errors)"),
      counter("VL15_dropped", "vl15_dropped_total",
          "Number of incoming VL15 packets dropped due to resource limitations."));

  /** {@code counters_ext/}: the 64-bit counters kernels before 4.5 kept apart. */
  static final Map<String, Counter> COUNTERS_EXT = table(
      counter("port_multicast_rcv_packets", "legacy_multicast_packets_received_total", "Number of multicast packets received"),
      counter("port_multicast_xmit_packets", "legacy_multicast_packets_transmitted_total",
          "Number of multicast packets transmitted"),
      scaled("port_rcv_data_64", "legacy_data_received_bytes_total", "Number of data octets received on all links", 4),
      counter("port_rcv_packets_64", "legacy_packets_received_total", "Number of data packets received on all links"),
      counter("port_unicast_rcv_packets", "legacy_unicast_packets_received_total", "Number of unicast packets received"),
      counter("port_unicast_xmit_packets", "legacy_unicast_packets_transmitted_total", "Number of unicast packets transmitted"),
      scaled("port_xmit_data_64", "legacy_data_transmitted_bytes_total", "Number of data octets transmitted on all links", 4),
      // node_exporter's help says "received" here too; kept, as its users see it.
      counter("port_xmit_packets_64", "legacy_packets_transmitted_total", "Number of data packets received on all links"));

  /** {@code hw_counters/}: the driver's own counters (mlx5), since 4.6. */
  static final Map<String, Counter> HW_COUNTERS = table(
      counter("duplicate_request", "duplicate_requests_packets_total",
          "The number of received packets. A duplicate request is a request that had been previously executed."),
      counter("implied_nak_seq_err", "implied_nak_seq_errors_total",
          "The number of time the requested decided an ACK. with a PSN larger than the expected PSN for an RDMA read or response."),
      new Counter("lifespan", new MetricMetadata("node_infiniband_lifespan_seconds",
          "The maximum period in ms which defines the aging of the counter reads. Two consecutive reads within this period might return the same values."),
          false, -1000),
      counter("local_ack_timeout_err", "local_ack_timeout_errors_total",
          "The number of times QP's ack timer expired for RC, XRC, DCT QPs at the sender side. The QP retry limit was not exceed, therefore it is still recoverable error."),
      counter("np_cnp_sent", "np_cnp_packets_sent_total",
          "The number of CNP packets sent by the Notification Point when it noticed congestion experienced in the RoCEv2 IP header (ECN bits). The counters was added in MLNX_OFED 4.1"),
      counter("np_ecn_marked_roce_packets", "np_ecn_marked_roce_packets_received_total",
          "The number of RoCEv2 packets received by the notification point which were marked for experiencing the congestion (ECN bits where '11' on the ingress RoCE traffic) . The counters was added in MLNX_OFED 4.1"),
      counter("out_of_buffer", "out_of_buffer_drops_total",
          "The number of drops occurred due to lack of WQE for the associated QPs."),
      counter("out_of_sequence", "out_of_sequence_packets_received_total", "The number of out of sequence packets received."),
      counter("packet_seq_err", "packet_sequence_errors_total",
          "The number of received NAK sequence error packets. The QP retry limit was not exceeded."),
      counter("req_cqe_error", "req_cqes_errors_total",
          "The number of times requester detected CQEs completed with errors. The counters was added in MLNX_OFED 4.1"),
      counter("req_cqe_flush_error", "req_cqes_flush_errors_total",
          "The number of times requester detected CQEs completed with flushed errors. The counters was added in MLNX_OFED 4.1"),
      counter("req_remote_access_errors", "req_remote_access_errors_total",
          "The number of times requester detected remote access errors. The counters was added in MLNX_OFED 4.1"),
      counter("req_remote_invalid_request", "req_remote_invalid_request_errors_total",
          "The number of times requester detected remote invalid request errors. The counters was added in MLNX_OFED 4.1"),
      counter("resp_cqe_error", "resp_cqes_errors_total",
          "The number of times responder detected CQEs completed with errors. The counters was added in MLNX_OFED 4.1"),
      counter("resp_cqe_flush_error", "resp_cqes_flush_errors_total",
          "The number of times responder detected CQEs completed with flushed errors. The counters was added in MLNX_OFED 4.1"),
      counter("resp_local_length_error", "resp_local_length_errors_total",
          "The number of times responder detected local length errors. The counters was added in MLNX_OFED 4.1"),
      counter("resp_remote_access_errors", "resp_remote_access_errors_total",
          "The number of times responder detected remote access errors. The counters was added in MLNX_OFED 4.1"),
      counter("rnr_nak_retry_err", "rnr_nak_retry_packets_received_total",
          "The number of received RNR NAK packets. The QP retry limit was not exceeded."),
      counter("roce_adp_retrans", "roce_adp_retransmits_total",
          "The number of adaptive retransmissions for RoCE traffic. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0"),
      counter("roce_adp_retrans_to", "roce_adp_retransmits_timeout_total",
          "The number of times RoCE traffic reached timeout due to adaptive retransmission. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0"),
      counter("roce_slow_restart", "roce_slow_restart_used_total",
          "The number of times RoCE slow restart was used. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0"),
      counter("roce_slow_restart_cnps", "roce_slow_restart_cnps_total",
          "The number of times RoCE slow restart generated CNP packets. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0"),
      counter("roce_slow_restart_trans", "roce_slow_restart_total",
          "The number of times RoCE slow restart changed state to slow restart. The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0"),
      counter("rp_cnp_handled", "rp_cnp_packets_handled_total",
          "The number of CNP packets handled by the Reaction Point HCA to throttle the transmission rate. The counters was added in MLNX_OFED 4.1"),
      counter("rp_cnp_ignored", "rp_cnp_ignored_packets_received_total",
          "The number of CNP packets received and ignored by the Reaction Point HCA. This counter should not raise if RoCE Congestion Control was enabled in the network. If this counter raise, verify that ECN was enabled on the adapter."),
      counter("rx_atomic_requests", "rx_atomic_requests_total", "The number of received ATOMIC request for the associated QPs."),
      counter("rx_dct_connect", "rx_dct_connect_requests_total",
          "The number of received connection requests for the associated DCTs."),
      counter("rx_icrc_encapsulated", "rx_icrc_encapsulated_errors_total",
          "The number of RoCE packets with ICRC errors. This counter was added in MLNX_OFED 4.4 and kernel 4.19"),
      counter("rx_read_requests", "rx_read_requests_total", "The number of received READ requests for the associated QPs."),
      counter("rx_write_requests", "rx_write_requests_total", "The number of received WRITE requests for the associated QPs."));

  private PortCounters() {}

  private static Counter counter(String file, String name, String help) {
    return scaled(file, name, help, 1);
  }

  private static Counter scaled(String file, String name, String help, long scale) {
    // Named without _total, which client_java's writer appends.
    return new Counter(file,
        new MetricMetadata("node_infiniband_" + name.substring(0, name.length() - "_total".length()), help), true, scale);
  }

  private static Map<String, Counter> table(Counter... counters) {
    Map<String, Counter> byFile = new LinkedHashMap<>();
    for (Counter c : List.of(counters)) {
      byFile.put(c.file(), c);
    }
    return Map.copyOf(byFile);
  }
}
