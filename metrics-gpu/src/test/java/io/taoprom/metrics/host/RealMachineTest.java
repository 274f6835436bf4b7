package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.cpu.CpuPlugin;
import io.taoprom.metrics.host.diskstats.DiskstatsPlugin;
import io.taoprom.metrics.host.filesystem.FilesystemPlugin;
import io.taoprom.metrics.host.loadavg.LoadavgPlugin;
import io.taoprom.metrics.host.meminfo.MeminfoPlugin;
import io.taoprom.metrics.host.netdev.NetdevPlugin;
import io.taoprom.metrics.host.stat.StatPlugin;
import io.taoprom.metrics.host.time.TimePlugin;
import io.taoprom.metrics.host.uname.UnamePlugin;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import io.taoprom.metrics.textfile.format.ParsedSample;
import io.taoprom.metrics.textfile.format.TextFormatParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every host collector against this machine, through both backends: OSHI (the portable path) and,
 * on Linux, {@code /proc}. The values must be plausible, and the two backends must agree where
 * they read the same kernel figures.
 */
class RealMachineTest {

  private static final List<CollectorPlugin> HOST_PLUGINS =
      List.of(
          new CpuPlugin(), new LoadavgPlugin(), new MeminfoPlugin(), new NetdevPlugin(),
          new DiskstatsPlugin(), new FilesystemPlugin(), new TimePlugin(), new UnamePlugin(), new StatPlugin());

  @AfterEach
  void restoreBackend() {
    System.clearProperty(HostBackend.PROPERTY);
  }

  /** Every family of one full host scrape, by name, as our own parser reads the text. */
  private static Map<String, ParsedFamily> scrape(HostBackend backend) throws Exception {
    System.setProperty(HostBackend.PROPERTY, backend.name().toLowerCase(Locale.ROOT));
    StringBuilder text = new StringBuilder();
    for (CollectorPlugin plugin : HOST_PLUGINS) {
      if (!plugin.availability().available()) {
        continue;
      }
      MultiCollector collector = plugin.create(CollectorConfig.empty());
      // OSHI warms up in the background; a scrape in the first second may find it not ready yet.
      text.append(collectPatiently(collector));
    }
    Map<String, ParsedFamily> families = new HashMap<>();
    for (ParsedFamily family : TextFormatParser.parse(text.toString())) {
      families.put(family.name(), family);
    }
    return families;
  }

  private static String collectPatiently(MultiCollector collector) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return HostFixtures.text(collector);
      } catch (IllegalStateException e) {
        if (attempt > 30) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static double value(Map<String, ParsedFamily> families, String name) {
    ParsedFamily family = families.get(name);
    assertThat(family).as(name).isNotNull();
    return family.samples().get(0).value();
  }

  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void everyHostCollectorReportsPlausibleValues(HostBackend backend) throws Exception {
    assumeTrue(backend == HostBackend.OSHI || isLinux(), "the /proc backend needs Linux");
    Map<String, ParsedFamily> f = scrape(backend);

    ParsedFamily cpu = f.get("node_cpu_seconds_total");
    Set<String> cpus = cpu.samples().stream().map(s -> s.label("cpu")).collect(Collectors.toSet());
    assertThat(cpus).isNotEmpty();
    assertThat(cpu.samples()).hasSize(cpus.size() * 8).allMatch(s -> s.value() >= 0);
    assertThat(cpu.samples().stream().filter(s -> s.label("mode").equals("idle")).mapToDouble(ParsedSample::value).sum())
        .isPositive();

    if (!System.getProperty("os.name").startsWith("Windows")) {
      assertThat(value(f, "node_load1")).isGreaterThanOrEqualTo(0);
      assertThat(value(f, "node_load15")).isGreaterThanOrEqualTo(0);
    }

    double memTotal = value(f, "node_memory_MemTotal_bytes");
    assertThat(memTotal).isGreaterThan(64 << 20);
    assertThat(value(f, "node_memory_MemAvailable_bytes")).isPositive().isLessThanOrEqualTo(memTotal);
    assertThat(value(f, "node_memory_SwapFree_bytes")).isLessThanOrEqualTo(value(f, "node_memory_SwapTotal_bytes"));

    assertThat(f.get("node_network_receive_bytes_total").samples()).isNotEmpty().allMatch(s -> s.value() >= 0);
    assertThat(f.get("node_network_transmit_packets_total").samples()).isNotEmpty();

    ParsedFamily diskReads = f.get("node_disk_reads_completed_total");
    if (diskReads != null) { // a container may see no block device at all
      assertThat(diskReads.samples()).allMatch(s -> s.value() >= 0 && !s.label("device").isEmpty());
    }

    ParsedFamily sizes = f.get("node_filesystem_size_bytes");
    if (sizes != null) { // a container whose root is an overlay has nothing left after the filters
      for (ParsedSample size : sizes.samples()) {
        ParsedSample avail = sample(f.get("node_filesystem_avail_bytes"), size.label("mountpoint"));
        assertThat(avail.value()).isBetween(0.0, size.value());
      }
    }

    double now = System.currentTimeMillis() / 1000.0;
    if (isLinux()) { // the stat collector's, Linux only
      double boot = value(f, "node_boot_time_seconds");
      assertThat(boot).isBetween(946684800.0, now); // after 2000-01-01, before now
    }
    assertThat(value(f, "node_time_seconds")).isCloseTo(now, org.assertj.core.data.Offset.offset(30.0));

    ParsedSample uname = f.get("node_uname_info").samples().get(0);
    assertThat(uname.value()).isEqualTo(1);
    assertThat(uname.label("nodename")).isNotBlank();
    assertThat(uname.label("release")).isNotBlank();
    if (isLinux()) {
      assertThat(uname.label("sysname")).isEqualTo("Linux");
    }
  }

  @Test
  void procAndOshiAgreeOnTheKernelsOwnFigures() throws Exception {
    assumeTrue(isLinux() && Files.isReadable(Path.of("/proc/meminfo")), "needs Linux /proc");
    Map<String, ParsedFamily> proc = scrape(HostBackend.PROC);
    Map<String, ParsedFamily> oshi = scrape(HostBackend.OSHI);

    assertThat(value(oshi, "node_memory_MemTotal_bytes")).isEqualTo(value(proc, "node_memory_MemTotal_bytes"));
    assertThat(value(oshi, "node_memory_SwapTotal_bytes")).isEqualTo(value(proc, "node_memory_SwapTotal_bytes"));
    assertThat(oshi.get("node_cpu_seconds_total").samples()).hasSameSizeAs(proc.get("node_cpu_seconds_total").samples());
    assertThat(oshi.get("node_uname_info").samples().get(0).label("nodename"))
        .isEqualTo(proc.get("node_uname_info").samples().get(0).label("nodename"));
  }

  private static ParsedSample sample(ParsedFamily family, String mountpoint) {
    return family.samples().stream().filter(s -> mountpoint.equals(s.label("mountpoint"))).findFirst().orElseThrow();
  }

  private static boolean isLinux() {
    return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
  }
}
