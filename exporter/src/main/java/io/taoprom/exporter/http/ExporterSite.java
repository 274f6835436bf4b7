package io.taoprom.exporter.http;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.scrape.ScrapeRequest;
import java.util.Map;

/**
 * The exporter as its HTTP endpoints see it. {@link MetricsServer} only translates between
 * HTTP and these calls; what a scrape is and what the landing page says live elsewhere.
 */
public interface ExporterSite {

  /** One isolated scrape; never throws because a collector failed. */
  MetricSnapshots scrape(ScrapeRequest request);

  /** Whether every enabled collector has been built (or has failed to build). */
  boolean ready();

  /** Where scrapes are served: {@code /metrics} unless chosen otherwise (node_exporter's {@code --web.telemetry-path}). */
  default String telemetryPath() {
    return "/metrics";
  }

  /** The HTML of the landing page at {@code /}. */
  String landingPage();

  /**
   * Every collector name the exporter knows, mapped to the empty string when scrapes run it,
   * else to the reason {@code collect[]} may not ask for it ("disabled; the exporter was started
   * without it"). Iteration order is the order names are listed in error messages.
   */
  Map<String, String> collectorSelection();
}
