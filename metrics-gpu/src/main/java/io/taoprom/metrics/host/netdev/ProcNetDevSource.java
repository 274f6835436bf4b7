package io.taoprom.metrics.host.netdev;

import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/net/dev}: two header lines, then {@code name: 16 counters} per interface. The
 * kernel prints the name right-aligned in six columns followed by the first counter without a
 * space when that counter is wide ({@code eth0:328005545}), so lines are split at the colon.
 * {@code receive_nohandler} (packets dropped for want of a protocol handler), which the file
 * lacks and node_exporter's default netlink path has, comes from
 * {@code /sys/class/net/NAME/statistics/rx_nohandler} (Linux 4.6+; left out where absent).
 */
final class ProcNetDevSource implements NetDevSource {

  private static final int NOHANDLER = STATS.indexOf("receive_nohandler");

  private final ProcFs proc;
  private final SysFs sys;

  ProcNetDevSource(ProcFs proc, SysFs sys) {
    this.proc = proc;
    this.sys = sys;
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
      for (int i = 0; i < NOHANDLER; i++) {
        values[i] = text.hasField() ? text.unsigned() : Double.NaN;
      }
      values[NOHANDLER] = noHandler(name);
      devices.add(new NetDevice(name, values));
    }
    return devices;
  }

  private double noHandler(String device) {
    if (device.isEmpty() || device.indexOf('/') >= 0 || device.startsWith(".")) {
      return Double.NaN; // not an interface name the kernel allows; never a path out of class/net
    }
    try {
      return sys.attribute("class/net/" + device + "/statistics/rx_nohandler").map(Double::parseDouble).orElse(Double.NaN);
    } catch (IOException | NumberFormatException unreadable) {
      return Double.NaN; // a device that refuses the read, or a value that is not a number: left out
    }
  }
}
