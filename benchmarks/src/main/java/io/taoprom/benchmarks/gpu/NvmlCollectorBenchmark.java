package io.taoprom.benchmarks.gpu;

import com.sun.jna.NativeLibrary;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.nvml.NvmlCollector;
import io.taoprom.metrics.nvml.NvmlNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * What one scrape of the nvml collector costs on TaoProm's side, against the fake
 * libnvidia-ml of {@code metrics-gpu/src/test/c/fake_nvml.c} with 8 GPUs (two compute
 * processes each), compiled with gcc at setup.
 *
 * <ul>
 *   <li>{@code scrape}: one {@code collect()}: every NVML call through JNA, the conversions and
 *       the client_java snapshots, in each naming ({@code names}: the dcgm naming adds GPM
 *       samples and field values, {@code both} reads the shared fields twice).
 *   <li>{@code libraryOnly}: TaoProm's naming's NVML calls made from C inside the fake, timed there and
 *       returned through one JNA call: the library's share, which {@code scrape} minus it leaves
 *       out. With the fake it is a few microseconds; a real driver's share is its own.
 * </ul>
 *
 * <p>Our cost per GPU = (scrape − libraryOnly) / gpus. Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -Dtaoprom.buildDir=target-gpu -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target-gpu/benchmarks.jar NvmlCollectorBenchmark -f 1 -wi 5 -w 3s -i 5 -r 2s -prof gc
 * </pre>
 *
 * <p>Sample time rather than average: on a machine shared with other work the median (p50)
 * is the figure to read; the mean carries the scheduler's delays.
 *
 * <p>The fake's source is found at {@code metrics-gpu/src/test/c/fake_nvml.c} under the
 * working directory, or wherever {@code -Dtaoprom.fakeNvml.source=PATH} says (give it with
 * {@code -jvmArgsAppend}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx32m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NvmlCollectorBenchmark {

  /** Simulated GPUs. */
  @Param({"8"})
  public int gpus;

  /** {@code --nvml.names}: TaoProm's gpu_*, dcgm-exporter's DCGM_FI_* (with GPM), or both. */
  @Param({"taoprom", "dcgm", "both"})
  public String names;

  private Path dir;
  private NvmlCollector collector;
  private com.sun.jna.Function nativeScrape;

  @Setup
  public void setUp() throws Exception {
    Path source = Path.of(System.getProperty("taoprom.fakeNvml.source", "metrics-gpu/src/test/c/fake_nvml.c"));
    if (!Files.isRegularFile(source)) {
      throw new IllegalStateException("fake NVML source not found at " + source.toAbsolutePath()
          + "; run from the repository root or pass -jvmArgsAppend -Dtaoprom.fakeNvml.source=PATH");
    }
    dir = Files.createTempDirectory("taoprom-bench-nvml");
    Path library = dir.resolve("libnvidia-ml.so.1");
    Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O2", "-o", library.toString(), source.toString())
        .redirectErrorStream(true).start();
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (gcc.waitFor() != 0) {
      throw new IllegalStateException("gcc failed to build the fake NVML: " + output);
    }
    List<String> script = new ArrayList<>(List.of("devices " + gpus));
    long self = ProcessHandle.current().pid();
    for (int i = 0; i < gpus; i++) {
      script.add("dev " + i + " proc " + self + " " + (1L << 30));
      script.add("dev " + i + " proc 9999999 " + (2L << 30));
    }
    Path scriptFile = Files.write(dir.resolve("script.txt"), script);
    NativeLibrary lib = NativeLibrary.getInstance(library.toString());
    if (lib.getFunction("fake_nvml_load_script").invokeInt(new Object[] {scriptFile.toString()}) != 0) {
      throw new IllegalStateException("the fake NVML rejected " + scriptFile);
    }
    nativeScrape = lib.getFunction("fake_nvml_native_scrape");
    collector = NvmlCollector.builder().library(library.toString()).names(NvmlNames.parse(names)).build();
  }

  @TearDown
  public void tearDown() throws IOException {
    collector.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public MetricSnapshots scrape() {
    return collector.collect();
  }

  /**
   * The library's share of one scrape: the same NVML calls made from C. JMH's figure includes
   * the one JNA call that starts them (under a microsecond), so it slightly overstates the
   * library's share; the nanoseconds measured in C are returned, for a debugger or a profiler.
   */
  @Benchmark
  public long libraryOnly() {
    return nativeScrape.invokeLong(new Object[] {1});
  }
}
