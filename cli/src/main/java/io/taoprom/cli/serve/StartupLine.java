package io.taoprom.cli.serve;

import io.taoprom.cli.OptionFlags;
import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.exporter.CollectorStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The log line {@code taoprom serve} prints once it listens: where, which collectors run,
 * which are enabled but cannot run here and why, and how many plugins failed to load.
 *
 * <pre>
 * time=... level=info source=taoprom.serve msg="serving http://127.0.0.1:7091/metrics" collectors=cpu,loadavg,meminfo unavailable="nvml (no NVIDIA driver)"
 * </pre>
 */
final class StartupLine {

  private final String msg;
  private final List<String> keyValues = new ArrayList<>();

  private StartupLine(String msg) {
    this.msg = msg;
  }

  static StartupLine of(ListenAddress address, List<CollectorStatus> collectors, List<String> loadFailures) {
    return of(address, false, "/metrics", collectors, loadFailures);
  }

  /** The line for an endpoint that speaks TLS ({@code https://}) when {@code secure}, serving at {@code path}. */
  static StartupLine of(ListenAddress address, boolean secure, String path, List<CollectorStatus> collectors,
      List<String> loadFailures) {
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
    StartupLine line = new StartupLine("serving " + url + path);
    if (address.host().isEmpty()) {
      line.with("interfaces", "all");
    }
    line.with("collectors", running.isEmpty() ? "none" : String.join(",", running));
    if (!unavailable.isEmpty()) {
      line.with("unavailable", String.join(", ", unavailable));
    }
    if (!loadFailures.isEmpty()) {
      line.with("plugins_failed", loadFailures.size() + " (see 'taoprom collectors')");
    }
    return line;
  }

  /** Adds {@code key=value}, unless {@code value} is null. */
  StartupLine with(String key, String value) {
    if (value != null) {
      keyValues.add(key);
      keyValues.add(value);
    }
    return this;
  }

  String msg() {
    return msg;
  }

  /** The key-value pairs after {@code msg}, alternating. */
  List<String> keyValues() {
    return List.copyOf(keyValues);
  }

  void logTo(ConsoleLog log) {
    log.info(msg, keyValues.toArray(String[]::new));
  }

  @Override
  public String toString() {
    return msg + " " + keyValues;
  }
}
