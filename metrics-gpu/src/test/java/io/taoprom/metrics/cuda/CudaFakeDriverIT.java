package io.taoprom.metrics.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;

/**
 * The cuda collector through the real JCuda binding against a fake libcuda.so.1 (compiled
 * from src/test/c/fake_cuda.c), each case in a JVM of its own so that LD_LIBRARY_PATH reaches
 * the dynamic linker and JCuda's once-per-JVM native load starts fresh.
 */
class CudaFakeDriverIT {

  private static final String UUID0 = "GPU-8f6b1c2e-0000-4000-8000-000000000000";
  private static final String UUID1 = "GPU-8f6b1c2e-0000-4000-8000-000000000001";

  @TempDir Path tmp;
  private Path libraryDir;

  @BeforeEach
  void compileFakeDriver() throws Exception {
    String root = System.getProperty("taoprom.root");
    Path source = (root != null ? Path.of(root, "metrics-gpu") : Path.of("")).resolve("src/test/c/fake_cuda.c");
    libraryDir = Files.createDirectories(tmp.resolve("lib"));
    Process gcc;
    try {
      gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o",
          libraryDir.resolve("libcuda.so.1").toString(), source.toAbsolutePath().toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("the CUDA test needs gcc to build the fake libcuda, and CI=true: " + e.getMessage());
      }
      Assumptions.abort("skipped: the CUDA test needs gcc to build the fake libcuda: " + e.getMessage());
      return;
    }
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gcc.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(gcc.exitValue()).as("gcc: %s", output).isZero();
  }

  /** Standard output and error of the child JVM. */
  private record Run(String out, String err) {}

  private Run run(String script, String... args) throws Exception {
    Path scriptFile = Files.writeString(tmp.resolve("cuda-script.txt"), script);
    Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp")); // JCuda unpacks its JNI library here
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-Djava.io.tmpdir=" + javaTmp,
        "-cp", System.getProperty("java.class.path"),
        CudaFakeDriverMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(tmp.resolve("out.txt").toFile())
        .redirectError(tmp.resolve("err.txt").toFile());
    builder.environment().put("LD_LIBRARY_PATH", libraryDir.toString());
    builder.environment().put("FAKE_CUDA_SCRIPT", scriptFile.toString());
    Process child = builder.start();
    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      fail("the child JVM did not finish in 120 s");
    }
    Run run = new Run(Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    assertThat(child.exitValue()).as("child exit; stderr: %s", run.err()).isZero();
    return run;
  }

  @Test
  void twoDevicesThroughJCuda() throws Exception {
    Run run = run("devices 2\ndev 1 name NVIDIA A100-SXM4-40GB\ndev 1 cc 8 0\ndev 1 sms 108\n"
        + "dev 1 clock 1410000\ndev 1 total 42505273344\ndev 1 free 40000000000\n");

    String first = run.out().substring(run.out().indexOf('\n') + 1, run.out().indexOf("--- second scrape"));
    assertThat(run.out()).startsWith("available=true reason=\n");
    assertThat(first).isEqualTo("""
        # HELP cuda_device_info CUDA device identity (name, compute_capability, pci_bus_id); join on uuid.
        # TYPE cuda_device_info gauge
        cuda_device_info{compute_capability="8.0",gpu="1",name="NVIDIA A100-SXM4-40GB",pci_bus_id="00000000:28:00.0",uuid="%2$s"} 1
        cuda_device_info{compute_capability="9.0",gpu="0",name="NVIDIA H100 80GB HBM3",pci_bus_id="00000000:18:00.0",uuid="%1$s"} 1
        # HELP cuda_device_clock_hertz Peak clock rate of the device.
        # TYPE cuda_device_clock_hertz gauge
        cuda_device_clock_hertz{gpu="0",uuid="%1$s"} 1.98E9
        cuda_device_clock_hertz{gpu="1",uuid="%2$s"} 1.41E9
        # HELP cuda_device_count CUDA devices the driver reports.
        # TYPE cuda_device_count gauge
        cuda_device_count 2.0
        # HELP cuda_device_memory_free_bytes Device memory free, as cuMemGetInfo reports it.
        # TYPE cuda_device_memory_free_bytes gauge
        cuda_device_memory_free_bytes{gpu="0",uuid="%1$s"} 8.444706816E10
        cuda_device_memory_free_bytes{gpu="1",uuid="%2$s"} 4.0E10
        # HELP cuda_device_memory_total_bytes Device memory in all.
        # TYPE cuda_device_memory_total_bytes gauge
        cuda_device_memory_total_bytes{gpu="0",uuid="%1$s"} 8.5520809984E10
        cuda_device_memory_total_bytes{gpu="1",uuid="%2$s"} 4.2505273344E10
        # HELP cuda_device_multiprocessors Streaming multiprocessors on the device.
        # TYPE cuda_device_multiprocessors gauge
        cuda_device_multiprocessors{gpu="0",uuid="%1$s"} 132.0
        cuda_device_multiprocessors{gpu="1",uuid="%2$s"} 108.0
        # HELP cuda_driver_version_info Version of CUDA the installed driver supports.
        # TYPE cuda_driver_version_info gauge
        cuda_driver_version_info{version="12.4"} 1
        """.formatted(UUID0, UUID1));
    assertThat(run.out()).as("contexts are retained once, not per scrape, and released on close")
        .contains("retained=2\n").endsWith("retained after close=0\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aDeviceWithoutAContextLosesOnlyItsFreeMemory() throws Exception {
    Run run = run("devices 2\ndev 1 ctx 2\n");

    assertThat(run.out())
        .contains("cuda_device_memory_free_bytes{gpu=\"0\",uuid=\"" + UUID0 + "\"} 8.444706816E10")
        .doesNotContain("cuda_device_memory_free_bytes{gpu=\"1\"")
        .contains("cuda_device_memory_total_bytes{gpu=\"1\"")
        .contains("retained=1\n").endsWith("retained after close=0\n");
    assertThat(run.err()).as("one warning, logged once for two scrapes")
        .containsOnlyOnce("CUDA device 1: no context for cuMemGetInfo (CUDA_ERROR_OUT_OF_MEMORY)")
        .doesNotContain("\tat ");
  }

  @Test
  void freeMemoryOffHoldsNoContext() throws Exception {
    Run run = run("devices 1\n", "false");

    assertThat(run.out()).doesNotContain("cuda_device_memory_free_bytes")
        .contains("cuda_device_memory_total_bytes{gpu=\"0\"").contains("retained=0\n");
  }

  @Test
  void cuInitFailureMakesThePluginUnavailable() throws Exception {
    Run run = run("init 100\n");

    assertThat(run.out()).isEqualTo("available=false reason=cuInit failed: CUDA_ERROR_NO_DEVICE (the driver sees no GPU)\n");
    assertThat(run.err()).isEmpty();
  }
}
