/** The {@code filesystem} collector: {@code node_filesystem_*{device,mountpoint,fstype}}. */
package io.taoprom.metrics.host.filesystem;
