package io.taoprom.metrics.host.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatCollectorTest {

  private static ProcFs fixture(String machine) throws URISyntaxException {
    return ProcFs.at(Path.of(StatCollectorTest.class.getResource("/io/taoprom/metrics/host/stat/" + machine).toURI()));
  }

  @Test
  void goldenTextOfThisVm() throws Exception {
    assertThat(HostFixtures.text(new StatCollector(new ProcStat(fixture("vm")), false)))
        .isEqualTo(
            """
            # HELP node_boot_time_seconds Node boot time, in unixtime.
            # TYPE node_boot_time_seconds gauge
            node_boot_time_seconds 1.796596374E9
            # HELP node_context_switches_total Total number of context switches.
            # TYPE node_context_switches_total counter
            node_context_switches_total 4550205.0
            # HELP node_forks_total Total number of forks.
            # TYPE node_forks_total counter
            node_forks_total 164322.0
            # HELP node_intr_total Total number of interrupts serviced.
            # TYPE node_intr_total counter
            node_intr_total 1616915.0
            # HELP node_procs_blocked Number of processes blocked waiting for I/O to complete.
            # TYPE node_procs_blocked gauge
            node_procs_blocked 0.0
            # HELP node_procs_running Number of processes in runnable state.
            # TYPE node_procs_running gauge
            node_procs_running 4.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerWithSoftirqs() throws Exception {
    assertThat(HostFixtures.text(new StatCollector(new ProcStat(fixture("gpu-server")), true)))
        .isEqualTo(
            """
            # HELP node_boot_time_seconds Node boot time, in unixtime.
            # TYPE node_boot_time_seconds gauge
            node_boot_time_seconds 1.789012345E9
            # HELP node_context_switches_total Total number of context switches.
            # TYPE node_context_switches_total counter
            node_context_switches_total 9.8765432101234E13
            # HELP node_forks_total Total number of forks.
            # TYPE node_forks_total counter
            node_forks_total 3.1415926E7
            # HELP node_intr_total Total number of interrupts serviced.
            # TYPE node_intr_total counter
            node_intr_total 5.44266529489E11
            # HELP node_procs_blocked Number of processes blocked waiting for I/O to complete.
            # TYPE node_procs_blocked gauge
            node_procs_blocked 4.0
            # HELP node_procs_running Number of processes in runnable state.
            # TYPE node_procs_running gauge
            node_procs_running 97.0
            # HELP node_softirqs_total Number of softirq calls.
            # TYPE node_softirqs_total counter
            node_softirqs_total{vector="block"} 5.5555555E7
            node_softirqs_total{vector="block_iopoll"} 0.0
            node_softirqs_total{vector="hi"} 12.0
            node_softirqs_total{vector="hrtimer"} 314159.0
            node_softirqs_total{vector="net_rx"} 9.87654321E8
            node_softirqs_total{vector="net_tx"} 33.0
            node_softirqs_total{vector="rcu"} 1.618033988E9
            node_softirqs_total{vector="sched"} 2.222222222E9
            node_softirqs_total{vector="tasklet"} 77.0
            node_softirqs_total{vector="timer"} 4.123456789E9
            """);
  }

  @Test
  void theSoftirqOptionIsABoolean() {
    assertThat(StatPlugin.softirq(CollectorConfig.empty())).isFalse();
    assertThat(StatPlugin.softirq(CollectorConfig.of(Map.of(StatPlugin.SOFTIRQ, List.of("true"))))).isTrue();
    assertThatThrownBy(() -> StatPlugin.softirq(CollectorConfig.of(Map.of(StatPlugin.SOFTIRQ, List.of("maybe")))))
        .hasMessage("option stat.softirq must be true or false, got 'maybe'");
  }

  @Test
  void aFileWithoutBtimeIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("stat"), "cpu  1 2 3 4\nintr 5 0 0\nctxt 6\nprocesses 7\nprocs_running 1\nprocs_blocked 0\n");

    assertThatThrownBy(() -> new StatCollector(new ProcStat(ProcFs.at(dir)), false).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(dir.resolve("stat") + " has no btime line");
  }

  @Test
  void aTruncatedFileIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("stat"), "cpu  1 2 3 4\ncpu0 1 2 3 4\nintr 5 0 0\nctxt 6\nbti");

    assertThatThrownBy(() -> new ProcStat(ProcFs.at(dir)).read(false))
        .isInstanceOf(MalformedFileException.class)
        .hasMessage(dir.resolve("stat") + " has no btime line");
  }

  @Test
  void aMalformedNumberIsQuotedEscapedWithItsLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("stat"), "intr 5\nctxt 6\u001b[2J\nbtime 1\n");

    assertThatThrownBy(() -> new ProcStat(ProcFs.at(dir)).read(false))
        .isInstanceOf(MalformedFileException.class)
        .hasMessage(dir.resolve("stat") + " line 2 is malformed: \"ctxt 6\\x1b[2J\"");
  }

  @Test
  void softirqsAskedOfAKernelWithoutThemAreRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("stat"), "intr 5\nctxt 6\nbtime 1\nprocesses 7\nprocs_running 1\nprocs_blocked 0\n");
    assertThat(new ProcStat(ProcFs.at(dir)).read(false).softirqs()).isNull();

    assertThatThrownBy(() -> new ProcStat(ProcFs.at(dir)).read(true))
        .hasMessageContaining("has no softirq line");
    Files.writeString(dir.resolve("stat"), "intr 5\nctxt 6\nbtime 1\nprocesses 7\nprocs_running 1\nprocs_blocked 0\nsoftirq 3 1 2\n");
    assertThatThrownBy(() -> new ProcStat(ProcFs.at(dir)).read(true))
        .hasMessage(dir.resolve("stat") + " line 7 has fewer than 10 softirq vectors: \"softirq 3 1 2\"");
  }

  @Test
  void anUnreadableFileFailsTheCollector(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("stat")); // read(2) on a directory fails with EISDIR

    assertThatThrownBy(() -> new StatCollector(new ProcStat(ProcFs.at(dir)), false).collect())
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void linuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new StatPlugin().availability().available()).isEqualTo(linux);
  }
}
