/**
 * The {@code fibrechannel} collector: {@code node_fibrechannel_info} and the
 * {@code node_fibrechannel_*_total} statistics of each Fibre Channel host bus adapter port in
 * {@code /sys/class/fc_host}.
 */
package io.taoprom.metrics.host.fibrechannel;
