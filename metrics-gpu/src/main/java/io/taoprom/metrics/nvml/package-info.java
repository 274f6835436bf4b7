/**
 * The {@code nvml} collector: NVIDIA GPUs through NVML ({@code libnvidia-ml.so.1}), bound with
 * JNA. {@link io.taoprom.metrics.nvml.NvmlPlugin} is the plugin the exporter discovers;
 * {@link io.taoprom.metrics.nvml.NvmlCollector} can also be registered on its own:
 *
 * <pre>{@code
 * NvmlCollector nvml = NvmlCollector.builder().maxProcesses(16).build();
 * PrometheusRegistry.defaultRegistry.register(nvml);
 * }</pre>
 *
 * <p>The binding declares only the entry points it calls, from NVIDIA's public API reference,
 * and falls back to older ones where a driver lacks the newer; see {@code docs/gpu.md}.
 */
package io.taoprom.metrics.nvml;
