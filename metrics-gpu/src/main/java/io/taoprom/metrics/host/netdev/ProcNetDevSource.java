package io.taoprom.metrics.host.netdev;

import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/net/dev}: two header lines, then {@code name: 16 counters} per interface. The
 * kernel prints the name right-aligned in six columns followed by the first counter without a
 * space when that counter is wide ({@code eth0:328005545}), so lines are split at the colon.
 */
final class ProcNetDevSource implements NetDevSource {

  private final ProcFs proc;

  ProcNetDevSource(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public List<NetDevice> read() throws IOException {
    ProcText text = new ProcText(proc.read("net/dev"), proc.path("net/dev"));
    List<NetDevice> devices = new ArrayList<>();
    while (text.nextLine()) {
      if (text.lineNumber() <= 2 || text.blankLine()) {
        continue;
      }
      String name = text.upTo(':');
      double[] values = new double[STATS.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = text.hasField() ? text.unsigned() : Double.NaN;
      }
      devices.add(new NetDevice(name, values));
    }
    return devices;
  }
}
