package io.taoprom.cli.serve;

import io.taoprom.cli.targets.DurationConverter;
import io.taoprom.exporter.http.HttpLimits;
import io.taoprom.exporter.web.WebConfigException;
import io.taoprom.exporter.web.WebConfigFile;
import java.nio.file.Path;
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
