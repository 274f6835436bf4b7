package io.taoprom.metrics.host.cpufreq;

import io.taoprom.metrics.host.SysAttribute;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The kernel's CPU list format, as in {@code /sys/devices/system/cpu/offline}: {@code 0-3,8,10-11},
 * or an empty line for none.
 */
final class CpuRange {

  /** Above the kernel's largest NR_CPUS (8192) with room; a list beyond it is not the kernel's. */
  static final int MAX_CPU = 65535;

  private CpuRange() {}

  /** The CPUs in {@code text}, read from {@code file}. */
  static BitSet parse(Path file, String text) throws IOException {
    BitSet cpus = new BitSet();
    String list = text.strip();
    if (list.isEmpty()) {
      return cpus;
    }
    for (String part : list.split(",", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      int dash = part.indexOf('-');
      if (dash < 0) {
        cpus.set(cpu(file, part, text));
      } else {
        int from = cpu(file, part.substring(0, dash), text);
        int to = cpu(file, part.substring(dash + 1), text);
        if (to < from) {
          throw malformed(file, text);
        }
        cpus.set(from, to + 1);
      }
    }
    return cpus;
  }

  private static int cpu(Path file, String digits, String text) throws IOException {
    if (digits.isEmpty() || digits.length() > 5) {
      throw malformed(file, text);
    }
    int n = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw malformed(file, text);
      }
      n = n * 10 + (c - '0');
    }
    if (n > MAX_CPU) {
      throw malformed(file, text);
    }
    return n;
  }

  private static IOException malformed(Path file, String text) {
    return new IOException(file + " holds " + SysAttribute.quote(text.strip()) + ", not a CPU list such as 0-3,8");
  }
}
