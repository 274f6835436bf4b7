package io.taoprom.metrics.host.loadavg;

import java.io.IOException;

/** Where the {@code loadavg} collector reads the load averages from. */
interface LoadSource {

  /** The 1, 5 and 15 minute load averages. */
  record LoadAverage(double one, double five, double fifteen) {}

  LoadAverage read() throws IOException;
}
