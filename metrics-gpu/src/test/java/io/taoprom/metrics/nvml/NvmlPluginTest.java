package io.taoprom.metrics.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.cuda.CudaPlugin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Enumeration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nvml plugin's availability, options and bad inputs, against real files and the fake library. */
class NvmlPluginTest {

  @TempDir Path tmp;

  private static NvmlPlugin plugin(Map<String, String> env) {
    return new NvmlPlugin(env::get);
  }

  private static CollectorConfig library(Path path) {
    return CollectorConfig.of(Map.of(NvmlPlugin.LIBRARY, List.of(path.toString())));
  }

  /** Runs {@code body} and fails if it wrote anything to System.err (a stack trace, say). */
  private static <T> T quietly(Supplier<T> body) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return body.get();
    } finally {
      System.setErr(saved);
      assertThat(err.toString(StandardCharsets.UTF_8)).as("written to stderr").isEmpty();
    }
  }

  private static void assertOneLine(Availability availability) {
    assertThat(availability.available()).isFalse();
    assertThat(availability.reason()).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void withoutADriverTheDefaultLibraryIsUnavailableInOneLine() {
    Availability availability = quietly(() -> plugin(Map.of()).availability());
    Assumptions.assumeFalse(availability.available(), "this machine has an NVIDIA driver");

    assertOneLine(availability);
    assertThat(availability.reason())
        .startsWith("no NVIDIA driver found: libnvidia-ml.so.1: cannot open shared object file")
        .endsWith("(install the NVIDIA driver, or give its path with option nvml.library or TAOPROM_NVML_LIBRARY)");
  }

  @Test
  void aMissingFileIsUnavailable() {
    Path missing = tmp.resolve("nowhere/libnvidia-ml.so.1");

    Availability availability = quietly(() -> plugin(Map.of()).availability(library(missing)));

    assertOneLine(availability);
    assertThat(availability.reason()).isEqualTo("cannot load NVML library " + missing + ": " + missing
        + ": cannot open shared object file: No such file or directory"
        + " (option nvml.library must name libnvidia-ml.so.1 of the NVIDIA driver)");
  }

  @Test
  void aTextFileIsNotALibrary() throws Exception {
    Path text = Files.writeString(tmp.resolve("libnvidia-ml.so.1"), "# not a library, just a note about GPUs\n");

    Availability availability = quietly(() -> plugin(Map.of()).availability(library(text)));

    assertOneLine(availability);
    assertThat(availability.reason()).startsWith("cannot load NVML library " + text + ": " + text + ": ")
        .containsAnyOf("invalid ELF header", "file too short");
  }

  @Test
  void aDirectoryIsNotALibrary() {
    Availability availability = quietly(() -> plugin(Map.of()).availability(library(tmp)));

    assertOneLine(availability);
    assertThat(availability.reason()).startsWith("cannot load NVML library " + tmp + ": ");
  }

  @Test
  void aLibraryThatIsNotNvmlIsNamedAsSuch() {
    // The C library loads fine, but it has none of NVML's entry points.
    Availability availability = quietly(() ->
        plugin(Map.of()).availability(CollectorConfig.of(Map.of(NvmlPlugin.LIBRARY, List.of("libc.so.6")))));

    assertOneLine(availability);
    assertThat(availability.reason()).isEqualTo("libc.so.6 is not an NVML library: it has no nvmlInit_v2"
        + " (option nvml.library must name libnvidia-ml.so.1 of the NVIDIA driver)");
  }

  @Test
  void anUnreadableFileIsUnavailable() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp);
    Files.setPosixFilePermissions(fake.path(), PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(fake.path()), "running as root: every file is readable");

    Availability availability = quietly(() -> plugin(Map.of()).availability(library(fake.path())));

    assertOneLine(availability);
    assertThat(availability.reason()).contains("Permission denied");
  }

  @Test
  void initFailureMakesThePluginUnavailableWithNvmlsReason() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("init 18");

    Availability availability = plugin(Map.of()).availability(library(fake.path()));

    assertOneLine(availability);
    assertThat(availability.reason()).isEqualTo("NVML init failed with " + fake.path()
        + ": RM has detected an NVML/RM version mismatch. (lib_rm_version_mismatch);"
        + " the library and the kernel module are from different driver versions; reboot after a driver upgrade");
  }

  @Test
  void theEnvironmentVariableNamesTheLibraryAndTheOptionWins() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1");
    NvmlPlugin fromEnv = plugin(Map.of(NvmlPlugin.LIBRARY_ENV, fake.path().toString()));

    assertThat(fromEnv.availability()).isEqualTo(Availability.AVAILABLE);
    assertThat(fake.initCount()).as("the probe shuts NVML down again").isZero();
    assertThat(fromEnv.libraryPath(CollectorConfig.empty())).isEqualTo(fake.path().toString());
    assertThat(fromEnv.libraryPath(library(tmp.resolve("other.so")))).isEqualTo(tmp.resolve("other.so").toString());
    assertThat(plugin(Map.of()).libraryPath(CollectorConfig.empty())).isEqualTo("libnvidia-ml.so.1");
  }

  @Test
  void createReturnsACloseableCollectorWithTheOptions() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1", "dev 0 proc 4194001 1", "dev 0 proc 4194002 2");
    CollectorConfig config = CollectorConfig.of(Map.of(
        NvmlPlugin.LIBRARY, List.of(fake.path().toString()),
        NvmlPlugin.MAX_PROCESSES, List.of("1"),
        NvmlPlugin.PCIE_THROUGHPUT, List.of("false")));

    MultiCollector collector = plugin(Map.of()).create(config);
    String text;
    try {
      assertThat(fake.initCount()).isEqualTo(1);
      text = Exposition.of(collector);
    } finally {
      ((AutoCloseable) collector).close();
    }

    assertThat(fake.initCount()).isZero();
    assertThat(text).contains("pid=\"4194002\"").doesNotContain("pid=\"4194001\"")
        .doesNotContain("gpu_pcie_tx_bytes_per_second");
  }

  @Test
  void malformedOptionValuesAreRejectedByName() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1");
    NvmlPlugin plugin = plugin(Map.of());

    assertThatThrownBy(() -> plugin.create(CollectorConfig.of(Map.of(
        NvmlPlugin.LIBRARY, List.of(fake.path().toString()), NvmlPlugin.MAX_PROCESSES, List.of("lots")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option nvml.max-processes must be a whole number from 0 to 1024, got 'lots'");
    assertThatThrownBy(() -> plugin.create(CollectorConfig.of(Map.of(
        NvmlPlugin.LIBRARY, List.of(fake.path().toString()), NvmlPlugin.PCIE_THROUGHPUT, List.of("maybe")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option nvml.pcie-throughput must be true or false, got 'maybe'");
    assertThat(fake.initCount()).as("nothing initialized for a rejected option").isZero();
  }

  @Test
  void theNamingOptionServesDcgmNamesWithTheNodeNameAsHostname() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1");
    CollectorConfig config = CollectorConfig.of(Map.of(
        NvmlPlugin.LIBRARY, List.of(fake.path().toString()), NvmlPlugin.NAMES, List.of(" DCGM ")));

    MultiCollector collector = plugin(Map.of(NvmlPlugin.NODE_NAME_ENV, "node-a")).create(config);
    String text;
    try {
      text = Exposition.of(collector);
    } finally {
      ((AutoCloseable) collector).close();
    }

    assertThat(text).contains("DCGM_FI_DEV_GPU_TEMP{DCGM_FI_DRIVER_VERSION=\"550.54.15\",Hostname=\"node-a\",UUID=")
        .doesNotContain("gpu_temperature_celsius");
  }

  @Test
  void aNamingThatIsNoneOfTheThreeIsRejectedQuotedAndEscaped() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1");
    String hostile = "dcgm\u001b[2J\n" + "x".repeat(500);

    assertThatThrownBy(() -> plugin(Map.of()).create(CollectorConfig.of(Map.of(
        NvmlPlugin.LIBRARY, List.of(fake.path().toString()), NvmlPlugin.NAMES, List.of(hostile)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("option nvml.names must be taoprom, dcgm or both, got \"dcgm\\x1b[2J\\nxxx")
        .hasMessageContaining("…(+")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\n").hasSizeLessThan(120));
    assertThat(fake.initCount()).isZero();
  }

  @Test
  void theHostnameLabelComesFromNodeNameAndIsLeftOutWhenItIsNoHostName() {
    assertThat(plugin(Map.of(NvmlPlugin.NODE_NAME_ENV, "  gpu-node-7 ")).hostname()).isEqualTo("gpu-node-7");
    assertThat(plugin(Map.of(NvmlPlugin.NODE_NAME_ENV, "evil\nHostname=\"x")).hostname()).isEmpty();
    assertThat(plugin(Map.of(NvmlPlugin.NODE_NAME_ENV, "h".repeat(254))).hostname()).isEmpty();
    // Without NODE_NAME: the kernel's host name, as dcgm-exporter's os.Hostname() reads it.
    assertThat(plugin(Map.of()).hostname()).isEqualTo(kernelHostname());
  }

  private static String kernelHostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void createOnAMachineWithoutNvmlThrowsTheOneLineReason() {
    Path missing = tmp.resolve("libnvidia-ml.so.1");

    assertThatThrownBy(() -> plugin(Map.of()).create(library(missing)))
        .isInstanceOf(NvmlUnavailableException.class)
        .hasMessageStartingWith("cannot load NVML library " + missing)
        .hasNoCause();
  }

  @Test
  void describesItselfAndItsOptions() {
    NvmlPlugin plugin = new NvmlPlugin();

    assertThat(plugin.name()).isEqualTo("nvml");
    assertThat(plugin.enabledByDefault()).isTrue();
    assertThat(plugin.options()).extracting(CollectorOption::name)
        .containsExactly("nvml.library", "nvml.max-processes", "nvml.pcie-throughput", "nvml.names");
    assertThat(plugin.options()).extracting(CollectorOption::defaultValue)
        .extracting(o -> o.orElse(null))
        .containsExactly(null, "32", "true", "taoprom");
  }

  @Test
  void bothGpuPluginsAreRegisteredForServiceLoader() throws Exception {
    // Read as text, not through ServiceLoader: the file is shared with the host collectors,
    // whose classes this test should not depend on.
    List<String> lines = new ArrayList<>();
    Enumeration<URL> files = getClass().getClassLoader()
        .getResources("META-INF/services/" + CollectorPlugin.class.getName());
    while (files.hasMoreElements()) {
      try (InputStream in = files.nextElement().openStream()) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).forEach(lines::add);
      }
    }

    assertThat(lines).contains(NvmlPlugin.class.getName(), CudaPlugin.class.getName());
    assertThat(CollectorPlugin.class.isAssignableFrom(CudaPlugin.class)).isTrue();
  }
}
