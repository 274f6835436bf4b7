/**
 * The {@code conntrack} collector: {@code node_nf_conntrack_entries}, {@code _entries_limit} and
 * the {@code node_nf_conntrack_stat_*} sums over CPUs, from {@code /proc/sys/net/netfilter} and
 * {@code /proc/net/stat/nf_conntrack}.
 */
package io.taoprom.metrics.host.conntrack;
