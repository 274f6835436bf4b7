/**
 * The {@code udp_queues} collector: {@code node_udp_queues{ip,queue}}, the bytes queued in UDP
 * sockets' send and receive buffers summed from {@code /proc/net/udp} and {@code /proc/net/udp6}.
 */
package io.taoprom.metrics.host.udp_queues;
