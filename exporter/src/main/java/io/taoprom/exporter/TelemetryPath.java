package io.taoprom.exporter;

import io.taoprom.untrusted.Excerpt;
import java.util.regex.Pattern;

/**
 * Which paths may serve the scrapes ({@link TaoPromExporter.Builder#telemetryPath}): an absolute
 * path of plain segments, so that it is matched exactly as a request's normalised path and can be
 * put in a link and a log line without escaping.
 *
 * <pre>{@code
 * TelemetryPath.check("/node/metrics")   // "/node/metrics"
 * TelemetryPath.check("/-/metrics")      // IllegalArgumentException: /-/ is the exporter's own
 * }</pre>
 */
public final class TelemetryPath {

  /** node_exporter's and Prometheus' default. */
  public static final String DEFAULT = "/metrics";

  // Segments of unreserved characters (RFC 3986), none of them "." or "..": what a request's
  // normalised path can equal without percent-encoding.
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
  private static final int MAX_CHARS = 200;

  private TelemetryPath() {}

  /** {@code path} when it can serve the scrapes; otherwise says why and what to use. */
  public static String check(String path) {
    if (path == null || path.length() > MAX_CHARS || !PATH.matcher(path).matches()
        || path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")) {
      throw new IllegalArgumentException("telemetry path " + (path == null ? "null" : Excerpt.quoted(path, 60))
          + " is not a path such as /metrics: use / and segments of letters, digits, '.', '_', '~' and '-'");
    }
    if (path.startsWith("/-/")) {
      throw new IllegalArgumentException("telemetry path " + path + " is under /-/, where /-/healthy and /-/ready are;"
          + " choose another, such as /metrics");
    }
    return path;
  }
}
