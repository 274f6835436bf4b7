package io.taoprom.metrics.host.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorTest {

  @Test
  void goldenTextForTwoCpusWithGuestTimes() {
    CpuCollector collector =
        new CpuCollector(
            () ->
                List.of(
                    new CpuSource.CpuTimes("0", 129.42, 0.03, 24.24, 604.25, 0.83, 0.07, 1.02, 1.52, 0.11, 0.02),
                    new CpuSource.CpuTimes("1", 249.13, 0, 29.68, 475.18, 4.99, 0, 1.36, 0.47, 0, 0)));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_cpu_guest_seconds_total Seconds the CPUs spent in guests (VMs) for each mode.
            # TYPE node_cpu_guest_seconds_total counter
            node_cpu_guest_seconds_total{cpu="0",mode="nice"} 0.02
            node_cpu_guest_seconds_total{cpu="0",mode="user"} 0.11
            node_cpu_guest_seconds_total{cpu="1",mode="nice"} 0.0
            node_cpu_guest_seconds_total{cpu="1",mode="user"} 0.0
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 604.25
            node_cpu_seconds_total{cpu="0",mode="iowait"} 0.83
            node_cpu_seconds_total{cpu="0",mode="irq"} 0.07
            node_cpu_seconds_total{cpu="0",mode="nice"} 0.03
            node_cpu_seconds_total{cpu="0",mode="softirq"} 1.02
            node_cpu_seconds_total{cpu="0",mode="steal"} 1.52
            node_cpu_seconds_total{cpu="0",mode="system"} 24.24
            node_cpu_seconds_total{cpu="0",mode="user"} 129.42
            node_cpu_seconds_total{cpu="1",mode="idle"} 475.18
            node_cpu_seconds_total{cpu="1",mode="iowait"} 4.99
            node_cpu_seconds_total{cpu="1",mode="irq"} 0.0
            node_cpu_seconds_total{cpu="1",mode="nice"} 0.0
            node_cpu_seconds_total{cpu="1",mode="softirq"} 1.36
            node_cpu_seconds_total{cpu="1",mode="steal"} 0.47
            node_cpu_seconds_total{cpu="1",mode="system"} 29.68
            node_cpu_seconds_total{cpu="1",mode="user"} 249.13
            """);
  }

  @Test
  void leavesOutGuestFamilyWhenSourceCannotTell() {
    CpuCollector collector =
        new CpuCollector(
            () ->
                List.of(
                    new CpuSource.CpuTimes(
                        "0", 1, 2, 3, 4, 5, 6, 7, 8, Double.NaN, Double.NaN)));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 4.0
            node_cpu_seconds_total{cpu="0",mode="iowait"} 5.0
            node_cpu_seconds_total{cpu="0",mode="irq"} 6.0
            node_cpu_seconds_total{cpu="0",mode="nice"} 2.0
            node_cpu_seconds_total{cpu="0",mode="softirq"} 7.0
            node_cpu_seconds_total{cpu="0",mode="steal"} 8.0
            node_cpu_seconds_total{cpu="0",mode="system"} 3.0
            node_cpu_seconds_total{cpu="0",mode="user"} 1.0
            """);
  }

  @Test
  void procSourceReadsUserHzTicksOfEachCpuAndSkipsTheTotalLine() throws IOException {
    List<CpuSource.CpuTimes> cpus = new ProcStatCpuSource(HostFixtures.fixtureProc()).read();

    assertThat(cpus)
        .containsExactly(
            new CpuSource.CpuTimes("0", 129.42, 0.03, 24.24, 604.25, 0.83, 0.07, 1.02, 1.52, 0.11, 0.02),
            new CpuSource.CpuTimes("1", 249.13, 0, 29.68, 475.18, 4.99, 0, 1.36, 0.47, 0, 0));
  }

  @Test
  void procSourceReadsOldKernelsWithFewerColumnsAsZero(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("stat"), "cpu  10 20 30 40\ncpu0 100 200 300 400 500\nbtime 1\n");

    assertThat(new ProcStatCpuSource(ProcFs.at(dir)).read())
        .containsExactly(new CpuSource.CpuTimes("0", 1, 2, 3, 4, 5, 0, 0, 0, 0, 0));
  }

  @Test
  void procSourceWithoutCpuLinesFailsTheCollectionNamingTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("stat"), "btime 1\n");
    CpuCollector collector = new CpuCollector(new ProcStatCpuSource(ProcFs.at(dir)));

    assertThatThrownBy(collector::collect)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(dir.resolve("stat").toString());
  }
}
