/** The {@code hwmon} collector: {@code node_hwmon_*} from {@code /sys/class/hwmon}. */
package io.taoprom.metrics.host.hwmon;
