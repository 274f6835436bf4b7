package io.taoprom.metrics.host.diskstats;

import io.taoprom.metrics.host.OshiHost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import oshi.hardware.HWDiskStore;

/**
 * Disk counters from OSHI: reads, writes, bytes, busy time and queue length; the other
 * node_exporter statistics are left out on this path. Names lose a leading {@code /dev/} so that
 * they read like node_exporter's. The disk list is re-enumerated once a minute.
 */
final class OshiDiskSource implements DiskSource {

  private static final long REENUMERATE_NANOS = 60_000_000_000L;

  private final OshiHost oshi;
  private List<HWDiskStore> disks;
  private long enumeratedAt;

  OshiDiskSource(OshiHost oshi) {
    this.oshi = oshi;
  }

  @Override
  public synchronized List<Disk> read() {
    OshiHost.Warm warm = oshi.await();
    long now = System.nanoTime();
    if (disks == null) {
      disks = warm.diskStores();
      enumeratedAt = now;
      disks.forEach(HWDiskStore::updateAttributes);
    } else if (now - enumeratedAt > REENUMERATE_NANOS) {
      disks = warm.hardware().getDiskStores();
      enumeratedAt = now;
    } else {
      disks.forEach(HWDiskStore::updateAttributes);
    }
    List<Disk> out = new ArrayList<>(disks.size());
    for (HWDiskStore disk : disks) {
      double[] values = new double[DiskStat.values().length];
      Arrays.fill(values, Double.NaN);
      values[DiskStat.READS_COMPLETED.ordinal()] = disk.getReads();
      values[DiskStat.READ_BYTES.ordinal()] = disk.getReadBytes();
      values[DiskStat.WRITES_COMPLETED.ordinal()] = disk.getWrites();
      values[DiskStat.WRITTEN_BYTES.ordinal()] = disk.getWriteBytes();
      values[DiskStat.IO_NOW.ordinal()] = disk.getCurrentQueueLength();
      values[DiskStat.IO_TIME.ordinal()] = disk.getTransferTime() / 1000.0;
      String name = disk.getName();
      out.add(new Disk(name.startsWith("/dev/") ? name.substring(5) : name, values));
    }
    return out;
  }
}
