/**
 * The {@code netclass} collector: {@code node_network_up}, {@code node_network_info} and the
 * {@code node_network_*} properties of {@code /sys/class/net/<iface>} (MTU, speed, carrier, ...).
 */
package io.taoprom.metrics.host.netclass;
