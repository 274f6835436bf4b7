package io.taoprom.metrics.host.time;

import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The JVM's clock and zone; the boot time from the {@code btime} line of {@code /proc/stat} (what
 * node_exporter reads) or, on the portable path, from OSHI.
 */
final class SystemTimeSource implements TimeSource {

  private final Clock clock = Clock.systemUTC();
  private final ProcFs proc;
  private final OshiHost oshi;

  private SystemTimeSource(ProcFs proc, OshiHost oshi) {
    this.proc = proc;
    this.oshi = oshi;
  }

  static SystemTimeSource proc(ProcFs proc) {
    return new SystemTimeSource(proc, null);
  }

  static SystemTimeSource oshi(OshiHost oshi) {
    return new SystemTimeSource(null, oshi);
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public ZoneId zone() {
    return ZoneId.systemDefault();
  }

  @Override
  public long bootTimeSeconds() throws IOException {
    if (proc == null) {
      return oshi.await().os().getSystemBootTime();
    }
    ProcText text = new ProcText(proc.read("stat"));
    while (text.nextLine()) {
      if (text.fieldStartsWith("btime")) {
        text.skipField();
        return (long) text.unsigned();
      }
    }
    throw new IOException("no btime line in " + proc.path("stat"));
  }
}
