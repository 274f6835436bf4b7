package io.taoprom.exporter.http;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.scrape.ScrapeRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /metrics}: parses the query and the scrape timeout header, runs one isolated
 * scrape and writes it in the format the {@code Accept} header asks for (Prometheus text
 * 0.0.4 unless OpenMetrics or protobuf is asked for; anything unrecognised gets text),
 * gzip-compressed when {@code Accept-Encoding} allows it.
 */
final class MetricsEndpoint {

  /** The header Prometheus sends with its {@code scrape_timeout}. */
  static final String TIMEOUT_HEADER = "X-Prometheus-Scrape-Timeout-Seconds";

  // The deadline leaves room to write and send the answer before Prometheus gives up: 25 %
  // of the timeout, at most half a second (10 s -> 9.5 s, 1 s -> 0.75 s).
  private static final double MARGIN_FRACTION = 0.25;
  private static final double MAX_MARGIN_SECONDS = 0.5;
  private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  private final ExporterSite site;
  private final ExpositionFormats formats;
  private final Duration defaultTimeout;

  MetricsEndpoint(ExporterSite site, Duration defaultTimeout) {
    this.site = site;
    this.defaultTimeout = defaultTimeout;
    this.formats = ExpositionFormats.init();
  }

  void handle(Exchange exchange) throws IOException {
    Predicate<String> selected;
    try {
      selected = ScrapeQuery.parse(exchange.rawQuery(), site.collectorSelection());
    } catch (ScrapeQuery.BadQuery e) {
      Responses.line(exchange, 400, e.getMessage());
      return;
    }
    Duration timeout = timeout(exchange.header(TIMEOUT_HEADER), defaultTimeout);
    MetricSnapshots snapshots = site.scrape(new ScrapeRequest(timeout, selected));

    String accept = joined(exchange.headers("Accept"));
    ExpositionFormatWriter writer = writerFor(accept);
    exchange.setHeader("Content-Type", writer.getContentType());
    exchange.setHeader("Vary", "Accept, Accept-Encoding");
    boolean gzip = acceptsGzip(exchange.headers("Accept-Encoding"));
    if (gzip) {
      exchange.setHeader("Content-Encoding", "gzip");
    }
    if (exchange.method().equals("HEAD")) {
      exchange.sendHeaders(200);
      return;
    }
    // Streamed (chunked) rather than buffered: a full buffer of a large exposition is what
    // would not fit in a 32 MB heap.
    try (OutputStream body = gzip
        ? new FastGzipOutputStream(exchange.stream(200))
        : exchange.stream(200)) {
      writer.write(body, snapshots, escaping(accept));
    }
  }

  /**
   * gzip at the fastest level: Prometheus asks for gzip on every scrape, and at the default
   * level compressing 10,000 series costs several times what writing them does (see
   * docs/performance.md); level 1 keeps most of the size gain for a fraction of the time.
   */
  static final class FastGzipOutputStream extends GZIPOutputStream {
    FastGzipOutputStream(OutputStream out) throws IOException {
      super(out, 8192);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  private ExpositionFormatWriter writerFor(String accept) {
    try {
      ExpositionFormatWriter writer = formats.findWriter(accept);
      return writer != null && writer.isAvailable() ? writer : formats.getPrometheusTextFormatWriter();
    } catch (RuntimeException e) {
      return formats.getPrometheusTextFormatWriter();
    }
  }

  private static EscapingScheme escaping(String accept) {
    try {
      return EscapingScheme.fromAcceptHeader(accept);
    } catch (RuntimeException e) {
      return EscapingScheme.DEFAULT;
    }
  }

  /**
   * The collectors' time budget: Prometheus' scrape timeout minus the margin, or the default
   * when the header is absent or not a positive number.
   */
  static Duration timeout(String header, Duration defaultTimeout) {
    if (header == null) {
      return defaultTimeout;
    }
    double seconds;
    try {
      seconds = Double.parseDouble(header.strip());
    } catch (NumberFormatException e) {
      return defaultTimeout;
    }
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      return defaultTimeout;
    }
    double budget = seconds - Math.min(MAX_MARGIN_SECONDS, seconds * MARGIN_FRACTION);
    Duration timeout = Duration.ofNanos((long) (Math.min(budget, MAX_TIMEOUT.toSeconds()) * 1e9));
    return timeout.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : timeout;
  }

  /** Whether {@code Accept-Encoding} names gzip (or x-gzip) without {@code q=0}. */
  static boolean acceptsGzip(List<String> headers) {
    if (headers == null) {
      return false;
    }
    for (String header : headers) {
      for (String coding : header.split(",")) {
        String[] parts = coding.split(";", -1);
        String name = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!name.equals("gzip") && !name.equals("x-gzip")) {
          continue;
        }
        boolean refused = false;
        for (int i = 1; i < parts.length; i++) {
          String param = parts[i].strip().toLowerCase(Locale.ROOT);
          if (param.startsWith("q=")) {
            try {
              refused = Double.parseDouble(param.substring(2)) <= 0;
            } catch (NumberFormatException e) {
              refused = true;
            }
          }
        }
        if (!refused) {
          return true;
        }
      }
    }
    return false;
  }

  private static String joined(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }
}
