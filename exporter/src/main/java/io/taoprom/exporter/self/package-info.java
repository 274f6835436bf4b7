/**
 * TaoProm's metrics about itself, as every exporter serves them: the {@code process} plugin
 * ({@code process_cpu_seconds_total}, {@code process_resident_memory_bytes},
 * {@code process_virtual_memory_bytes}, {@code process_open_fds}, {@code process_max_fds},
 * {@code process_start_time_seconds}; on by default) and the {@code jvm} plugin (client_java's
 * {@code jvm_*} series; off by default). Both come from client_java's
 * {@code prometheus-metrics-instrumentation-jvm}, each in a registry of its own so that the
 * exporter isolates them like any other collector.
 *
 * <pre>{@code
 * taoprom serve --collector.jvm            # add jvm_* to process_*
 * taoprom serve --no-collector.process     # neither
 * }</pre>
 */
package io.taoprom.exporter.self;
