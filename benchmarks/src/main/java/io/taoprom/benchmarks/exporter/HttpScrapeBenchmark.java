package io.taoprom.benchmarks.exporter;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.ExporterStartException;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.TaoPromExporter;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole {@code GET /metrics} over loopback, as Prometheus makes it (gzip, the timeout
 * header) and without gzip: six synthetic collectors through the isolation, the writer, the
 * JDK HTTP server and back. The client's own cost is included.
 *
 * <pre>
 * java -jar benchmarks/target-x/benchmarks.jar HttpScrapeBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx32m")
public class HttpScrapeBenchmark {

  /** Series in all: 1,200 (a GPU node's host and GPU series) or 10,000. */
  @Param({"1200", "10000"})
  public int series;

  /** Whether the request asks for gzip, as Prometheus does. */
  @Param({"gzip", "identity"})
  public String encoding;

  private TaoPromExporter exporter;
  private HttpClient client;
  private HttpRequest request;

  @Setup
  public void setUp() throws ExporterStartException, InterruptedException {
    List<CollectorPlugin> plugins = new ArrayList<>();
    int perCollector = series / 6;
    for (int c = 0; c < 6; c++) {
      String name = "synthetic" + c;
      plugins.add(new CollectorPlugin() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public MultiCollector create(CollectorConfig config) {
          return () -> SyntheticSeries.build("taoprom_bench_" + name, perCollector / 10, 10);
        }
      });
    }
    exporter = TaoPromExporter.builder().host("127.0.0.1").port(0).catalog(PluginCatalog.of(plugins)).buildAndStart();
    exporter.awaitReady(Duration.ofSeconds(10));
    client = HttpClient.newHttpClient();
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"))
        .header("X-Prometheus-Scrape-Timeout-Seconds", "10");
    if (encoding.equals("gzip")) {
      builder.header("Accept-Encoding", "gzip");
    }
    request = builder.build();
  }

  @TearDown
  public void tearDown() {
    exporter.close();
  }

  /** Returns the bytes received. */
  @Benchmark
  public int scrape() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    return response.body().length;
  }
}
