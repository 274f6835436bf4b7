package io.taoprom.metrics.host.kernel_hung;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code kernel_hung} plugin: {@code node_kernel_hung_tasks_total}, the tasks the kernel has
 * found blocked for longer than {@code kernel.hung_task_timeout_secs} since boot, named as
 * current upstream node_exporter names it (its 1.5 has no such collector). A GPU job stuck in
 * uninterruptible sleep on a wedged driver shows up here. Linux only.
 *
 * <pre>{@code
 * MultiCollector hung = new KernelHungPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class KernelHungPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "kernel_hung";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Tasks detected as hung since boot (node_kernel_hung_tasks_total)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/sys/kernel/hung_task_detect_count");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new KernelHungCollector(ProcFs.system());
  }
}
