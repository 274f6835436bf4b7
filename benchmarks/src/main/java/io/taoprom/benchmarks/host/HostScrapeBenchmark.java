package io.taoprom.benchmarks.host;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.cpu.CpuPlugin;
import io.taoprom.metrics.host.diskstats.DiskstatsPlugin;
import io.taoprom.metrics.host.filesystem.FilesystemPlugin;
import io.taoprom.metrics.host.loadavg.LoadavgPlugin;
import io.taoprom.metrics.host.meminfo.MeminfoPlugin;
import io.taoprom.metrics.host.netdev.NetdevPlugin;
import io.taoprom.metrics.host.time.TimePlugin;
import io.taoprom.metrics.host.uname.UnamePlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm full scrape of the eight host collectors, the work {@code taoprom serve} does for
 * {@code /metrics} minus HTTP: every collector's {@code collect()}, then client_java's text
 * writer. Run on the {@code /proc} backend (Linux) and on OSHI.
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'host.HostScrapeBenchmark' -f 1 -wi 2 -i 3 -w 2s -r 2s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx32m", "--enable-native-access=ALL-UNNAMED"})
public class HostScrapeBenchmark {

  /** {@code proc} or {@code oshi}: which {@link HostBackend} the collectors read. */
  @Param({"proc", "oshi"})
  public String source;

  private final List<MultiCollector> collectors = new ArrayList<>();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    System.setProperty(HostBackend.PROPERTY, source);
    List<CollectorPlugin> plugins =
        List.of(
            new CpuPlugin(), new LoadavgPlugin(), new MeminfoPlugin(), new NetdevPlugin(),
            new DiskstatsPlugin(), new FilesystemPlugin(), new TimePlugin(), new UnamePlugin());
    for (CollectorPlugin plugin : plugins) {
      collectors.add(plugin.create(CollectorConfig.empty()));
    }
    // OSHI warms up on a background thread; wait for it so that only warm scrapes are measured.
    for (int attempt = 0; ; attempt++) {
      try {
        fullScrape();
        break;
      } catch (IllegalStateException stillWarming) {
        if (attempt > 50) {
          throw stillWarming;
        }
        Thread.sleep(100);
      }
    }
  }

  /** Collect every host collector and write the text exposition; returns its size in bytes. */
  @Benchmark
  public int fullScrape() throws IOException {
    out.reset();
    writer.write(out, collectAll());
    return out.size();
  }

  /** Only the collectors' work, without the writer. */
  @Benchmark
  public MetricSnapshots collectOnly() {
    return collectAll();
  }

  private MetricSnapshots collectAll() {
    List<MetricSnapshot> all = new ArrayList<>(128);
    for (MultiCollector collector : collectors) {
      for (MetricSnapshot snapshot : collector.collect()) {
        all.add(snapshot);
      }
    }
    return new MetricSnapshots(all);
  }
}
