package io.taoprom.exporter.self;

import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;

/**
 * The {@code jvm} collector: client_java's {@code jvm_*} series about TaoProm's JVM (memory
 * areas and pools, garbage collections, threads, classes, buffer pools, JIT time, runtime
 * info). Off by default: an operator watches the GPUs, not the exporter's heap;
 * {@code --collector.jvm} turns it on.
 *
 * <pre>
 * jvm_memory_used_bytes{area="heap"} 1.2582912E7
 * jvm_gc_collection_seconds_count{gc="G1 Young Generation"} 4
 * jvm_threads_current 23.0
 * jvm_runtime_info{runtime="OpenJDK Runtime Environment",vendor="Debian",version="17.0.15+6-Debian-1deb12u1"} 1
 * </pre>
 *
 * <p>Every part of client_java's {@code JvmMetrics} but its {@code ProcessMetrics}, which the
 * {@code process} plugin serves: with both on, the process series would be served twice.
 */
public final class JvmPlugin implements CollectorPlugin {

  /** The plugin's name. */
  public static final String NAME = "jvm";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "TaoProm's own JVM: memory, garbage collection, threads, classes, buffer pools (jvm_*)";
  }

  @Override
  public boolean enabledByDefault() {
    return false;
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new RegistryCollector(registry -> {
      JvmThreadsMetrics.builder().register(registry);
      JvmBufferPoolMetrics.builder().register(registry);
      JvmClassLoadingMetrics.builder().register(registry);
      JvmCompilationMetrics.builder().register(registry);
      JvmGarbageCollectorMetrics.builder().register(registry);
      JvmMemoryPoolAllocationMetrics.builder().register(registry);
      JvmMemoryMetrics.builder().register(registry);
      JvmNativeMemoryMetrics.builder().register(registry);
      JvmRuntimeInfoMetric.builder().register(registry);
    });
  }
}
