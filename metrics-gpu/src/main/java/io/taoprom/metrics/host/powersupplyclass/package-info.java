/** The {@code powersupplyclass} collector: {@code node_power_supply_*} from {@code /sys/class/power_supply}. */
package io.taoprom.metrics.host.powersupplyclass;
