/**
 * The {@code bcache} collector: node_exporter's {@code node_bcache_*} series for Linux bcache,
 * from {@code /sys/fs/bcache}.
 */
package io.taoprom.metrics.host.bcache;
