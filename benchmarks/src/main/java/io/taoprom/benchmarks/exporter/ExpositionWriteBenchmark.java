package io.taoprom.benchmarks.exporter;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing 10,000 series (100 families of 100) with client_java's writers, as {@code /metrics}
 * does: the cost of the exposition alone, without collecting.
 *
 * <pre>
 * java -Xmx32m -jar benchmarks/target-x/benchmarks.jar ExpositionWriteBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx32m")
public class ExpositionWriteBenchmark {

  /**
   * The exposition format: Prometheus text, OpenMetrics, protobuf, or text gzip-compressed at
   * the default level 6 and at level 1 (what {@code /metrics} uses).
   */
  @Param({"text", "openmetrics", "protobuf", "text-gzip6", "text-gzip1"})
  public String format;

  private MetricSnapshots snapshots;
  private ExpositionFormatWriter writer;
  private ByteArrayOutputStream out;

  @Setup
  public void setUp() {
    snapshots = SyntheticSeries.build("taoprom_bench", 100, 100);
    ExpositionFormats formats = ExpositionFormats.init();
    writer = switch (format) {
      case "openmetrics" -> formats.getOpenMetricsTextFormatWriter();
      case "protobuf" -> formats.getPrometheusProtobufWriter();
      default -> formats.getPrometheusTextFormatWriter();
    };
    out = new ByteArrayOutputStream(1 << 20);
  }

  /** Returns the bytes written, so that the work cannot be optimised away. */
  @Benchmark
  public int write10000Series() throws IOException {
    out.reset();
    if (format.startsWith("text-gzip")) {
      int level = format.endsWith("1") ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION;
      try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
        {
          def.setLevel(level);
        }
      }) {
        writer.write(gzip, snapshots);
      }
    } else {
      writer.write(out, snapshots);
    }
    return out.size();
  }
}
