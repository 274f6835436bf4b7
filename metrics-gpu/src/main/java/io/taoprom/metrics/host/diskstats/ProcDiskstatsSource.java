package io.taoprom.metrics.host.diskstats;

import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /proc/diskstats}: {@code major minor name} and then 11 (before Linux 4.18), 15 (4.18,
 * discards) or 17 (5.5, flushes) counters. Statistics a kernel does not print are left out, as in
 * node_exporter.
 */
final class ProcDiskstatsSource implements DiskSource {

  private static final DiskStat[] STATS = DiskStat.values();

  private final ProcFs proc;

  ProcDiskstatsSource(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public List<Disk> read() throws IOException {
    ProcText text = new ProcText(proc.read("diskstats"), proc.path("diskstats"));
    List<Disk> disks = new ArrayList<>();
    while (text.nextLine()) {
      if (!text.hasField()) {
        continue;
      }
      if (text.fieldsLeft() < 3 + 11) {
        throw text.malformed("major, minor, device and at least 11 counters");
      }
      long major = (long) text.unsigned();
      long minor = (long) text.unsigned();
      String device = text.field();
      double[] values = new double[STATS.length];
      Arrays.fill(values, Double.NaN);
      for (int i = 0; i < STATS.length && text.hasField(); i++) {
        values[i] = text.unsigned() * STATS[i].procScale;
      }
      disks.add(new Disk(device, major, minor, values));
    }
    return disks;
  }
}
