package io.taoprom.metrics.host.cpu;

import java.io.IOException;
import java.util.List;

/** Where the {@code cpu} collector reads per-CPU times from: the seam golden tests feed. */
interface CpuSource {

  /** Seconds one logical CPU spent in each mode since boot. */
  record CpuTimes(
      String cpu,
      double user,
      double nice,
      double system,
      double idle,
      double iowait,
      double irq,
      double softirq,
      double steal,
      double guest,
      double guestNice) {

    /** Whether the guest times are known (NaN when the source cannot tell). */
    boolean hasGuest() {
      return !Double.isNaN(guest);
    }
  }

  /** Every logical CPU, in the order the system lists them. */
  List<CpuTimes> read() throws IOException;
}
