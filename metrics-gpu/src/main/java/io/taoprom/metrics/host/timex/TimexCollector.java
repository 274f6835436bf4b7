package io.taoprom.metrics.host.timex;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * node_exporter's timex collector, the kernel's clock discipline in base units:
 *
 * <pre>
 * # HELP node_timex_sync_status Is clock synchronized to a reliable server (1 = yes, 0 = no).
 * # TYPE node_timex_sync_status gauge
 * node_timex_sync_status 1.0
 * # HELP node_timex_offset_seconds Time offset in between local system and reference clock.
 * # TYPE node_timex_offset_seconds gauge
 * node_timex_offset_seconds -1.2345E-4
 * </pre>
 *
 * and the other thirteen gauges and four counters node_exporter serves, converted as it converts
 * them (so the same digits): offset and jitter by {@code STA_NANO}, frequencies from ppm with a
 * 16-bit fraction.
 */
final class TimexCollector implements ReadingCollector {

  /** A source of clock states: {@link Adjtimex} on a real machine, a fixed struct in tests. */
  @FunctionalInterface
  interface Source {
    Optional<Timex> read() throws IOException;
  }

  private static final double NANOSECONDS = 1_000_000_000;
  private static final double MICROSECONDS = 1_000_000;
  /** ppm with a 16-bit binary fraction, as adjtimex(2) gives frequencies (see its NOTES). */
  private static final double PPM16FRAC = 1000000.0 * 65536.0;

  private static final MetricMetadata OFFSET = gauge(
      "offset_seconds", "Time offset in between local system and reference clock.");
  private static final MetricMetadata FREQUENCY = gauge(
      "frequency_adjustment_ratio", "Local clock frequency adjustment.");
  private static final MetricMetadata MAXERROR = gauge("maxerror_seconds", "Maximum error in seconds.");
  private static final MetricMetadata ESTERROR = gauge("estimated_error_seconds", "Estimated error in seconds.");
  private static final MetricMetadata STATUS = gauge("status", "Value of the status array bits.");
  private static final MetricMetadata CONSTANT = gauge("loop_time_constant", "Phase-locked loop time constant.");
  private static final MetricMetadata TICK = gauge("tick_seconds", "Seconds between clock ticks.");
  private static final MetricMetadata PPS_FREQUENCY = gauge("pps_frequency_hertz", "Pulse per second frequency.");
  private static final MetricMetadata PPS_JITTER = gauge("pps_jitter_seconds", "Pulse per second jitter.");
  private static final MetricMetadata PPS_SHIFT = gauge("pps_shift_seconds", "Pulse per second interval duration.");
  private static final MetricMetadata PPS_STABILITY = gauge(
      "pps_stability_hertz", "Pulse per second stability, average of recent frequency changes.");
  private static final MetricMetadata PPS_JITTER_EVENTS = counter(
      "pps_jitter", "Pulse per second count of jitter limit exceeded events.");
  private static final MetricMetadata PPS_CALIBRATIONS = counter(
      "pps_calibration", "Pulse per second count of calibration intervals.");
  private static final MetricMetadata PPS_ERRORS = counter(
      "pps_error", "Pulse per second count of calibration errors.");
  private static final MetricMetadata PPS_STABILITY_EXCEEDED = counter(
      "pps_stability_exceeded", "Pulse per second count of stability limit exceeded events.");
  private static final MetricMetadata TAI = gauge("tai_offset_seconds", "International Atomic Time (TAI) offset.");
  private static final MetricMetadata SYNC_STATUS = gauge(
      "sync_status", "Is clock synchronized to a reliable server (1 = yes, 0 = no).");

  private final Source source;

  TimexCollector(Source source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    Optional<Timex> read = source.read();
    if (read.isEmpty()) {
      return MetricSnapshots.of();
    }
    Timex t = read.get();
    double divisor = (t.status() & Timex.STA_NANO) != 0 ? NANOSECONDS : MICROSECONDS;
    return MetricSnapshots.of(
        gauge(SYNC_STATUS, t.clockState() == Timex.TIME_ERROR ? 0 : 1),
        gauge(OFFSET, t.offset() / divisor),
        gauge(FREQUENCY, 1 + t.freq() / PPM16FRAC),
        gauge(MAXERROR, t.maxError() / MICROSECONDS),
        gauge(ESTERROR, t.estError() / MICROSECONDS),
        gauge(STATUS, t.status()),
        gauge(CONSTANT, t.constant()),
        gauge(TICK, t.tick() / MICROSECONDS),
        gauge(PPS_FREQUENCY, t.ppsFreq() / PPM16FRAC),
        gauge(PPS_JITTER, t.jitter() / divisor),
        gauge(PPS_SHIFT, t.shift()),
        gauge(PPS_STABILITY, t.stabil() / PPM16FRAC),
        counter(PPS_JITTER_EVENTS, t.jitCnt()),
        counter(PPS_CALIBRATIONS, t.calCnt()),
        counter(PPS_ERRORS, t.errCnt()),
        counter(PPS_STABILITY_EXCEEDED, t.stbCnt()),
        gauge(TAI, t.tai()));
  }

  private static MetricMetadata gauge(String name, String help) {
    return new MetricMetadata("node_timex_" + name, help);
  }

  /** A counter's metadata: client_java adds the {@code _total}. */
  private static MetricMetadata counter(String name, String help) {
    return new MetricMetadata("node_timex_" + name, help);
  }

  private static GaugeSnapshot gauge(MetricMetadata metadata, double value) {
    return new GaugeSnapshot(metadata, List.of(GaugeDataPointSnapshot.builder().value(value).build()));
  }

  private static CounterSnapshot counter(MetricMetadata metadata, double value) {
    return new CounterSnapshot(metadata, List.of(CounterDataPointSnapshot.builder().value(value).build()));
  }
}
