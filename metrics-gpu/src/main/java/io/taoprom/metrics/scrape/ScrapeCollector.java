package io.taoprom.metrics.scrape;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.exposition.FamilyMerger;
import io.taoprom.exporter.spi.ScrapeDeadline;
import io.taoprom.metrics.textfile.format.Exposition;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.InputLimitException;
import io.taoprom.metrics.textfile.format.ProblemLog;
import io.taoprom.metrics.textfile.format.SeriesLimit;
import io.taoprom.metrics.textfile.format.TextFormatException;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpResponseException;

/**
 * Fetches every target concurrently, within the scrape's deadline (a little less, to leave time
 * to merge) or the configured timeout, whichever is shorter; parses each body with the textfile
 * collector's parser; and merges them, each sample labelled {@code source="NAME"}. A target that
 * is down, slow, answers an error status or a redirect to another origin, sends headers or a
 * body too large, bad gzip, or text that does not parse contributes no samples and
 * {@code taoprom_scrape_target_up 0}, its connection closed; a family that conflicts with one
 * already served is left out and counted. Problems are logged in one line each, once until they
 * change.
 *
 * <pre>
 * taoprom_scrape_target_up{source="neuron"} 1.0
 * taoprom_scrape_target_duration_seconds{source="neuron"} 0.004
 * taoprom_scrape_target_skipped_families{source="neuron"} 0.0
 * neuron_requests_total{source="neuron",synapse="forward"} 1027.0
 * </pre>
 */
final class ScrapeCollector implements MultiCollector, AutoCloseable {

  static final String UP = "taoprom_scrape_target_up";
  static final String DURATION = "taoprom_scrape_target_duration_seconds";
  static final String SKIPPED = "taoprom_scrape_target_skipped_families";

  /** Bodies larger than this, compressed or not, are refused while they arrive. */
  static final int MAX_BODY_BYTES = 4 << 20;

  private static final Duration DEADLINE_MARGIN = Duration.ofMillis(250);
  private static final String OWNER = "the scrape collector";
  private static final System.Logger LOG = System.getLogger("io.taoprom.metrics.scrape");

  private final List<ScrapeTarget> targets;
  private final Duration timeout;
  private final int maxBodyBytes;
  private final ProblemLog problems;
  private final int maxSeries;
  private final HeapBudget.Account account;
  private final TargetFetcher fetcher;

  ScrapeCollector(List<ScrapeTarget> targets, Duration timeout, int maxSeries) {
    this(targets, timeout, MAX_BODY_BYTES, new ProblemLog(LOG), maxSeries, HeapBudget.shared().account());
  }

  ScrapeCollector(List<ScrapeTarget> targets, Duration timeout, int maxBodyBytes, ProblemLog problems,
      int maxSeries, HeapBudget.Account account) {
    this.targets = List.copyOf(targets);
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.problems = problems;
    this.maxSeries = maxSeries;
    this.account = account;
    // No client (and none of its threads) while idle without targets.
    this.fetcher = targets.isEmpty() ? null : TargetFetcher.start(timeout, maxBodyBytes);
  }

  /** One target's fetch in flight, and what it holds of the heap budget. */
  private static final class Fetch {
    final ScrapeTarget target;
    final HeapBudget.Account input;
    final long start = System.nanoTime();
    volatile long end;
    CompletableFuture<BodyListener.Answer> answer;

    Fetch(ScrapeTarget target, HeapBudget.Account input) {
      this.target = target;
      this.input = input;
    }
  }

  @Override
  public MetricSnapshots collect() {
    if (targets.isEmpty()) {
      return MetricSnapshots.of(); // no --scrape.target: nothing to merge
    }
    account.restart(); // what the last scrape read has been served
    Duration budget = budget();
    long deadline = System.nanoTime() + budget.toNanos();
    List<Fetch> fetches = new ArrayList<>(targets.size());
    for (ScrapeTarget target : targets) {
      Fetch fetch = new Fetch(target, account.part());
      fetch.answer = fetcher.fetch(target.uri(), budget, fetch.input);
      fetch.answer.whenComplete((r, t) -> fetch.end = System.nanoTime());
      fetches.add(fetch);
    }
    FamilyMerger merger = FamilyMerger.builder().build();
    merger.reserve(UP, OWNER);
    merger.reserve(DURATION, OWNER);
    merger.reserve(SKIPPED, OWNER);
    ProblemLog.Round round = problems.round();
    GaugeSnapshot.Builder up =
        gauge(UP, "1 if the last fetch of this scrape target succeeded and its exposition parsed, 0 otherwise.");
    GaugeSnapshot.Builder duration =
        gauge(DURATION, "How long fetching and parsing this scrape target took, in seconds.");
    int seriesLeft = maxSeries;
    for (Fetch fetch : fetches) {
      String name = fetch.target.name();
      String who = "scrape target " + name + " (" + Excerpt.of(fetch.target.uri().toString(), 120) + ")";
      Labels source = Labels.of("source", name);
      int sourceId = merger.source(name);
      boolean ok = false;
      long parseNanos = 0;
      try {
        BodyListener.Answer answer = fetch.answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long parseStart = System.nanoTime();
        Exposition exposition = read(answer, source, seriesLeft, fetch.input);
        for (MetricSnapshot family : exposition.families()) {
          merger.add(sourceId, family);
        }
        for (Exposition.LeftOutFamily left : exposition.leftOut()) {
          round.problem("scrape target " + name + ": " + left);
        }
        seriesLeft -= exposition.series();
        parseNanos = System.nanoTime() - parseStart;
        ok = true;
      } catch (TimeoutException e) {
        fetch.answer.cancel(true); // aborts the exchange and closes its connection
        fetch.input.refundAll();
        round.problem(who + " timed out after " + seconds(budget.toNanos()) + " s");
      } catch (ExecutionException e) {
        fetch.input.refundAll();
        round.problem(who + " failed: " + describe(e.getCause()));
      } catch (InputLimitException e) {
        fetch.input.refundAll();
        round.problem(who + " " + SeriesLimit.reason(e, seriesLeft, maxSeries, "scrape.max-series", "targets") + "; left out");
      } catch (IOException | TextFormatException e) {
        fetch.input.refundAll();
        round.problem(who + " " + describe(e));
      } catch (InterruptedException e) {
        fetches.forEach(f -> f.answer.cancel(true));
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while fetching scrape targets", e);
      }
      long fetched = fetch.end != 0 ? fetch.end : System.nanoTime();
      up.dataPoint(point(source, ok ? 1 : 0));
      duration.dataPoint(point(source, (fetched - fetch.start + parseNanos) / 1e9));
    }
    List<MetricSnapshot> snapshots = new ArrayList<>(merger.families());
    for (FamilyMerger.LeftOut left : merger.leftOut()) {
      round.problem("scrape target " + left);
    }
    round.end();
    // Counted once the merge is done: a target's families are judged against all the others'.
    GaugeSnapshot.Builder skipped =
        gauge(SKIPPED, "Families of this scrape target left out because they conflict with families already served.");
    for (int i = 0; i < targets.size(); i++) {
      skipped.dataPoint(point(Labels.of("source", targets.get(i).name()), merger.skipped(i)));
    }
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

  /** Parses a target's body; its bytes are charged until it is parsed, then given back. */
  private Exposition read(BodyListener.Answer answer, Labels source, int seriesLeft, HeapBudget.Account input)
      throws IOException, TextFormatException, InputLimitException {
    long held = answer.body().length; // charged by the listener as it arrived
    ExpositionReader reader = ExpositionReader.builder()
        .extraLabels(source)
        .maxSeries(Math.max(0, seriesLeft), "scrape.max-series")
        .account(input)
        .build();
    Exposition exposition;
    if (isIdentity(answer.contentEncoding())) {
      exposition = reader.read(answer.body(), answer.length());
    } else {
      Gunzipped body = Gunzipped.of(answer, maxBodyBytes, input); // charged as it grows
      held += body.bytes().length;
      exposition = reader.read(body.bytes(), body.length());
    }
    input.refund(held); // parsed: only what it made stays charged
    return exposition;
  }

  private static boolean isIdentity(String contentEncoding) {
    return contentEncoding == null || contentEncoding.trim().equalsIgnoreCase("identity");
  }

  private static String describe(Throwable t) {
    if (t instanceof ConnectException) {
      return "connection refused (is it running?)";
    }
    if (t instanceof TimeoutException) {
      return "timed out";
    }
    if (t instanceof TextFormatException) {
      return "sent text that is not Prometheus text format: " + t.getMessage();
    }
    if (t instanceof FetchFailure) {
      return t.getMessage(); // made of our words and excerpts already
    }
    if (t instanceof HttpResponseException) {
      // Jetty's message dumps its connection; the reason it gave the response says what broke.
      String reason = ((HttpResponseException) t).getResponse().getReason();
      return "sent a response that is not valid HTTP/1.1" + (reason == null ? "" : " (" + Excerpt.of(reason, 80) + ")")
          + "; response headers may take at most " + (TargetFetcher.MAX_HEADER_BYTES >> 10) + " KiB";
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : Excerpt.of(message, 200);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  private static GaugeSnapshot.Builder gauge(String name, String help) {
    return GaugeSnapshot.builder().name(name).help(help);
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  /** Stops the HTTP client: its threads end and no connection stays open. */
  @Override
  public void close() {
    if (fetcher != null) {
      fetcher.close();
    }
  }
}
