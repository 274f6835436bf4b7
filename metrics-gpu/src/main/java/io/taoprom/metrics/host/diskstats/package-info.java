/** The {@code diskstats} collector: {@code node_disk_*{device}} from {@code /proc/diskstats} or OSHI. */
package io.taoprom.metrics.host.diskstats;
