/**
 * The {@code infiniband} collector: {@code node_infiniband_*} per HCA port from
 * {@code /sys/class/infiniband/<device>/ports/<port>}: state, rate, the IBA port counters
 * ({@code counters}, {@code counters_ext}) and the driver's RDMA counters ({@code hw_counters},
 * mlx5's RoCE congestion and retransmission figures among them).
 */
package io.taoprom.metrics.host.infiniband;
