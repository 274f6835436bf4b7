package io.taoprom.metrics.host.kernel_hung;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.List;

/**
 * node_exporter's kernel_hung collector (upstream since 1.11; not in 1.5):
 *
 * <pre>
 * # HELP node_kernel_hung_tasks_total Total number of tasks that have been detected as hung since the system booted.
 * # TYPE node_kernel_hung_tasks_total counter
 * node_kernel_hung_tasks_total 0.0
 * </pre>
 *
 * <p>Only recent kernels built with {@code CONFIG_DETECT_HUNG_TASK} have the file; elsewhere
 * this yields nothing.
 */
final class KernelHungCollector implements ReadingCollector {

  private static final String FILE = "sys/kernel/hung_task_detect_count";

  private static final MetricMetadata HUNG_TASKS = new MetricMetadata(
      "node_kernel_hung_tasks", "Total number of tasks that have been detected as hung since the system booted.");

  private final ProcFs proc;

  KernelHungCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    String content = proc.readIfPresent(FILE);
    if (content == null) {
      return MetricSnapshots.of();
    }
    double count = ProcText.oneLine(content, proc.path(FILE), 1, "is not one number", ProcText::unsigned);
    return MetricSnapshots.of(
        new CounterSnapshot(HUNG_TASKS, List.of(CounterDataPointSnapshot.builder().value(count).build())));
  }
}
