package io.taoprom.metrics.host.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogCollectorTest {

  private static SysFs fixture(String machine) throws URISyntaxException {
    return SysFs.at(Path.of(WatchdogCollectorTest.class.getResource("/io/taoprom/metrics/host/watchdog/" + machine).toURI()));
  }

  @Test
  void thisVmHasAnEmptyWatchdogClassAndYieldsNothing(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("class/watchdog")); // as on this VM: the class, no device
    assertThat(HostFixtures.text(new WatchdogCollector(new WatchdogClass(SysFs.at(dir))))).isEmpty();
    assertThat(HostFixtures.text(new WatchdogCollector(new WatchdogClass(SysFs.at(dir.resolve("none")))))).isEmpty();
  }

  @Test
  void goldenTextOfAGpuServerWithTheChipsetsAndTheSoftwareWatchdog() throws Exception {
    assertThat(HostFixtures.text(new WatchdogCollector(new WatchdogClass(fixture("gpu-server")))))
        .isEqualTo(
            """
            # HELP node_watchdog_bootstatus Value of /sys/class/watchdog/<watchdog>/bootstatus
            # TYPE node_watchdog_bootstatus gauge
            node_watchdog_bootstatus{name="watchdog0"} 0.0
            node_watchdog_bootstatus{name="watchdog1"} 32.0
            # HELP node_watchdog_fw_version Value of /sys/class/watchdog/<watchdog>/fw_version
            # TYPE node_watchdog_fw_version gauge
            node_watchdog_fw_version{name="watchdog0"} 0.0
            node_watchdog_fw_version{name="watchdog1"} 0.0
            # HELP node_watchdog_info Info of /sys/class/watchdog/<watchdog>
            # TYPE node_watchdog_info gauge
            node_watchdog_info{identity="Software Watchdog",name="watchdog1",options="0x8380",pretimeout_governor="noop",state="active",status="0x8000"} 1.0
            node_watchdog_info{identity="iTCO_wdt",name="watchdog0",options="0x8180",pretimeout_governor="",state="inactive",status="0x0"} 1.0
            # HELP node_watchdog_nowayout Value of /sys/class/watchdog/<watchdog>/nowayout
            # TYPE node_watchdog_nowayout gauge
            node_watchdog_nowayout{name="watchdog0"} 0.0
            node_watchdog_nowayout{name="watchdog1"} 1.0
            # HELP node_watchdog_pretimeout_seconds Value of /sys/class/watchdog/<watchdog>/pretimeout
            # TYPE node_watchdog_pretimeout_seconds gauge
            node_watchdog_pretimeout_seconds{name="watchdog1"} 0.0
            # HELP node_watchdog_timeleft_seconds Value of /sys/class/watchdog/<watchdog>/timeleft
            # TYPE node_watchdog_timeleft_seconds gauge
            node_watchdog_timeleft_seconds{name="watchdog0"} 30.0
            # HELP node_watchdog_timeout_seconds Value of /sys/class/watchdog/<watchdog>/timeout
            # TYPE node_watchdog_timeout_seconds gauge
            node_watchdog_timeout_seconds{name="watchdog0"} 30.0
            node_watchdog_timeout_seconds{name="watchdog1"} 60.0
            """);
  }

  @Test
  void aNumberThatIsNoneFailsNamingTheAttribute(@TempDir Path dir) throws IOException {
    Path device = Files.createDirectories(dir.resolve("class/watchdog/watchdog0"));
    Files.writeString(device.resolve("timeout"), "thirty\n");

    assertThatThrownBy(() -> new WatchdogCollector(new WatchdogClass(SysFs.at(dir))).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(device.resolve("timeout") + " line 1 is not an integer: \"thirty\"");
  }

  @Test
  void anUnreadableAttributeFails(@TempDir Path dir) throws IOException {
    Path device = Files.createDirectories(dir.resolve("class/watchdog/watchdog0"));
    Files.createDirectories(device.resolve("identity")); // EISDIR: not a refusal the driver may give

    assertThatThrownBy(() -> new WatchdogCollector(new WatchdogClass(SysFs.at(dir))).collect())
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void anAttributeTheDriverRefusesIsLeftOutButAnIoErrorFails() throws Exception {
    SysFs sys = fixture("gpu-server");
    WatchdogClass refusing = new WatchdogClass(sys, relative -> {
      if (relative.endsWith("watchdog0/timeleft")) {
        throw new IOException("Invalid argument"); // how Java reports read(2) failing with EINVAL
      }
      return sys.attribute(relative);
    });
    String text = HostFixtures.text(new WatchdogCollector(refusing));
    assertThat(text).doesNotContain("node_watchdog_timeleft_seconds").contains("node_watchdog_timeout_seconds{name=\"watchdog0\"} 30.0");

    WatchdogClass failing = new WatchdogClass(sys, relative -> {
      throw new IOException("Input/output error");
    });
    assertThatThrownBy(() -> new WatchdogCollector(failing).collect()).hasMessageContaining("Input/output error");
  }

  @Test
  void integersAreReadAsGosParseIntWithBaseZero() {
    assertThat(WatchdogClass.parseInteger("30")).isEqualTo(30);
    assertThat(WatchdogClass.parseInteger("0x8180")).isEqualTo(0x8180);
    assertThat(WatchdogClass.parseInteger("010")).isEqualTo(8);
    assertThat(WatchdogClass.parseInteger("0b101")).isEqualTo(5);
    assertThat(WatchdogClass.parseInteger("-1")).isEqualTo(-1);
    assertThat(WatchdogClass.parseInteger("0")).isEqualTo(0);
    assertThatThrownBy(() -> WatchdogClass.parseInteger("0x")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> WatchdogClass.parseInteger("\u0665")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> WatchdogClass.parseInteger("08")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> WatchdogClass.parseInteger("--1")).isInstanceOf(NumberFormatException.class);
  }
}
