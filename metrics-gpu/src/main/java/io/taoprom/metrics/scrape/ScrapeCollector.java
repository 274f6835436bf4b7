package io.taoprom.metrics.scrape;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.ScrapeDeadline;
import io.taoprom.metrics.textfile.format.ExpositionBytes;
import io.taoprom.metrics.textfile.format.FamilyMerger;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import io.taoprom.metrics.textfile.format.ProblemLog;
import io.taoprom.metrics.textfile.format.TextFormatException;
import io.taoprom.metrics.textfile.format.TextFormatParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches every target concurrently, within the scrape's deadline (a little less, to leave time
 * to merge) or the configured timeout, whichever is shorter; parses each body with the textfile
 * collector's parser; and merges them, each sample labelled {@code source="NAME"}. A target that
 * is down, slow, answers an error status, an oversized body or text that does not parse
 * contributes no samples and {@code taoprom_scrape_target_up 0}; a family that conflicts with one
 * already served is left out and counted. Problems are logged once until they change.
 *
 * <pre>
 * taoprom_scrape_target_up{source="neuron"} 1.0
 * taoprom_scrape_target_duration_seconds{source="neuron"} 0.004
 * taoprom_scrape_target_skipped_families{source="neuron"} 0.0
 * neuron_requests_total{source="neuron",synapse="forward"} 1027.0
 * </pre>
 */
final class ScrapeCollector implements MultiCollector {

  static final String UP = "taoprom_scrape_target_up";
  static final String DURATION = "taoprom_scrape_target_duration_seconds";
  static final String SKIPPED = "taoprom_scrape_target_skipped_families";

  /** Bodies larger than this are refused: TaoProm must keep working in a 32 MiB heap. */
  static final int MAX_BODY_BYTES = 4 << 20;

  private static final Duration DEADLINE_MARGIN = Duration.ofMillis(250);
  private static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";
  private static final System.Logger LOG = System.getLogger("io.taoprom.metrics.scrape");

  private final List<ScrapeTarget> targets;
  private final Duration timeout;
  private final int maxBodyBytes;
  private final HttpClient client;
  private final ProblemLog problems;

  ScrapeCollector(List<ScrapeTarget> targets, Duration timeout) {
    this(targets, timeout, MAX_BODY_BYTES, new ProblemLog(LOG));
  }

  ScrapeCollector(List<ScrapeTarget> targets, Duration timeout, int maxBodyBytes, ProblemLog problems) {
    this.targets = List.copyOf(targets);
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.problems = problems;
    // No client (and none of its threads) while idle without targets.
    this.client =
        targets.isEmpty()
            ? null
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
  }

  /** One target's fetch in flight. */
  private static final class Fetch {
    final ScrapeTarget target;
    final long start = System.nanoTime();
    volatile long end;
    CompletableFuture<HttpResponse<byte[]>> response;

    Fetch(ScrapeTarget target) {
      this.target = target;
    }
  }

  @Override
  public MetricSnapshots collect() {
    if (targets.isEmpty()) {
      return MetricSnapshots.of(); // no --scrape.target: nothing to merge
    }
    Duration budget = budget();
    long deadline = System.nanoTime() + budget.toNanos();
    List<Fetch> fetches = new ArrayList<>(targets.size());
    for (ScrapeTarget target : targets) {
      Fetch fetch = new Fetch(target);
      HttpRequest request =
          HttpRequest.newBuilder(target.uri())
              .timeout(budget)
              .header("Accept", ACCEPT)
              .header("X-Prometheus-Scrape-Timeout-Seconds", seconds(budget.toNanos()))
              .GET()
              .build();
      fetch.response = client.sendAsync(request, CappedBody.handler(maxBodyBytes));
      fetch.response.whenComplete((r, t) -> fetch.end = System.nanoTime());
      fetches.add(fetch);
    }
    FamilyMerger merger = new FamilyMerger(false);
    merger.reserve(UP, DURATION, SKIPPED);
    ProblemLog.Round round = problems.round();
    GaugeSnapshot.Builder up =
        gauge(UP, "1 if the last fetch of this scrape target succeeded and its exposition parsed, 0 otherwise.");
    GaugeSnapshot.Builder duration =
        gauge(DURATION, "How long fetching and parsing this scrape target took, in seconds.");
    GaugeSnapshot.Builder skipped =
        gauge(SKIPPED, "Families of this scrape target left out because they conflict with families already served.");
    for (Fetch fetch : fetches) {
      String name = fetch.target.name();
      Labels source = Labels.of("source", name);
      boolean ok = false;
      int left = 0;
      long parseNanos = 0;
      try {
        HttpResponse<byte[]> response =
            fetch.response.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (response.statusCode() != 200) {
          throw new IOException("answered HTTP " + response.statusCode());
        }
        long parseStart = System.nanoTime();
        List<ParsedFamily> families = TextFormatParser.parse(ExpositionBytes.utf8(body(response), "sent a body that is not UTF-8 text"));
        left = merger.add(name, families, source);
        parseNanos = System.nanoTime() - parseStart;
        ok = true;
      } catch (TimeoutException e) {
        fetch.response.cancel(true);
        round.problem("scrape target " + name + " (" + fetch.target.uri() + ") timed out after " + seconds(budget.toNanos()) + " s");
      } catch (ExecutionException e) {
        round.problem("scrape target " + name + " (" + fetch.target.uri() + ") failed: " + describe(e.getCause()));
      } catch (IOException | TextFormatException e) {
        round.problem("scrape target " + name + " (" + fetch.target.uri() + ") " + describe(e));
      } catch (InterruptedException e) {
        fetches.forEach(f -> f.response.cancel(true));
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while fetching scrape targets", e);
      }
      long fetched = fetch.end != 0 ? fetch.end : System.nanoTime();
      up.dataPoint(point(source, ok ? 1 : 0));
      duration.dataPoint(point(source, (fetched - fetch.start + parseNanos) / 1e9));
      skipped.dataPoint(point(source, left));
    }
    for (FamilyMerger.Problem p : merger.problems()) {
      round.problem("scrape target " + p);
    }
    round.end();
    List<MetricSnapshot> snapshots = new ArrayList<>(merger.build((family, origins) -> null));
    snapshots.add(up.build());
    snapshots.add(duration.build());
    snapshots.add(skipped.build());
    return new MetricSnapshots(snapshots);
  }

  /** The configured timeout, shortened to fit inside the scrape's deadline when there is one. */
  private Duration budget() {
    Duration remaining = ScrapeDeadline.remaining().orElse(null);
    if (remaining == null) {
      return timeout;
    }
    Duration margin = remaining.dividedBy(4).compareTo(DEADLINE_MARGIN) < 0 ? remaining.dividedBy(4) : DEADLINE_MARGIN;
    Duration fit = remaining.minus(margin);
    if (fit.compareTo(Duration.ofMillis(1)) < 0) {
      fit = Duration.ofMillis(1);
    }
    return fit.compareTo(timeout) < 0 ? fit : timeout;
  }

  private byte[] body(HttpResponse<byte[]> response) throws IOException {
    String encoding = response.headers().firstValue("content-encoding").orElse("identity");
    if (!encoding.equalsIgnoreCase("gzip")) {
      return response.body();
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return ExpositionBytes.readCapped(
          in, maxBodyBytes, "sent a body that is larger than " + maxBodyBytes + " bytes uncompressed");
    }
  }

  private static String describe(Throwable t) {
    if (t instanceof ConnectException) {
      return "connection refused (is it running?)";
    }
    if (t instanceof HttpTimeoutException) {
      return "timed out";
    }
    if (t instanceof TextFormatException) {
      return "sent text that is not Prometheus text format: " + t.getMessage();
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  private static GaugeSnapshot.Builder gauge(String name, String help) {
    return GaugeSnapshot.builder().name(name).help(help);
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}
