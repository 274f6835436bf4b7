/**
 * The {@code watchdog} collector: the hardware and software watchdogs of
 * {@code /sys/class/watchdog} ({@code node_watchdog_*}, added to node_exporter after 1.5).
 */
package io.taoprom.metrics.host.watchdog;
