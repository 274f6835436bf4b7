/**
 * The {@code btrfs} collector: node_exporter's {@code node_btrfs_*} series, from
 * {@code /sys/fs/btrfs} and, for per-device sizes and error counters, the btrfs ioctls on each
 * mounted file system.
 */
package io.taoprom.metrics.host.btrfs;
