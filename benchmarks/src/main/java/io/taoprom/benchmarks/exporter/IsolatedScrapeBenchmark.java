package io.taoprom.benchmarks.exporter;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.scrape.IsolatingCollector;
import io.taoprom.exporter.scrape.ScrapeRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scrape through the isolation (concurrent collection on the collector threads, the
 * deadline, the name checks, the success and duration series) of six synthetic collectors of
 * 200 series each, against the same collectors in a plain client_java registry: the price of
 * isolation.
 *
 * <pre>
 * java -Xmx32m -jar benchmarks/target-x/benchmarks.jar IsolatedScrapeBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx32m")
public class IsolatedScrapeBenchmark {

  private static final int COLLECTORS = 6;
  private static final ScrapeRequest REQUEST = ScrapeRequest.all(Duration.ofSeconds(10));

  private IsolatingCollector isolating;
  private PrometheusRegistry plain;

  @Setup(Level.Trial)
  public void setUp() throws InterruptedException {
    IsolatingCollector.Builder builder = IsolatingCollector.builder().buildInfo("bench", "bench");
    plain = new PrometheusRegistry();
    for (int c = 0; c < COLLECTORS; c++) {
      String prefix = "taoprom_bench_c" + c;
      // Rebuilt on every call, as a real collector reads fresh values each scrape.
      MultiCollector collector = () -> SyntheticSeries.build(prefix, 20, 10);
      builder.collector("c" + c, collector);
      plain.register(collector);
    }
    isolating = builder.build();
    isolating.awaitReady(Duration.ofSeconds(10));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    isolating.close();
  }

  /** Six collectors, isolated. */
  @Benchmark
  public MetricSnapshots isolatedScrape() {
    return isolating.scrape(REQUEST);
  }

  /** The same six collectors, one after the other in a client_java registry, no isolation. */
  @Benchmark
  public MetricSnapshots plainRegistryScrape() {
    return plain.scrape();
  }
}
