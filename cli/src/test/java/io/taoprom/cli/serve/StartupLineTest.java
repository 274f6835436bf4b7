package io.taoprom.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.exporter.CollectorStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    StartupLine line = StartupLine.of(ListenAddress.parse("127.0.0.1:9400"), List.of(
        status("cpu", true, Availability.AVAILABLE),
        status("nvml", true, Availability.unavailable("no NVIDIA driver: libnvidia-ml.so.1 not found")),
        status("textfile", false, Availability.AVAILABLE),
        status("cuda", false, Availability.unavailable("no CUDA driver")),
        status("meminfo", true, Availability.AVAILABLE)), List.of());
    assertThat(line.msg()).isEqualTo("serving http://127.0.0.1:9400/metrics");
    assertThat(line.keyValues()).containsExactly("collectors", "cpu,meminfo",
        "unavailable", "nvml (no NVIDIA driver: libnvidia-ml.so.1 not found)");
  }

  @Test
  void everyInterfaceAndLoadFailures() {
    StartupLine line = StartupLine.of(ListenAddress.parse(":7091"), List.of(), List.of("Provider x.Y could not be instantiated"));
    assertThat(line.msg()).isEqualTo("serving http://localhost:7091/metrics");
    assertThat(line.keyValues()).containsExactly("interfaces", "all", "collectors", "none",
        "plugins_failed", "1 (see 'taoprom collectors')");
  }

  @Test
  void ipv6() {
    assertThat(StartupLine.of(ListenAddress.parse("[::1]:7091"), List.of(status("cpu", true, Availability.AVAILABLE)), List.of())
        .msg()).isEqualTo("serving http://[::1]:7091/metrics");
  }

  @Test
  void tlsTelemetryPathAndTheRestAsLogfmt() {
    StartupLine line = StartupLine.of(ListenAddress.parse("127.0.0.1:9400"), true, "/node/metrics",
            List.of(status("cpu", true, Availability.AVAILABLE), status("nvml", true, Availability.unavailable("no NVIDIA driver"))),
            List.of())
        .with("web_config", "TLS 1.2+").with("push", null);
    StringWriter err = new StringWriter();
    line.logTo(ConsoleLog.to(new PrintWriter(err, true), "taoprom.serve"));
    assertThat(err.toString().replaceFirst("^time=\\S+ ", "")).isEqualTo("level=info source=taoprom.serve"
        + " msg=\"serving https://127.0.0.1:9400/node/metrics\" collectors=cpu unavailable=\"nvml (no NVIDIA driver)\""
        + " web_config=\"TLS 1.2+\"" + System.lineSeparator());
  }
}
