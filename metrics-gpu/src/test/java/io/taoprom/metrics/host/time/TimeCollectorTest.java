package io.taoprom.metrics.host.time;

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
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeCollectorTest {

  /** A fixed clock and zone, with the clocksources of {@code sys} (none when null). */
  private static TimeSource fixed(String instant, String zone, SysFs sys) {
    return new TimeSource() {
      @Override
      public Instant now() {
        return Instant.parse(instant);
      }

      @Override
      public ZoneId zone() {
        return ZoneId.of(zone);
      }

      @Override
      public List<Clocksource> clocksources() throws IOException {
        return sys == null ? List.of() : SystemTimeSource.linux(sys).clocksources();
      }
    };
  }

  private static SysFs fixture(String machine) throws URISyntaxException {
    return SysFs.at(Path.of(TimeCollectorTest.class.getResource("/io/taoprom/metrics/host/time/" + machine).toURI()));
  }

  @Test
  void goldenTextOfThisVm() throws Exception {
    TimeCollector collector = new TimeCollector(fixed("2026-11-24T23:21:08.830880200Z", "UTC", fixture("vm")));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_time_clocksource_available_info Available clocksources read from '/sys/devices/system/clocksource'.
            # TYPE node_time_clocksource_available_info gauge
            node_time_clocksource_available_info{clocksource="kvm-clock",device="0"} 1.0
            # HELP node_time_clocksource_current_info Current clocksource read from '/sys/devices/system/clocksource'.
            # TYPE node_time_clocksource_current_info gauge
            node_time_clocksource_current_info{clocksource="kvm-clock",device="0"} 1.0
            # HELP node_time_seconds System time in seconds since epoch (1970).
            # TYPE node_time_seconds gauge
            node_time_seconds 1.7955624688308802E9
            # HELP node_time_zone_offset_seconds System time zone offset in seconds.
            # TYPE node_time_zone_offset_seconds gauge
            node_time_zone_offset_seconds{time_zone="UTC"} 0.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerWithSeveralClocksources() throws Exception {
    TimeCollector collector = new TimeCollector(fixed("2026-07-01T12:00:00Z", "Europe/Berlin", fixture("gpu-server")));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_time_clocksource_available_info Available clocksources read from '/sys/devices/system/clocksource'.
            # TYPE node_time_clocksource_available_info gauge
            node_time_clocksource_available_info{clocksource="acpi_pm",device="0"} 1.0
            node_time_clocksource_available_info{clocksource="hpet",device="0"} 1.0
            node_time_clocksource_available_info{clocksource="tsc",device="0"} 1.0
            # HELP node_time_clocksource_current_info Current clocksource read from '/sys/devices/system/clocksource'.
            # TYPE node_time_clocksource_current_info gauge
            node_time_clocksource_current_info{clocksource="tsc",device="0"} 1.0
            # HELP node_time_seconds System time in seconds since epoch (1970).
            # TYPE node_time_seconds gauge
            node_time_seconds 1.7829072E9
            # HELP node_time_zone_offset_seconds System time zone offset in seconds.
            # TYPE node_time_zone_offset_seconds gauge
            node_time_zone_offset_seconds{time_zone="CEST"} 7200.0
            """);
  }

  @Test
  void withoutClocksourcesOnlyTheClockIsServed() {
    String text = HostFixtures.text(new TimeCollector(fixed("2026-01-01T12:00:00Z", "UTC", null)));

    assertThat(text).contains("node_time_seconds ").doesNotContain("clocksource");
  }

  @Test
  void devicesAreLabelledByTheirPositionInNameOrder(@TempDir Path dir) throws IOException {
    for (String device : List.of("clocksource0", "clocksource1", "clocksource10")) {
      Path d = Files.createDirectories(dir.resolve("devices/system/clocksource/" + device));
      Files.writeString(d.resolve("available_clocksource"), device + "a " + device + "a\n"); // listed twice
      Files.writeString(d.resolve("current_clocksource"), device + "a\n");
    }

    List<TimeSource.Clocksource> found = SystemTimeSource.linux(SysFs.at(dir)).clocksources();
    assertThat(found).extracting(TimeSource.Clocksource::device).containsExactly("0", "1", "2");
    assertThat(found.get(2).current()).isEqualTo("clocksource10a");
    assertThat(HostFixtures.text(new TimeCollector(fixed("2026-01-01T12:00:00Z", "UTC", SysFs.at(dir)))))
        .contains("node_time_clocksource_available_info{clocksource=\"clocksource0a\",device=\"0\"} 1.0\n"
            + "node_time_clocksource_available_info{clocksource=\"clocksource10a\",device=\"2\"} 1.0\n"
            + "node_time_clocksource_available_info{clocksource=\"clocksource1a\",device=\"1\"} 1.0\n"
            + "# HELP");
  }

  @Test
  void aMachineWithoutTheClocksourceDirectoryHasNone(@TempDir Path dir) throws IOException {
    assertThat(SystemTimeSource.linux(SysFs.at(dir)).clocksources()).isEmpty();
  }

  @Test
  void aDeviceMissingAnAttributeFailsTheCollectorNamingIt(@TempDir Path dir) throws IOException {
    Path d = Files.createDirectories(dir.resolve("devices/system/clocksource/clocksource0"));
    Files.writeString(d.resolve("available_clocksource"), "tsc\n");

    assertThatThrownBy(() -> new TimeCollector(fixed("2026-01-01T12:00:00Z", "UTC", SysFs.at(dir))).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(d.resolve("current_clocksource") + " is missing");
  }

  @Test
  void onlyClocksourceFollowedByADigitIsADevice() {
    assertThat(SystemTimeSource.isDevice("clocksource0")).isTrue();
    assertThat(SystemTimeSource.isDevice("clocksource12")).isTrue();
    assertThat(SystemTimeSource.isDevice("clocksource")).isFalse();
    assertThat(SystemTimeSource.isDevice("clocksourcex")).isFalse();
    assertThat(SystemTimeSource.isDevice("power")).isFalse();
  }

  @Test
  void zoneOffsetAndAbbreviationFollowDaylightSaving() {
    String summer = HostFixtures.text(new TimeCollector(fixed("2026-07-01T12:00:00Z", "Europe/Berlin", null)));
    String winter = HostFixtures.text(new TimeCollector(fixed("2026-01-01T12:00:00Z", "Europe/Berlin", null)));

    assertThat(summer).contains("node_time_zone_offset_seconds{time_zone=\"CEST\"} 7200.0");
    assertThat(winter).contains("node_time_zone_offset_seconds{time_zone=\"CET\"} 3600.0");
  }

  @Test
  void zonesWithoutAbbreviationAreNamedByOffsetAsInTheTzDatabase() {
    assertThat(TimeCollector.offsetStyle("GMT+04:00")).isEqualTo("+04");
    assertThat(TimeCollector.offsetStyle("GMT-09:30")).isEqualTo("-0930");
    assertThat(TimeCollector.offsetStyle("GMT")).isEqualTo("GMT");
    assertThat(TimeCollector.offsetStyle("CEST")).isEqualTo("CEST");
    assertThat(TimeCollector.abbreviation(ZoneId.of("America/New_York"), Instant.parse("2026-07-01T12:00:00Z")))
        .isEqualTo("EDT");
  }
}
