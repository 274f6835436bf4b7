/**
 * The {@code time} collector: {@code node_time_seconds}, {@code node_time_zone_offset_seconds}
 * and the clocksource info series {@code node_time_clocksource_available_info} and
 * {@code node_time_clocksource_current_info}.
 */
package io.taoprom.metrics.host.time;
