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
    String content = proc.read("net/dev");
    List<NetDevice> devices = new ArrayList<>();
    int lineNo = 0;
    int start = 0;
    while (start < content.length()) {
      int nl = content.indexOf('\n', start);
      int end = nl < 0 ? content.length() : nl;
      String line = content.substring(start, end);
      start = end + 1;
      if (++lineNo <= 2 || line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IOException("no ':' in " + proc.path("net/dev") + " line: " + line);
      }
      ProcText counters = new ProcText(line.substring(colon + 1));
      counters.nextLine();
      double[] values = new double[STATS.size()];
      try {
        for (int i = 0; i < values.length; i++) {
          values[i] = counters.hasField() ? counters.unsigned() : Double.NaN;
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(proc.path("net/dev") + ": " + e.getMessage(), e);
      }
      devices.add(new NetDevice(line.substring(0, colon).trim(), values));
    }
    return devices;
  }
}
