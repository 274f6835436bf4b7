/** The {@code cpu} collector: {@code node_cpu_seconds_total} and {@code node_cpu_guest_seconds_total}. */
package io.taoprom.metrics.host.cpu;
