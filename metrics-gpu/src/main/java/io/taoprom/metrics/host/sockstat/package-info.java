/**
 * The {@code sockstat} collector: {@code node_sockstat_*} socket counts and buffer memory from
 * {@code /proc/net/sockstat} and {@code /proc/net/sockstat6}.
 */
package io.taoprom.metrics.host.sockstat;
