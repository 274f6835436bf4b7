/** The {@code time} collector: {@code node_time_seconds}, {@code node_time_zone_offset_seconds}, {@code node_boot_time_seconds}. */
package io.taoprom.metrics.host.time;
