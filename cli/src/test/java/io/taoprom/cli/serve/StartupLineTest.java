package io.taoprom.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.CollectorStatus;
import io.taoprom.exporter.spi.Availability;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupLineTest {

  private static CollectorStatus status(String name, boolean enabled, Availability availability) {
    return new CollectorStatus(name, "", enabled, availability, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void namesAddressRunningAndUnavailableCollectors() {
    String line = StartupLine.of(ListenAddress.parse("127.0.0.1:9400"), List.of(
        status("cpu", true, Availability.AVAILABLE),
        status("nvml", true, Availability.unavailable("no NVIDIA driver: libnvidia-ml.so.1 not found")),
        status("textfile", false, Availability.AVAILABLE),
        status("cuda", false, Availability.unavailable("no CUDA driver")),
        status("meminfo", true, Availability.AVAILABLE)), List.of());
    assertThat(line).isEqualTo("taoprom: serving http://127.0.0.1:9400/metrics; collectors: cpu, meminfo;"
        + " unavailable: nvml (no NVIDIA driver: libnvidia-ml.so.1 not found)");
  }

  @Test
  void everyInterfaceAndLoadFailures() {
    String line = StartupLine.of(ListenAddress.parse(":7091"), List.of(), List.of("Provider x.Y could not be instantiated"));
    assertThat(line).isEqualTo("taoprom: serving http://localhost:7091/metrics (all interfaces); collectors: none;"
        + " 1 plugin failed to load (see 'taoprom collectors')");
  }

  @Test
  void ipv6() {
    assertThat(StartupLine.of(ListenAddress.parse("[::1]:7091"), List.of(status("cpu", true, Availability.AVAILABLE)), List.of()))
        .startsWith("taoprom: serving http://[::1]:7091/metrics; collectors: cpu");
  }
}
