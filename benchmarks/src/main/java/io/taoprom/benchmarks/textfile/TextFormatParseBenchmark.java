package io.taoprom.benchmarks.textfile;

import io.taoprom.metrics.textfile.format.Exposition;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import java.nio.charset.StandardCharsets;
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
 * Reading one exposition from outside into client_java snapshots, as the textfile and scrape
 * collectors do ({@link ExpositionReader}: UTF-8 check, series count, parse straight into data
 * points). Shapes: the 100,000 one-label gauges ({@code m{i="N"} 1}, 1.5 MB), 10,000
 * node_exporter-like lines with repeated label values, and 1,000 histograms of 12 buckets. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} over the input's size is the allocation per byte.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TextFormatParseBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class TextFormatParseBenchmark {

  @Param({"gauges100k", "node10k", "histograms1k"})
  public String shape;

  private byte[] input;
  private ExpositionReader reader;

  @Setup(Level.Trial)
  public void setUp() {
    input = text(shape).getBytes(StandardCharsets.UTF_8);
    reader = ExpositionReader.builder().maxSeries(1_000_000, null).build();
  }

  /** The input of a shape; its size is printed by {@link #main}. */
  static String text(String shape) {
    StringBuilder out = new StringBuilder();
    switch (shape) {
      case "gauges100k":
        out.append("# HELP m Synthetic.\n# TYPE m gauge\n");
        for (int i = 0; i < 100_000; i++) {
          out.append("m{i=\"").append(i).append("\"} 1\n");
        }
        break;
      case "node10k":
        String[] modes = {"idle", "user", "system", "iowait", "irq", "softirq", "steal", "nice", "guest", "guest_nice"};
        out.append("# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.\n# TYPE node_cpu_seconds_total counter\n");
        for (int cpu = 0; cpu < 1000; cpu++) {
          for (String mode : modes) {
            out.append("node_cpu_seconds_total{cpu=\"").append(cpu).append("\",mode=\"").append(mode).append("\"} ")
                .append(cpu * 1234.56 + mode.length()).append('\n');
          }
        }
        break;
      case "histograms1k":
        out.append("# HELP rpc_seconds RPC latency.\n# TYPE rpc_seconds histogram\n");
        double[] bounds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
        for (int s = 0; s < 1000; s++) {
          long count = 0;
          for (double le : bounds) {
            count += s % 7;
            out.append("rpc_seconds_bucket{method=\"m").append(s).append("\",le=\"").append(le).append("\"} ").append(count).append('\n');
          }
          out.append("rpc_seconds_bucket{method=\"m").append(s).append("\",le=\"+Inf\"} ").append(count).append('\n');
          out.append("rpc_seconds_count{method=\"m").append(s).append("\"} ").append(count).append('\n');
          out.append("rpc_seconds_sum{method=\"m").append(s).append("\"} ").append(count * 0.3).append('\n');
        }
        break;
      default:
        throw new IllegalArgumentException(shape);
    }
    return out.toString();
  }

  @Benchmark
  public Exposition read() throws Exception {
    return reader.read(input);
  }

  /** Prints the size of each shape, to turn ms/op into MB/s and B/op into bytes per input byte. */
  public static void main(String[] args) {
    for (String shape : new String[] {"gauges100k", "node10k", "histograms1k"}) {
      System.out.println(shape + " " + text(shape).getBytes(StandardCharsets.UTF_8).length + " bytes");
    }
  }
}
