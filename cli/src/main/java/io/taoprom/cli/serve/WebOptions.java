package io.taoprom.cli.serve;

import io.taoprom.cli.targets.DurationConverter;
import io.taoprom.exporter.http.HttpLimits;
import io.taoprom.exporter.web.WebConfigException;
import io.taoprom.exporter.web.WebConfigFile;
import io.taoprom.exporter.TelemetryPath;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code taoprom serve}'s web options, named as node_exporter's: {@code --web.config.file} (TLS,
 * basic auth and headers in exporter-toolkit's format) and the bounds on clients.
 *
 * <pre>
 * $ taoprom serve --web.config.file /etc/taoprom/web.yml --web.max-connections 1024
 * </pre>
 */
public final class WebOptions {

  /**
   * The collectors whose series are about the exporter itself rather than the host, which
   * {@code --web.disable-exporter-metrics} turns off, as node_exporter's drops its {@code go_*},
   * {@code process_*} and {@code promhttp_*}. The scrape's own series
   * ({@code taoprom_scrape_collector_*}) and {@code taoprom_build_info} stay, as
   * node_exporter's {@code node_scrape_collector_*} and build info do.
   */
  static final List<String> EXPORTER_COLLECTORS = List.of("process", "jvm");

  @Option(names = "--web.telemetry-path", paramLabel = "PATH", defaultValue = TelemetryPath.DEFAULT,
      description = "Path under which to serve the metrics (default: ${DEFAULT-VALUE}); /, /-/healthy and /-/ready stay.")
  String telemetryPath;

  @Option(names = "--web.disable-exporter-metrics",
      description = "Leave out the metrics about TaoProm's own process: the process and jvm collectors (process_*, jvm_*).")
  boolean disableExporterMetrics;

  @Option(names = "--web.config.file", paramLabel = "FILE",
      description = "TLS, client certificates, basic auth and headers, in the format of node_exporter's --web.config.file"
          + " (see docs/operations.md); re-read when it changes. Check one with 'taoprom check web-config FILE'.")
  Path configFile;

  @Option(names = "--web.read-header-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Close a connection whose request line and headers take longer than this (default: 10s).")
  Duration readHeaderTimeout;

  @Option(names = "--web.idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Close a connection with nothing to do for this long (default: 60s).")
  Duration idleTimeout;

  @Option(names = "--web.max-connections", paramLabel = "N",
      description = "Connections open at once; beyond it new ones wait (default: 4096, less where the open-file limit is lower).")
  Integer maxConnections;

  /** Refuses {@code --web.disable-exporter-metrics} beside {@code --collector.process} or {@code --collector.jvm}. */
  void checkExporterMetrics(java.util.Collection<String> enabled) {
    if (!disableExporterMetrics) {
      return;
    }
    for (String name : EXPORTER_COLLECTORS) {
      if (enabled.contains(name)) {
        throw new IllegalArgumentException("--web.disable-exporter-metrics turns off the " + name
            + " collector that --collector." + name + " turns on; give one of them");
      }
    }
  }

  /** The web config, loaded and checked, or null without {@code --web.config.file}. */
  WebConfigFile load() throws WebConfigException {
    return configFile == null ? null : WebConfigFile.load(configFile);
  }

  /** The limits: the defaults with what the options change. */
  HttpLimits limits() {
    HttpLimits limits = HttpLimits.DEFAULTS;
    if (readHeaderTimeout != null) {
      limits = limits.withReadHeaderTimeout(readHeaderTimeout);
    }
    if (idleTimeout != null) {
      limits = limits.withIdleTimeout(idleTimeout);
    }
    if (maxConnections != null) {
      limits = limits.withMaxConnections(maxConnections);
    }
    return limits;
  }
}
