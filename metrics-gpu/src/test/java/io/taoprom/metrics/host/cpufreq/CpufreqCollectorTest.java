package io.taoprom.metrics.host.cpufreq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpufreqCollectorTest {

  @TempDir Path dir;

  private static String text(SysFs sys) {
    return HostFixtures.text(new CpufreqCollector(new CpufreqSource(sys)));
  }

  /**
   * node_exporter 1.5 run on this tree serves the same values for CPUs 0-2 (it fails the whole
   * collector on CPU 2's {@code <unknown>}, and serves offline CPU 3, which later versions leave
   * out); the average frequency and the governor came after 1.5.
   */
  @Test
  void goldenTextOfAcpiCpufreq() throws IOException {
    assertThat(text(HostFixtures.copy("cpufreq/acpi", dir)))
        .isEqualTo(
            """
            # HELP node_cpu_frequency_avg_hertz Average CPU thread frequency in hertz.
            # TYPE node_cpu_frequency_avg_hertz gauge
            node_cpu_frequency_avg_hertz{cpu="0"} 2.35E9
            node_cpu_frequency_avg_hertz{cpu="1"} 2.350001E9
            node_cpu_frequency_avg_hertz{cpu="2"} 2.350002E9
            # HELP node_cpu_frequency_hertz Current CPU thread frequency in hertz.
            # TYPE node_cpu_frequency_hertz gauge
            node_cpu_frequency_hertz{cpu="0"} 2.4E9
            node_cpu_frequency_hertz{cpu="1"} 2.5E9
            # HELP node_cpu_frequency_max_hertz Maximum CPU thread frequency in hertz.
            # TYPE node_cpu_frequency_max_hertz gauge
            node_cpu_frequency_max_hertz{cpu="0"} 3.5E9
            node_cpu_frequency_max_hertz{cpu="1"} 3.5E9
            node_cpu_frequency_max_hertz{cpu="2"} 3.5E9
            # HELP node_cpu_frequency_min_hertz Minimum CPU thread frequency in hertz.
            # TYPE node_cpu_frequency_min_hertz gauge
            node_cpu_frequency_min_hertz{cpu="0"} 1.2E9
            node_cpu_frequency_min_hertz{cpu="1"} 1.2E9
            node_cpu_frequency_min_hertz{cpu="2"} 1.2E9
            # HELP node_cpu_scaling_frequency_hertz Current scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_hertz gauge
            node_cpu_scaling_frequency_hertz{cpu="0"} 2.4E9
            node_cpu_scaling_frequency_hertz{cpu="1"} 2.5E9
            node_cpu_scaling_frequency_hertz{cpu="2"} 2.6E9
            # HELP node_cpu_scaling_frequency_max_hertz Maximum scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_max_hertz gauge
            node_cpu_scaling_frequency_max_hertz{cpu="0"} 3.5E9
            node_cpu_scaling_frequency_max_hertz{cpu="1"} 3.5E9
            node_cpu_scaling_frequency_max_hertz{cpu="2"} 3.5E9
            # HELP node_cpu_scaling_frequency_min_hertz Minimum scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_min_hertz gauge
            node_cpu_scaling_frequency_min_hertz{cpu="0"} 1.2E9
            node_cpu_scaling_frequency_min_hertz{cpu="1"} 1.2E9
            node_cpu_scaling_frequency_min_hertz{cpu="2"} 1.2E9
            # HELP node_cpu_scaling_governor Current enabled CPU frequency governor.
            # TYPE node_cpu_scaling_governor gauge
            node_cpu_scaling_governor{cpu="0",governor="conservative"} 0.0
            node_cpu_scaling_governor{cpu="0",governor="ondemand"} 0.0
            node_cpu_scaling_governor{cpu="0",governor="performance"} 0.0
            node_cpu_scaling_governor{cpu="0",governor="powersave"} 0.0
            node_cpu_scaling_governor{cpu="0",governor="schedutil"} 1.0
            node_cpu_scaling_governor{cpu="0",governor="userspace"} 0.0
            node_cpu_scaling_governor{cpu="1",governor="conservative"} 0.0
            node_cpu_scaling_governor{cpu="1",governor="ondemand"} 0.0
            node_cpu_scaling_governor{cpu="1",governor="performance"} 0.0
            node_cpu_scaling_governor{cpu="1",governor="powersave"} 0.0
            node_cpu_scaling_governor{cpu="1",governor="schedutil"} 1.0
            node_cpu_scaling_governor{cpu="1",governor="userspace"} 0.0
            node_cpu_scaling_governor{cpu="2",governor="conservative"} 0.0
            node_cpu_scaling_governor{cpu="2",governor="ondemand"} 0.0
            node_cpu_scaling_governor{cpu="2",governor="performance"} 0.0
            node_cpu_scaling_governor{cpu="2",governor="powersave"} 0.0
            node_cpu_scaling_governor{cpu="2",governor="schedutil"} 1.0
            node_cpu_scaling_governor{cpu="2",governor="userspace"} 0.0
            """);
  }

  /** 128 CPUs under intel_pstate: the whole exposition, in {@code cpufreq/gpu-server.prom}. */
  @Test
  void goldenTextOfAGpuServer() throws IOException {
    String expected;
    try (InputStream in = CpufreqCollectorTest.class.getResourceAsStream("/io/taoprom/metrics/host/cpufreq/gpu-server.prom")) {
      expected = in == null ? "(missing gpu-server.prom)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String actual = text(HostFixtures.copy("cpufreq/gpu-server", dir));

    assertThat(actual).isEqualTo(expected);
    assertThat(actual.lines().filter(l -> l.startsWith("node_cpu_scaling_frequency_hertz{"))).hasSize(128);
  }

  @Test
  void thisVmHasNoCpufreqAndGetsNothing() throws IOException {
    assertThat(text(HostFixtures.copy("cpufreq/vm", dir))).isEmpty();
  }

  @Test
  void aMachineWithoutTheCpuDirectoryGetsNothing() {
    assertThat(text(SysFs.at(dir))).isEmpty();
  }

  @Test
  void anOfflineListThatIsNotACpuListFailsNamingTheFile() throws IOException {
    SysFs sys = HostFixtures.copy("cpufreq/acpi", dir);
    Files.writeString(sys.path("devices/system/cpu/offline"), "3-1\n");

    assertThatThrownBy(() -> text(sys))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("devices/system/cpu/offline holds \"3-1\", not a CPU list");
  }

  @Test
  void aFrequencyThatIsNotAnUnsignedIntegerFailsNamingTheFile() throws IOException {
    SysFs sys = HostFixtures.copy("cpufreq/acpi", dir);
    Files.writeString(sys.path("devices/system/cpu/cpufreq/policy1/scaling_max_freq"), "3.5 GHz\n");

    assertThatThrownBy(() -> text(sys))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cpu1/cpufreq/scaling_max_freq holds \"3.5 GHz\", not an unsigned integer");
  }

  @Test
  void aCpufreqEntryThatIsNotADirectoryFails() throws IOException {
    Path cpu = Files.createDirectories(dir.resolve("devices/system/cpu/cpu0"));
    Files.writeString(cpu.resolve("cpufreq"), "not a directory\n");

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cpu0/cpufreq");
  }

  @Test
  void cpuListsAreTheKernelsFormat() throws IOException {
    Path file = dir.resolve("offline");
    assertThat(CpuRange.parse(file, "\n").isEmpty()).isTrue();
    assertThat(CpuRange.parse(file, "0-3,8,10-11\n").toString()).isEqualTo("{0, 1, 2, 3, 8, 10, 11}");
    for (String bad : new String[] {"1-", "x", "0-99999999", "1,-2", "\u0665"}) {
      assertThatThrownBy(() -> CpuRange.parse(file, bad)).as(bad).isInstanceOf(IOException.class);
    }
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new CpufreqPlugin().availability().available()).isEqualTo(linux);
  }
}
