package io.taoprom.cli.serve;

import io.taoprom.cli.OptionFlags;
import io.taoprom.exporter.CollectorStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The one line {@code taoprom serve} prints to stderr once it listens: where, which collectors
 * run, which are enabled but cannot run here and why, and how many plugins failed to load.
 *
 * <pre>
 * taoprom: serving http://127.0.0.1:7091/metrics; collectors: cpu, loadavg, meminfo; unavailable: nvml (no NVIDIA driver)
 * </pre>
 */
final class StartupLine {

  private StartupLine() {}

  static String of(ListenAddress address, List<CollectorStatus> collectors, List<String> loadFailures) {
    return of(address, false, collectors, loadFailures);
  }

  /** The line for an endpoint that speaks TLS ({@code https://}) when {@code secure}. */
  static String of(ListenAddress address, boolean secure, List<CollectorStatus> collectors, List<String> loadFailures) {
    List<String> running = new ArrayList<>();
    List<String> unavailable = new ArrayList<>();
    for (CollectorStatus c : collectors) {
      if (c.active()) {
        running.add(c.name());
      } else if (c.enabled()) {
        unavailable.add(c.name() + " (" + OptionFlags.of(c.availability().reason()) + ")");
      }
    }
    String url = secure ? "https" + address.url().substring("http".length()) : address.url();
    StringBuilder line = new StringBuilder("taoprom: serving ").append(url).append("/metrics");
    if (address.host().isEmpty()) {
      line.append(" (all interfaces)");
    }
    line.append("; collectors: ").append(running.isEmpty() ? "none" : String.join(", ", running));
    if (!unavailable.isEmpty()) {
      line.append("; unavailable: ").append(String.join(", ", unavailable));
    }
    if (!loadFailures.isEmpty()) {
      line.append("; ").append(loadFailures.size()).append(loadFailures.size() == 1 ? " plugin" : " plugins")
          .append(" failed to load (see 'taoprom collectors')");
    }
    return line.toString();
  }
}
