package io.taoprom.metrics.host.cpu;

import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-CPU lines of {@code /proc/stat}: {@code cpuN user nice system idle iowait irq softirq steal
 * guest guest_nice}, in USER_HZ ticks. The kernel fixes USER_HZ at 100 for this file whatever its
 * internal HZ, which is why node_exporter divides by 100 too. Older kernels give fewer columns;
 * missing ones read as 0, as in node_exporter.
 */
final class ProcStatCpuSource implements CpuSource {

  private static final double USER_HZ = 100.0;

  private final ProcFs proc;

  ProcStatCpuSource(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public List<CpuTimes> read() throws IOException {
    ProcText text = new ProcText(proc.read("stat"), proc.path("stat"));
    List<CpuTimes> cpus = new ArrayList<>();
    double[] ticks = new double[10];
    while (text.nextLine()) {
      if (!text.fieldStartsWith("cpu")) {
        continue;
      }
      String name = text.field();
      if (name.length() == 3) {
        continue; // the "cpu" line is the sum over all CPUs
      }
      int columns = 0;
      while (columns < ticks.length && text.hasField()) {
        ticks[columns++] = text.unsigned() / USER_HZ;
      }
      for (int i = columns; i < ticks.length; i++) {
        ticks[i] = 0;
      }
      cpus.add(
          new CpuTimes(
              name.substring(3),
              ticks[0], ticks[1], ticks[2], ticks[3], ticks[4],
              ticks[5], ticks[6], ticks[7], ticks[8], ticks[9]));
    }
    if (cpus.isEmpty()) {
      throw new IOException(proc.path("stat") + " lists no cpuN lines");
    }
    return cpus;
  }
}
