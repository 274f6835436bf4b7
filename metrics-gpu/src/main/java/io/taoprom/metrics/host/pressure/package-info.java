/**
 * The {@code pressure} collector: pressure stall information from {@code /proc/pressure}
 * ({@code node_pressure_*_seconds_total}).
 */
package io.taoprom.metrics.host.pressure;
