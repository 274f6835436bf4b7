/**
 * The {@code zfs} collector: node_exporter's OpenZFS series ({@code node_zfs_*}), from the SPL
 * kstats in {@code /proc/spl/kstat/zfs}.
 */
package io.taoprom.metrics.host.zfs;
