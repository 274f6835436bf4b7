package io.taoprom.exporter.self;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.spi.CollectorConfig;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code jvm} plugin: client_java's jvm_* series, without the process_* the process plugin serves. */
class JvmPluginTest {

  @Test
  void describesItselfAsOffByDefault() {
    JvmPlugin plugin = new JvmPlugin();

    assertThat(plugin.name()).isEqualTo("jvm");
    assertThat(plugin.enabledByDefault()).isFalse();
    assertThat(plugin.description()).contains("jvm_*");
    assertThat(plugin.options()).isEmpty();
  }

  @Test
  void servesTheJvmSeriesAndNoProcessSeries() {
    String text = SelfExposition.of(new JvmPlugin().create(CollectorConfig.empty()));
    Map<String, Double> v = SelfExposition.samples(text);

    assertThat(text)
        .contains("# TYPE jvm_memory_used_bytes gauge\n")
        .contains("# TYPE jvm_threads_current gauge\n")
        .contains("# TYPE jvm_classes_currently_loaded gauge\n")
        .contains("# TYPE jvm_classes_loaded_total counter\n")
        .contains("# TYPE jvm_gc_collection_seconds summary\n")
        .contains("# TYPE jvm_runtime_info gauge\n")
        .contains("jvm_runtime_info{runtime=\"" + System.getProperty("java.runtime.name") + "\"")
        .doesNotContain("process_");
    assertThat(v.get("jvm_memory_used_bytes{area=\"heap\"}")).isPositive()
        .isLessThanOrEqualTo(v.get("jvm_memory_max_bytes{area=\"heap\"}"));
    assertThat(v.get("jvm_threads_current")).isGreaterThanOrEqualTo(1.0);
    assertThat(v.get("jvm_classes_currently_loaded"))
        .isCloseTo((double) ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
            org.assertj.core.data.Offset.offset(500.0));
  }
}
