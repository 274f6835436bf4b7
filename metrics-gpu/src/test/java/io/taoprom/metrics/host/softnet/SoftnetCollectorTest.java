package io.taoprom.metrics.host.softnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden text from this VM (node_exporter 1.5 gives the same for the three families it has) and
 * a 128-CPU GPU server with CPU 100 offline, where the CPU number comes from the kernel's own
 * column as in upstream node_exporter (1.5 numbered lines, so it labels the CPUs after 100 one
 * lower).
 */
class SoftnetCollectorTest {

  @Test
  void goldenTextOfThisVm() {
    assertThat(HostFixtures.text(new SoftnetCollector(HostFixtures.proc("softnet", "vm"))))
        .isEqualTo(
            """
            # HELP node_softnet_backlog_len Softnet backlog status
            # TYPE node_softnet_backlog_len gauge
            node_softnet_backlog_len{cpu="0"} 0.0
            node_softnet_backlog_len{cpu="1"} 0.0
            # HELP node_softnet_cpu_collision_total Number of collision occur while obtaining device lock while transmitting
            # TYPE node_softnet_cpu_collision_total counter
            node_softnet_cpu_collision_total{cpu="0"} 0.0
            node_softnet_cpu_collision_total{cpu="1"} 0.0
            # HELP node_softnet_dropped_total Number of dropped packets
            # TYPE node_softnet_dropped_total counter
            node_softnet_dropped_total{cpu="0"} 0.0
            node_softnet_dropped_total{cpu="1"} 0.0
            # HELP node_softnet_flow_limit_count_total Number of times flow limit has been reached
            # TYPE node_softnet_flow_limit_count_total counter
            node_softnet_flow_limit_count_total{cpu="0"} 0.0
            node_softnet_flow_limit_count_total{cpu="1"} 0.0
            # HELP node_softnet_processed_total Number of processed packets
            # TYPE node_softnet_processed_total counter
            node_softnet_processed_total{cpu="0"} 297680.0
            node_softnet_processed_total{cpu="1"} 290286.0
            # HELP node_softnet_received_rps_total Number of times cpu woken up received_rps
            # TYPE node_softnet_received_rps_total counter
            node_softnet_received_rps_total{cpu="0"} 0.0
            node_softnet_received_rps_total{cpu="1"} 0.0
            # HELP node_softnet_times_squeezed_total Number of times processing packets ran out of quota
            # TYPE node_softnet_times_squeezed_total counter
            node_softnet_times_squeezed_total{cpu="0"} 0.0
            node_softnet_times_squeezed_total{cpu="1"} 0.0
            """);
  }

  @Test
  void aGpuServerWithAnOfflineCpuIsLabelledByTheKernelsCpuNumbers() {
    String text = HostFixtures.text(new SoftnetCollector(HostFixtures.proc("softnet", "gpu-server")));

    assertThat(text.lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(127 * 7);
    assertThat(text).doesNotContain("cpu=\"100\"").doesNotContain("cpu=\"128\"").contains(
        "node_softnet_processed_total{cpu=\"7\"} 4.294967295E9",
        "node_softnet_backlog_len{cpu=\"1\"} 2.0",
        "node_softnet_flow_limit_count_total{cpu=\"0\"} 12.0",
        "node_softnet_received_rps_total{cpu=\"0\"} 951713.0",
        "node_softnet_times_squeezed_total{cpu=\"101\"} 49868.0",
        "node_softnet_times_squeezed_total{cpu=\"127\"} 67408.0");
  }

  /** A 5.4 kernel: eleven columns, no CPU number (lines count up), no backlog length (0). */
  @Test
  void goldenTextOfAnOlderKernel(@TempDir Path root) {
    HostFixtures.write(root, "net/softnet_stat",
        "0000272d 00000001 00000002 00000000 00000000 00000000 00000000 00000000 00000003 00000004 00000005\n"
            + "ffffffff 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n");

    assertThat(HostFixtures.text(new SoftnetCollector(ProcFs.at(root))))
        .isEqualTo(
            """
            # HELP node_softnet_backlog_len Softnet backlog status
            # TYPE node_softnet_backlog_len gauge
            node_softnet_backlog_len{cpu="0"} 0.0
            node_softnet_backlog_len{cpu="1"} 0.0
            # HELP node_softnet_cpu_collision_total Number of collision occur while obtaining device lock while transmitting
            # TYPE node_softnet_cpu_collision_total counter
            node_softnet_cpu_collision_total{cpu="0"} 3.0
            node_softnet_cpu_collision_total{cpu="1"} 0.0
            # HELP node_softnet_dropped_total Number of dropped packets
            # TYPE node_softnet_dropped_total counter
            node_softnet_dropped_total{cpu="0"} 1.0
            node_softnet_dropped_total{cpu="1"} 0.0
            # HELP node_softnet_flow_limit_count_total Number of times flow limit has been reached
            # TYPE node_softnet_flow_limit_count_total counter
            node_softnet_flow_limit_count_total{cpu="0"} 5.0
            node_softnet_flow_limit_count_total{cpu="1"} 0.0
            # HELP node_softnet_processed_total Number of processed packets
            # TYPE node_softnet_processed_total counter
            node_softnet_processed_total{cpu="0"} 10029.0
            node_softnet_processed_total{cpu="1"} 4.294967295E9
            # HELP node_softnet_received_rps_total Number of times cpu woken up received_rps
            # TYPE node_softnet_received_rps_total counter
            node_softnet_received_rps_total{cpu="0"} 4.0
            node_softnet_received_rps_total{cpu="1"} 0.0
            # HELP node_softnet_times_squeezed_total Number of times processing packets ran out of quota
            # TYPE node_softnet_times_squeezed_total counter
            node_softnet_times_squeezed_total{cpu="0"} 2.0
            node_softnet_times_squeezed_total{cpu="1"} 0.0
            """);
  }

  @Test
  void noFileNoSeries(@TempDir Path empty) {
    assertThat(HostFixtures.text(new SoftnetCollector(ProcFs.at(empty)))).isEmpty();
  }

  @Test
  void aLineOfFewerThanNineColumnsNamesFileAndLine(@TempDir Path root) {
    HostFixtures.write(root, "net/softnet_stat", "00000001 00000002 00000003\n");

    assertThatThrownBy(() -> new SoftnetCollector(ProcFs.at(root)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("net/softnet_stat") + " line 1: expected at least 9 hexadecimal columns");
  }

  @Test
  void aColumnWiderThan32BitsIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/softnet_stat", "100000000 0 0 0 0 0 0 0 0\n");

    assertThatThrownBy(() -> new SoftnetCollector(ProcFs.at(root)).collect())
        .hasMessageContaining("line 1: expected 32-bit hexadecimal columns");
  }

  @Test
  void aCpuNumberTwiceIsRejected(@TempDir Path root) {
    String line = "00000001 0 0 0 0 0 0 0 0 0 0 0 00000004 0 0\n";
    HostFixtures.write(root, "net/softnet_stat", line + line);

    assertThatThrownBy(() -> new SoftnetCollector(ProcFs.at(root)).collect())
        .hasMessageContaining("line 2: expected a CPU number not seen before, not 4");
  }

  @Test
  void aColumnThatIsNotHexadecimalIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/softnet_stat", "0000000g 0 0 0 0 0 0 0 0\n");

    assertThatThrownBy(() -> new SoftnetCollector(ProcFs.at(root)).collect())
        .hasMessageContaining("line 1: expected a hexadecimal number");
  }
}
