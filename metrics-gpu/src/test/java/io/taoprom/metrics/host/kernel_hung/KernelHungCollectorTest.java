package io.taoprom.metrics.host.kernel_hung;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelHungCollectorTest {

  private static ProcFs fixture(String machine) throws URISyntaxException {
    return ProcFs.at(Path.of(KernelHungCollectorTest.class.getResource("/io/taoprom/metrics/host/kernel_hung/" + machine).toURI()));
  }

  @Test
  void goldenTextOfThisVm() throws Exception {
    assertThat(HostFixtures.text(new KernelHungCollector(fixture("vm"))))
        .isEqualTo(
            """
            # HELP node_kernel_hung_tasks_total Total number of tasks that have been detected as hung since the system booted.
            # TYPE node_kernel_hung_tasks_total counter
            node_kernel_hung_tasks_total 0.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerWithHungTasks() throws Exception {
    assertThat(HostFixtures.text(new KernelHungCollector(fixture("gpu-server"))))
        .isEqualTo(
            """
            # HELP node_kernel_hung_tasks_total Total number of tasks that have been detected as hung since the system booted.
            # TYPE node_kernel_hung_tasks_total counter
            node_kernel_hung_tasks_total 3.0
            """);
  }

  @Test
  void aKernelWithoutTheCounterYieldsNothing(@TempDir Path dir) {
    assertThat(HostFixtures.text(new KernelHungCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void anEmptyOrMalformedFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = Files.createDirectories(dir.resolve("sys/kernel")).resolve("hung_task_detect_count");
    Files.writeString(file, "");

    assertThatThrownBy(() -> new KernelHungCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(file + " line 1 is not one number: \"\"");

    Files.writeString(file, "3.5\n");
    assertThatThrownBy(() -> new KernelHungCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining(file + " line 1 is malformed: \"3.5\"");
  }
}
