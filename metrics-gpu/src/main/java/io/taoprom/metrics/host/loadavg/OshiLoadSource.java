package io.taoprom.metrics.host.loadavg;

import io.taoprom.metrics.host.OshiHost;
import java.io.IOException;

/** {@code getloadavg(3)} through OSHI; negative values mean the platform has none. */
final class OshiLoadSource implements LoadSource {

  private final OshiHost oshi;

  OshiLoadSource(OshiHost oshi) {
    this.oshi = oshi;
  }

  @Override
  public LoadAverage read() throws IOException {
    double[] load = oshi.await().hardware().getProcessor().getSystemLoadAverage(3);
    if (load.length < 3 || load[0] < 0) {
      throw new IOException("this operating system reports no load average");
    }
    return new LoadAverage(load[0], load[1], load[2]);
  }
}
