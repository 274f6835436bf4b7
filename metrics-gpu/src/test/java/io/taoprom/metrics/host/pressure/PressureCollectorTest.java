package io.taoprom.metrics.host.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PressureCollectorTest {

  private static ProcFs fixture(String machine) throws URISyntaxException {
    return ProcFs.at(Path.of(PressureCollectorTest.class.getResource("/io/taoprom/metrics/host/pressure/" + machine).toURI()));
  }

  @Test
  void goldenTextOfThisVm() throws Exception {
    assertThat(HostFixtures.text(new PressureCollector(fixture("vm"))))
        .isEqualTo(
            """
            # HELP node_pressure_cpu_waiting_seconds_total Total time in seconds that processes have waited for CPU time
            # TYPE node_pressure_cpu_waiting_seconds_total counter
            node_pressure_cpu_waiting_seconds_total 837.263517
            # HELP node_pressure_io_stalled_seconds_total Total time in seconds no process could make progress due to IO congestion
            # TYPE node_pressure_io_stalled_seconds_total counter
            node_pressure_io_stalled_seconds_total 2.362253
            # HELP node_pressure_io_waiting_seconds_total Total time in seconds that processes have waited due to IO congestion
            # TYPE node_pressure_io_waiting_seconds_total counter
            node_pressure_io_waiting_seconds_total 4.989059
            # HELP node_pressure_memory_stalled_seconds_total Total time in seconds no process could make progress due to memory congestion
            # TYPE node_pressure_memory_stalled_seconds_total counter
            node_pressure_memory_stalled_seconds_total 0.0
            # HELP node_pressure_memory_waiting_seconds_total Total time in seconds that processes have waited for memory
            # TYPE node_pressure_memory_waiting_seconds_total counter
            node_pressure_memory_waiting_seconds_total 0.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerWithIrqPressure() throws Exception {
    assertThat(HostFixtures.text(new PressureCollector(fixture("gpu-server"))))
        .isEqualTo(
            """
            # HELP node_pressure_cpu_waiting_seconds_total Total time in seconds that processes have waited for CPU time
            # TYPE node_pressure_cpu_waiting_seconds_total counter
            node_pressure_cpu_waiting_seconds_total 918273.645546
            # HELP node_pressure_io_stalled_seconds_total Total time in seconds no process could make progress due to IO congestion
            # TYPE node_pressure_io_stalled_seconds_total counter
            node_pressure_io_stalled_seconds_total 48210.034567
            # HELP node_pressure_io_waiting_seconds_total Total time in seconds that processes have waited due to IO congestion
            # TYPE node_pressure_io_waiting_seconds_total counter
            node_pressure_io_waiting_seconds_total 53311.089123000005
            # HELP node_pressure_irq_stalled_seconds_total Total time in seconds no process could make progress due to IRQ congestion
            # TYPE node_pressure_irq_stalled_seconds_total counter
            node_pressure_irq_stalled_seconds_total 2718.281828
            # HELP node_pressure_memory_stalled_seconds_total Total time in seconds no process could make progress due to memory congestion
            # TYPE node_pressure_memory_stalled_seconds_total counter
            node_pressure_memory_stalled_seconds_total 401.23456699999997
            # HELP node_pressure_memory_waiting_seconds_total Total time in seconds that processes have waited for memory
            # TYPE node_pressure_memory_waiting_seconds_total counter
            node_pressure_memory_waiting_seconds_total 812.3456779999999
            """);
  }

  @Test
  void aKernelWithoutPsiYieldsNothing(@TempDir Path dir) {
    assertThat(HostFixtures.text(new PressureCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void psiSwitchedOffYieldsNothing() throws Exception {
    ProcFs proc = fixture("vm");
    // With psi=0 on the kernel command line the files are there but open(2) fails with EOPNOTSUPP.
    PressureCollector collector = new PressureCollector(proc, relative -> {
      throw new FileSystemException(proc.path(relative).toString(), null, "Operation not supported");
    });

    assertThat(HostFixtures.text(collector)).isEmpty();
  }

  @Test
  void aResourceWithoutItsFileIsLeftOut(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("pressure"));
    Files.writeString(dir.resolve("pressure/memory"),
        "some avg10=0.00 avg60=0.00 avg300=0.00 total=1500000\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=250\n");

    assertThat(HostFixtures.text(new PressureCollector(ProcFs.at(dir))))
        .isEqualTo(
            """
            # HELP node_pressure_memory_stalled_seconds_total Total time in seconds no process could make progress due to memory congestion
            # TYPE node_pressure_memory_stalled_seconds_total counter
            node_pressure_memory_stalled_seconds_total 2.5E-4
            # HELP node_pressure_memory_waiting_seconds_total Total time in seconds that processes have waited for memory
            # TYPE node_pressure_memory_waiting_seconds_total counter
            node_pressure_memory_waiting_seconds_total 1.5
            """);
  }

  @Test
  void anIoFileWithoutItsFullLineIsRefused(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("pressure"));
    Files.writeString(dir.resolve("pressure/io"), "some avg10=0.00 avg60=0.00 avg300=0.00 total=15\n");

    assertThatThrownBy(() -> new PressureCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(dir.resolve("pressure/io") + " has no \"full\" line");
  }

  @Test
  void aLineInAnotherFormatIsRefusedQuoted(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("pressure"));
    Files.writeString(dir.resolve("pressure/cpu"), "some avg10=0.00 avg60=0.00 total=15\n");

    assertThatThrownBy(() -> new PressureCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining(dir.resolve("pressure/cpu")
            + " line 1 is not \"some|full avg10=A avg60=A avg300=A total=N\": \"some avg10=0.00 avg60=0.00 total=15\"");

    Files.writeString(dir.resolve("pressure/cpu"), "some avg10=0.00 avg60=0.00 avg300=0.00 total=-15\n");
    assertThatThrownBy(() -> new PressureCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 1 has a total that is not a whole number");

    Files.writeString(dir.resolve("pressure/cpu"), "most avg10=0.00 avg60=0.00 avg300=0.00 total=15\n");
    assertThatThrownBy(() -> new PressureCollector(ProcFs.at(dir)).collect()).hasMessageContaining("line 1 is not");
  }

  @Test
  void anUnreadableFileFailsTheCollector(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("pressure/cpu")); // EISDIR on read

    assertThatThrownBy(() -> new PressureCollector(ProcFs.at(dir)).collect()).isInstanceOf(UncheckedIOException.class);
  }
}
