package io.taoprom.metrics.host.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.Exposition;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeCollectorTest {

  private static TimeSource fixed(String instant, String zone, long boot) {
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
      public long bootTimeSeconds() {
        return boot;
      }
    };
  }

  @Test
  void goldenTextInUtc() {
    TimeCollector collector = new TimeCollector(fixed("2026-11-24T23:21:08.830880200Z", "UTC", 1795561770L));

    assertThat(Exposition.text(collector))
        .isEqualTo(
            """
            # HELP node_boot_time_seconds Node boot time, in unixtime.
            # TYPE node_boot_time_seconds gauge
            node_boot_time_seconds 1.79556177E9
            # HELP node_time_seconds System time in seconds since epoch (1970).
            # TYPE node_time_seconds gauge
            node_time_seconds 1.7955624688308802E9
            # HELP node_time_zone_offset_seconds System time zone offset in seconds.
            # TYPE node_time_zone_offset_seconds gauge
            node_time_zone_offset_seconds{time_zone="UTC"} 0.0
            """);
  }

  @Test
  void zoneOffsetAndAbbreviationFollowDaylightSaving() {
    String summer = Exposition.text(new TimeCollector(fixed("2026-07-01T12:00:00Z", "Europe/Berlin", 0)));
    String winter = Exposition.text(new TimeCollector(fixed("2026-01-01T12:00:00Z", "Europe/Berlin", 0)));

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

  @Test
  void procSourceReadsBtime() throws IOException {
    assertThat(SystemTimeSource.proc(Exposition.fixtureProc()).bootTimeSeconds()).isEqualTo(1795561770L);
  }
}
