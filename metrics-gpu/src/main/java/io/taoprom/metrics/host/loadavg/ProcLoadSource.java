package io.taoprom.metrics.host.loadavg;

import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import java.io.IOException;

/** The first three fields of {@code /proc/loadavg}: {@code 0.76 0.62 0.39 1/102 11176}. */
final class ProcLoadSource implements LoadSource {

  private final ProcFs proc;

  ProcLoadSource(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public LoadAverage read() throws IOException {
    ProcText text = new ProcText(proc.read("loadavg"), proc.path("loadavg"));
    if (!text.nextLine() || text.fieldsLeft() < 3) {
      throw new IOException(proc.path("loadavg") + " does not start with three load averages");
    }
    return new LoadAverage(text.decimal(), text.decimal(), text.decimal());
  }
}
