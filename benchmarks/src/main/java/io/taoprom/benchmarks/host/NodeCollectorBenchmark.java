package io.taoprom.benchmarks.host;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
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
 * What one node_exporter-compatible collector costs a scrape on this machine: its
 * {@code collect()} and client_java's text writer over what it returns, warm. {@code collector}
 * names one plugin (as {@code --collector.NAME} does), or {@code all} for every
 * node_exporter-compatible plugin on the class path, one after the other (the work a scrape
 * spreads over the collector threads).
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'host.NodeCollectorBenchmark' -f 1 -wi 2 -i 3 -w 1s -r 1s \
 *     -p collector=all,cpu,netclass,netstat,hwmon -prof gc
 * }</pre>
 *
 * <p>A collector whose hardware or kernel feature this machine lacks serves nothing, and its
 * figure is then the cost of finding that out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m", "--enable-native-access=ALL-UNNAMED"})
public class NodeCollectorBenchmark {

  /** A plugin name, or {@code all}. */
  @Param({"all"})
  public String collector;

  private final List<MultiCollector> collectors = new ArrayList<>();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    for (CollectorPlugin plugin : ServiceLoader.load(CollectorPlugin.class)) {
      boolean chosen = collector.equals("all") ? plugin.nodeExporterCompatible() : plugin.name().equals(collector);
      if (chosen && plugin.availability(CollectorConfig.empty()).available()) {
        collectors.add(plugin.create(CollectorConfig.empty()));
      }
    }
    if (collectors.isEmpty()) {
      throw new IllegalArgumentException("no available collector named " + collector);
    }
    scrape(); // fails here, not in the measurement, when a collector cannot read this machine
  }

  /** Collects and writes; returns the exposition's size in bytes. */
  @Benchmark
  public int scrape() throws IOException {
    out.reset();
    for (MultiCollector c : collectors) {
      writer.write(out, c.collect());
    }
    return out.size();
  }
}
