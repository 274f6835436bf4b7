package io.taoprom.metrics.host.pressure;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's pressure collector, stall times in seconds:
 *
 * <pre>
 * # HELP node_pressure_io_stalled_seconds_total Total time in seconds no process could make progress due to IO congestion
 * # TYPE node_pressure_io_stalled_seconds_total counter
 * node_pressure_io_stalled_seconds_total 2.149127
 * </pre>
 *
 * <p>{@code cpu} gives its {@code some} line ({@code full} is defined for CPUs only per cgroup),
 * {@code io} and {@code memory} both, {@code irq} (Linux 6.1+, with
 * {@code CONFIG_IRQ_TIME_ACCOUNTING}) only {@code full}, as upstream node_exporter serves them.
 * A resource whose file is absent is left out; a kernel without PSI, or with PSI switched off,
 * yields nothing and is no failure.
 */
final class PressureCollector implements ReadingCollector {

  private static final MetricMetadata CPU_WAITING = new MetricMetadata(
      "node_pressure_cpu_waiting_seconds", "Total time in seconds that processes have waited for CPU time");
  private static final MetricMetadata IO_WAITING = new MetricMetadata(
      "node_pressure_io_waiting_seconds", "Total time in seconds that processes have waited due to IO congestion");
  private static final MetricMetadata IO_STALLED = new MetricMetadata(
      "node_pressure_io_stalled_seconds",
      "Total time in seconds no process could make progress due to IO congestion");
  private static final MetricMetadata MEMORY_WAITING = new MetricMetadata(
      "node_pressure_memory_waiting_seconds", "Total time in seconds that processes have waited for memory");
  private static final MetricMetadata MEMORY_STALLED = new MetricMetadata(
      "node_pressure_memory_stalled_seconds",
      "Total time in seconds no process could make progress due to memory congestion");
  private static final MetricMetadata IRQ_STALLED = new MetricMetadata(
      "node_pressure_irq_stalled_seconds",
      "Total time in seconds no process could make progress due to IRQ congestion");

  private final ProcFs proc;
  private final PsiFile.Reader reader;

  PressureCollector(ProcFs proc) {
    this(proc, proc::read);
  }

  PressureCollector(ProcFs proc, PsiFile.Reader reader) {
    this.proc = proc;
    this.reader = reader;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<MetricSnapshot> families = new ArrayList<>(6);
    PsiFile.Totals cpu = PsiFile.read(proc, reader, "cpu");
    if (cpu.state() == PsiFile.State.DISABLED) {
      return MetricSnapshots.of(); // psi=0: every file refuses alike
    }
    if (cpu.state() == PsiFile.State.READ) {
      families.add(seconds(CPU_WAITING, cpu.some(), cpu, "some"));
    }
    PsiFile.Totals io = PsiFile.read(proc, reader, "io");
    if (io.state() == PsiFile.State.READ) {
      families.add(seconds(IO_WAITING, io.some(), io, "some"));
      families.add(seconds(IO_STALLED, io.full(), io, "full"));
    }
    PsiFile.Totals memory = PsiFile.read(proc, reader, "memory");
    if (memory.state() == PsiFile.State.READ) {
      families.add(seconds(MEMORY_WAITING, memory.some(), memory, "some"));
      families.add(seconds(MEMORY_STALLED, memory.full(), memory, "full"));
    }
    PsiFile.Totals irq = PsiFile.read(proc, reader, "irq");
    if (irq.state() == PsiFile.State.READ) {
      families.add(seconds(IRQ_STALLED, irq.full(), irq, "full"));
    }
    return new MetricSnapshots(families);
  }

  /** Microseconds to seconds, divided as node_exporter divides, for the same digits. */
  private static CounterSnapshot seconds(MetricMetadata metadata, double micros, PsiFile.Totals file, String kind)
      throws IOException {
    if (Double.isNaN(micros)) {
      throw file.lacks(kind);
    }
    return new CounterSnapshot(
        metadata, List.of(CounterDataPointSnapshot.builder().value(micros / 1000.0 / 1000.0).build()));
  }
}
