package io.taoprom.exporter.self;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code process} plugin: node_exporter's six process families, each value checked against
 * what Linux itself says about this test's JVM ({@code /proc/self/stat}, {@code status},
 * {@code limits}, {@code fd}), the way Go's client reads them for node_exporter.
 */
class ProcessPluginTest {

  private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

  @Test
  void describesItselfAsOnByDefault() {
    ProcessPlugin plugin = new ProcessPlugin();

    assertThat(plugin.name()).isEqualTo("process");
    assertThat(plugin.enabledByDefault()).isTrue();
    assertThat(plugin.nodeExporterCompatible()).as("not a node_exporter collector: no node_scrape_* for it").isFalse();
    assertThat(plugin.options()).isEmpty();
    assertThat(plugin.availability().available()).isTrue();
  }

  @Test
  void servesNodeExportersSixProcessFamilies() {
    String text = SelfExposition.of(new ProcessPlugin().create(CollectorConfig.empty()));

    assumeTrue(Files.isRegularFile(Path.of("/proc/self/status")), "the memory series need Linux's /proc");
    assertThat(SelfExposition.shape(text)).isEqualTo("""
        # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
        # TYPE process_cpu_seconds_total counter
        process_cpu_seconds_total <v>
        # HELP process_max_fds Maximum number of open file descriptors.
        # TYPE process_max_fds gauge
        process_max_fds <v>
        # HELP process_open_fds Number of open file descriptors.
        # TYPE process_open_fds gauge
        process_open_fds <v>
        # HELP process_resident_memory_bytes Resident memory size in bytes.
        # TYPE process_resident_memory_bytes gauge
        process_resident_memory_bytes <v>
        # HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
        # TYPE process_start_time_seconds gauge
        process_start_time_seconds <v>
        # HELP process_virtual_memory_bytes Virtual memory size in bytes.
        # TYPE process_virtual_memory_bytes gauge
        process_virtual_memory_bytes <v>
        """);
  }

  @Test
  void theValuesAreWhatLinuxSaysAboutThisProcess() throws Exception {
    assumeTrue(Files.isRegularFile(Path.of("/proc/self/stat")), "compared with Linux's /proc");
    MultiCollector collector = new ProcessPlugin().create(CollectorConfig.empty());

    double cpuBefore = cpuSecondsFromStat();
    long fdsBefore = openFds();
    Map<String, Double> v = SelfExposition.samples(SelfExposition.of(collector));
    double cpuAfter = cpuSecondsFromStat();
    long fdsAfter = openFds();

    // Tick-based accounting in /proc/self/stat lags the JVM's precise figure by up to a few ticks.
    assertThat(v.get("process_cpu_seconds_total")).isPositive().isBetween(cpuBefore - 0.5, cpuAfter + 0.5);
    assertThat(v.get("process_open_fds")).isBetween(Math.min(fdsBefore, fdsAfter) - 3.0, Math.max(fdsBefore, fdsAfter) + 3.0);
    assertThat(v.get("process_max_fds")).isEqualTo(softOpenFilesLimit());
    assertThat(v.get("process_resident_memory_bytes")).isPositive()
        .isCloseTo(statusKib("VmRSS:") * 1024.0, within(64.0 * 1024 * 1024));
    assertThat(v.get("process_virtual_memory_bytes")).isGreaterThan(v.get("process_resident_memory_bytes"))
        .isCloseTo(statusKib("VmSize:") * 1024.0, within(256.0 * 1024 * 1024));
    // Go's client (node_exporter's) takes the start from the kernel: boot time + starttime ticks.
    // The JVM notes its start a little after the exec.
    assertThat(v.get("process_start_time_seconds")).isCloseTo(startFromStat(), within(2.0))
        .isEqualTo(ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
  }

  private static String[] statFields() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    // After the command name in parentheses (which may hold spaces): field 3 on.
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  private static double cpuSecondsFromStat() throws IOException {
    String[] f = statFields();
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS; // utime, stime
  }

  private static double startFromStat() throws IOException {
    long bootTime = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("btime "))
        .mapToLong(l -> Long.parseLong(l.substring(6).strip())).findFirst().orElseThrow();
    return bootTime + Long.parseLong(statFields()[19]) / (double) CLOCK_TICKS; // starttime
  }

  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  private static double softOpenFilesLimit() throws IOException {
    String line = Files.readAllLines(Path.of("/proc/self/limits")).stream()
        .filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow();
    return Double.parseDouble(line.substring("Max open files".length()).strip().split("\\s+")[0]);
  }

  private static long statusKib(String key) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(key))
        .mapToLong(l -> Long.parseLong(l.substring(key.length()).replace("kB", "").strip())).findFirst().orElseThrow();
  }
}
