/** The {@code meminfo} collector: {@code node_memory_*} from {@code /proc/meminfo} or OSHI. */
package io.taoprom.metrics.host.meminfo;
