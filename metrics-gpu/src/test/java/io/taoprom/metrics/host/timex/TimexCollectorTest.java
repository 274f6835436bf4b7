package io.taoprom.metrics.host.timex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taoprom.metrics.host.HostFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimexCollectorTest {

  /**
   * A {@code struct timex} as 64-bit glibc lays it out, filled the way the kernel fills it;
   * the fields not named stay 0 (and {@code precision}, {@code tolerance}, {@code time} get
   * values that must not show up anywhere).
   */
  private static ByteBuffer struct(
      long offset, long freq, long maxerror, long esterror, int status, long constant, long tick,
      long ppsfreq, long jitter, int shift, long stabil, long jitcnt, long calcnt, long errcnt, long stbcnt, int tai) {
    ByteBuffer b = ByteBuffer.allocate(Timex.STRUCT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 0); // modes
    b.putLong(8, offset);
    b.putLong(16, freq);
    b.putLong(24, maxerror);
    b.putLong(32, esterror);
    b.putInt(40, status);
    b.putLong(48, constant);
    b.putLong(56, 1); // precision
    b.putLong(64, 32768000); // tolerance
    b.putLong(72, 1795562468L); // time.tv_sec
    b.putLong(80, 830880); // time.tv_usec
    b.putLong(88, tick);
    b.putLong(96, ppsfreq);
    b.putLong(104, jitter);
    b.putInt(112, shift);
    b.putLong(120, stabil);
    b.putLong(128, jitcnt);
    b.putLong(136, calcnt);
    b.putLong(144, errcnt);
    b.putLong(152, stbcnt);
    b.putInt(160, tai);
    return b;
  }

  @Test
  void goldenTextOfAClockChronyKeepsInSyncWithAPpsSource() {
    // STA_PLL | STA_PPSFREQ | STA_PPSTIME | STA_PPSSIGNAL | STA_NANO: offset and jitter in ns
    ByteBuffer filled = struct(-123450, -1234567, 1500, 250, 0x0001 | 0x0002 | 0x0004 | 0x0100 | 0x2000, 7, 10000,
        65536, 2500, 8, 131072, 3, 1200, 2, 1, 37);
    TimexCollector collector = new TimexCollector(() -> Optional.of(Timex.decode(filled, 1))); // TIME_INS

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_timex_estimated_error_seconds Estimated error in seconds.
            # TYPE node_timex_estimated_error_seconds gauge
            node_timex_estimated_error_seconds 2.5E-4
            # HELP node_timex_frequency_adjustment_ratio Local clock frequency adjustment.
            # TYPE node_timex_frequency_adjustment_ratio gauge
            node_timex_frequency_adjustment_ratio 0.9999811620025635
            # HELP node_timex_loop_time_constant Phase-locked loop time constant.
            # TYPE node_timex_loop_time_constant gauge
            node_timex_loop_time_constant 7.0
            # HELP node_timex_maxerror_seconds Maximum error in seconds.
            # TYPE node_timex_maxerror_seconds gauge
            node_timex_maxerror_seconds 0.0015
            # HELP node_timex_offset_seconds Time offset in between local system and reference clock.
            # TYPE node_timex_offset_seconds gauge
            node_timex_offset_seconds -1.2345E-4
            # HELP node_timex_pps_calibration_total Pulse per second count of calibration intervals.
            # TYPE node_timex_pps_calibration_total counter
            node_timex_pps_calibration_total 1200.0
            # HELP node_timex_pps_error_total Pulse per second count of calibration errors.
            # TYPE node_timex_pps_error_total counter
            node_timex_pps_error_total 2.0
            # HELP node_timex_pps_frequency_hertz Pulse per second frequency.
            # TYPE node_timex_pps_frequency_hertz gauge
            node_timex_pps_frequency_hertz 1.0E-6
            # HELP node_timex_pps_jitter_total Pulse per second count of jitter limit exceeded events.
            # TYPE node_timex_pps_jitter_total counter
            node_timex_pps_jitter_total 3.0
            # HELP node_timex_pps_jitter_seconds Pulse per second jitter.
            # TYPE node_timex_pps_jitter_seconds gauge
            node_timex_pps_jitter_seconds 2.5E-6
            # HELP node_timex_pps_shift_seconds Pulse per second interval duration.
            # TYPE node_timex_pps_shift_seconds gauge
            node_timex_pps_shift_seconds 8.0
            # HELP node_timex_pps_stability_exceeded_total Pulse per second count of stability limit exceeded events.
            # TYPE node_timex_pps_stability_exceeded_total counter
            node_timex_pps_stability_exceeded_total 1.0
            # HELP node_timex_pps_stability_hertz Pulse per second stability, average of recent frequency changes.
            # TYPE node_timex_pps_stability_hertz gauge
            node_timex_pps_stability_hertz 2.0E-6
            # HELP node_timex_status Value of the status array bits.
            # TYPE node_timex_status gauge
            node_timex_status 8455.0
            # HELP node_timex_sync_status Is clock synchronized to a reliable server (1 = yes, 0 = no).
            # TYPE node_timex_sync_status gauge
            node_timex_sync_status 1.0
            # HELP node_timex_tai_offset_seconds International Atomic Time (TAI) offset.
            # TYPE node_timex_tai_offset_seconds gauge
            node_timex_tai_offset_seconds 37.0
            # HELP node_timex_tick_seconds Seconds between clock ticks.
            # TYPE node_timex_tick_seconds gauge
            node_timex_tick_seconds 0.01
            """);
  }

  @Test
  void anUnsynchronizedClockInMicrosecondsAsOnThisVm() {
    // What this VM's kernel returns without an NTP daemon: TIME_ERROR, STA_UNSYNC, errors at 16 s.
    ByteBuffer filled = struct(1500, 0, 16000000, 16000000, 0x0040, 2, 10000, 0, 20, 0, 0, 0, 0, 0, 0, 0);
    String text = HostFixtures.text(new TimexCollector(() -> Optional.of(Timex.decode(filled, Timex.TIME_ERROR))));

    assertThat(text)
        .contains("node_timex_sync_status 0.0\n")
        .contains("node_timex_offset_seconds 0.0015\n") // microseconds without STA_NANO
        .contains("node_timex_pps_jitter_seconds 2.0E-5\n")
        .contains("node_timex_maxerror_seconds 16.0\n")
        .contains("node_timex_frequency_adjustment_ratio 1.0\n")
        .contains("node_timex_status 64.0\n");
  }

  @Test
  void theStructIsReadFromItsPositionInItsByteOrder() {
    ByteBuffer big = ByteBuffer.allocate(Timex.STRUCT_SIZE + 16).order(ByteOrder.BIG_ENDIAN);
    big.putLong(16 + 88, 10000);
    big.putInt(16 + 160, 37);
    big.position(16);

    Timex timex = Timex.decode(big, 0);
    assertThat(timex.tick()).isEqualTo(10000);
    assertThat(timex.tai()).isEqualTo(37);
    assertThatThrownBy(() -> Timex.decode(ByteBuffer.allocate(200), 0)).hasMessageContaining("208 bytes, got 200");
  }

  @Test
  void aRefusedCallYieldsNothingAndAFailedOneFails() {
    assertThat(HostFixtures.text(new TimexCollector(Optional::empty))).isEmpty();
    assertThatThrownBy(() -> new TimexCollector(() -> {
      throw new IOException("adjtimex(2) failed with errno 14");
    }).collect()).isInstanceOf(UncheckedIOException.class).hasMessageContaining("errno 14");
  }

  @Test
  void theRealCallOnThisMachine() throws IOException {
    assumeTrue(TimexPlugin.unsupportedHere().isEmpty(), "adjtimex is bound on 64-bit Linux only");
    Timex timex = Adjtimex.load().read().orElseThrow();

    // USER_HZ is 100 on every Linux architecture: 10000 µs between ticks unless someone set it.
    assertThat(timex.tick()).isBetween(9000L, 11000L);
    assertThat(timex.clockState()).isBetween(0, 5);
    assertThat(timex.maxError()).isBetween(0L, 16_000_000L);
    assertThat(timex.constant()).isBetween(0L, 10L);
  }

  @Test
  void availableOnlyWhereTheLayoutIsKnown() {
    String arch = System.getProperty("os.arch");
    boolean known = System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64"));
    assertThat(new TimexPlugin().availability().available()).isEqualTo(known);
  }
}
