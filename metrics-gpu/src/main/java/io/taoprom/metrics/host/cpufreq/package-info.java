/** The {@code cpufreq} collector: {@code node_cpu_frequency_*}, {@code node_cpu_scaling_*} from {@code /sys/devices/system/cpu}. */
package io.taoprom.metrics.host.cpufreq;
