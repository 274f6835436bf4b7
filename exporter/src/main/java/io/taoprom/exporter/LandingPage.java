package io.taoprom.exporter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import io.taoprom.untrusted.Excerpt;

/**
 * The HTML page at {@code /}: what this exporter is, where the metrics are, and a table of
 * every collector with its state, last success and last duration, so an operator can see
 * at a glance which collector is failing and why.
 *
 * <p>Plugins' descriptions, their failure reasons and availability texts are outside text (a
 * failure reason may quote a file or a node's answer): each is escaped for HTML and, before that,
 * made one short line with {@link Excerpt}, so that no plugin can inject markup or fill the page.
 */
final class LandingPage {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** The most a description or failure reason shows; the rest is in 'taoprom collectors'. */
  static final int MAX_TEXT = 300;

  private LandingPage() {}

  static String render(BuildInfo build, List<CollectorStatus> collectors, List<String> loadFailures, boolean ready) {
    return render(build, "/metrics", collectors, loadFailures, ready);
  }

  /** The page, linking to the metrics at {@code telemetryPath} (a checked path: {@link TelemetryPath}). */
  static String render(BuildInfo build, String telemetryPath, List<CollectorStatus> collectors, List<String> loadFailures,
      boolean ready) {
    StringBuilder html = new StringBuilder(2048 + 256 * collectors.size());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>TaoProm exporter</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}")
        .append(".failing,.unavailable{color:#b00}.disabled{color:#777}</style>\n</head>\n<body>\n")
        .append("<h1>TaoProm exporter</h1>\n<p>Version ").append(escape(build.version()))
        .append(" (revision ").append(escape(build.revision())).append("), Java ")
        .append(escape(System.getProperty("java.version", "unknown"))).append(". ")
        .append(ready ? "Ready." : "Starting: some collectors are still being built.").append("</p>\n")
        .append("<ul>\n<li><a href=\"").append(escape(telemetryPath.substring(1))).append("\">")
        .append(escape(telemetryPath)).append("</a> (add <code>?collect[]=NAME</code> or <code>?exclude[]=NAME</code> to choose collectors)</li>\n")
        .append("<li><a href=\"-/healthy\">/-/healthy</a></li>\n<li><a href=\"-/ready\">/-/ready</a></li>\n</ul>\n")
        .append("<h2>Collectors</h2>\n<table>\n<tr><th>collector</th><th>state</th><th>last success</th><th>last duration</th><th>details</th></tr>\n");
    for (CollectorStatus c : collectors) {
      String state = c.state();
      html.append("<tr class=\"").append(escape(state)).append("\"><td title=\"").append(text(c.description())).append("\">")
          .append(text(c.name())).append("</td><td>").append(escape(state)).append("</td><td>")
          .append(c.lastSuccess().map(TIME::format).orElse(c.active() ? "never" : "")).append("</td><td>")
          .append(c.lastDuration().map(LandingPage::millis).orElse("")).append("</td><td>")
          .append(text(details(c))).append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (!loadFailures.isEmpty()) {
      html.append("<h2>Plugins that could not be loaded</h2>\n<ul>\n");
      loadFailures.forEach(f -> html.append("<li>").append(text(f)).append("</li>\n"));
      html.append("</ul>\n");
    }
    return html.append("<p>Generated ").append(TIME.format(Instant.now())).append(".</p>\n</body>\n</html>\n").toString();
  }

  private static String details(CollectorStatus c) {
    if (!c.availability().available()) {
      return c.availability().reason();
    }
    return c.lastError().orElse(c.description());
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
  }

  /** Outside text for the page: one line, cut short, then escaped for HTML. */
  static String text(String outside) {
    return escape(Excerpt.of(outside == null ? "" : outside, MAX_TEXT));
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
