/**
 * The {@code xfs} collector: node_exporter's per-file-system XFS series ({@code node_xfs_*}),
 * from {@code /sys/fs/xfs/<device>/stats/stats}.
 */
package io.taoprom.metrics.host.xfs;
