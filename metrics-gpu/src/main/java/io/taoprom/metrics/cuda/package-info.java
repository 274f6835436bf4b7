/**
 * The {@code cuda} collector: CUDA device attributes through the driver API, with JCuda (an
 * optional dependency: {@link io.taoprom.metrics.cuda.CudaPlugin} loads without it and says so).
 *
 * <pre>{@code
 * CudaCollector cuda = CudaCollector.builder().freeMemory(false).build();
 * PrometheusRegistry.defaultRegistry.register(cuda);
 * }</pre>
 */
package io.taoprom.metrics.cuda;
