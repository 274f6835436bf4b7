package io.taoprom.metrics.host.cpu;

import io.taoprom.metrics.host.OshiHost;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.CentralProcessor.TickType;

/**
 * Per-CPU ticks from OSHI, which reports milliseconds. OSHI has no guest times, so
 * {@code node_cpu_guest_seconds_total} is left out on this path.
 */
final class OshiCpuSource implements CpuSource {

  private final OshiHost oshi;

  OshiCpuSource(OshiHost oshi) {
    this.oshi = oshi;
  }

  @Override
  public List<CpuTimes> read() {
    long[][] ticks = oshi.await().hardware().getProcessor().getProcessorCpuLoadTicks();
    List<CpuTimes> cpus = new ArrayList<>(ticks.length);
    for (int i = 0; i < ticks.length; i++) {
      long[] t = ticks[i];
      cpus.add(
          new CpuTimes(
              Integer.toString(i),
              seconds(t, TickType.USER),
              seconds(t, TickType.NICE),
              seconds(t, TickType.SYSTEM),
              seconds(t, TickType.IDLE),
              seconds(t, TickType.IOWAIT),
              seconds(t, TickType.IRQ),
              seconds(t, TickType.SOFTIRQ),
              seconds(t, TickType.STEAL),
              Double.NaN,
              Double.NaN));
    }
    return cpus;
  }

  private static double seconds(long[] ticks, TickType type) {
    return ticks[type.getIndex()] / 1000.0;
  }
}
