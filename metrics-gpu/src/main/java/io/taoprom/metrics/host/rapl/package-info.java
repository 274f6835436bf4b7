/** The {@code rapl} collector: {@code node_rapl_*_joules_total} from {@code /sys/class/powercap}. */
package io.taoprom.metrics.host.rapl;
