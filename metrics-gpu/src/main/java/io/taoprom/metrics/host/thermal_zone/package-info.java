/** The {@code thermal_zone} collector: {@code node_thermal_zone_temp}, {@code node_cooling_device_*}. */
package io.taoprom.metrics.host.thermal_zone;
