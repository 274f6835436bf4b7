/** The {@code dmi} collector: {@code node_dmi_info} from {@code /sys/class/dmi/id}. */
package io.taoprom.metrics.host.dmi;
