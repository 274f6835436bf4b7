package io.taoprom.metrics.host.meminfo;

import io.taoprom.metrics.host.OshiHost;
import java.util.List;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/**
 * The figures OSHI has on every platform: total and available memory, total and free swap.
 * MemFree, Buffers and Cached are Linux notions and are left out on this path.
 */
final class OshiMemorySource implements MemorySource {

  private final OshiHost oshi;

  OshiMemorySource(OshiHost oshi) {
    this.oshi = oshi;
  }

  @Override
  public List<MemoryField> read() {
    GlobalMemory memory = oshi.await().hardware().getMemory();
    VirtualMemory swap = memory.getVirtualMemory();
    long swapTotal = swap.getSwapTotal();
    return List.of(
        new MemoryField("MemTotal_bytes", memory.getTotal()),
        new MemoryField("MemAvailable_bytes", memory.getAvailable()),
        new MemoryField("SwapTotal_bytes", swapTotal),
        new MemoryField("SwapFree_bytes", Math.max(0, swapTotal - swap.getSwapUsed())));
  }
}
