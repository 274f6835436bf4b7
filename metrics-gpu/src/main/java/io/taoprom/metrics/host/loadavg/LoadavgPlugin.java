package io.taoprom.metrics.host.loadavg;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;
import java.util.Locale;

/**
 * The {@code loadavg} plugin: {@code node_load1}, {@code node_load5} and {@code node_load15},
 * as node_exporter exposes them. Unavailable on Windows, which has no load average.
 *
 * <pre>{@code
 * MultiCollector load = new LoadavgPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class LoadavgPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "loadavg";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "1, 5 and 15 minute load averages (node_load1/5/15)";
  }

  @Override
  public Availability availability() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
        ? Availability.unavailable("Windows has no load average")
        : Availability.AVAILABLE;
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new LoadavgCollector(
        HostBackend.detect() == HostBackend.PROC
            ? new ProcLoadSource(ProcFs.system())
            : new OshiLoadSource(OshiHost.shared()));
  }
}
