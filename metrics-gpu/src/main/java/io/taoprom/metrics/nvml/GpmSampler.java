package io.taoprom.metrics.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * DCGM's profiling fields ({@code DCGM_FI_PROF_*}) from NVML's GPM, without DCGM. GPM figures
 * are averages between two samples of the GPU's counters; TaoProm takes one sample per GPU per
 * scrape and reports the figures between it and the previous scrape's, so that each scrape
 * reports the scrape interval it closes, as a {@code rate()} would. The first scrape has no
 * figures yet. A scrape that comes less than the minimum interval after the last sample (a
 * second Prometheus of an HA pair, a person with curl) gets the last interval's figures again
 * rather than an average over a few milliseconds.
 *
 * <p>Not thread-safe; the collector's scrape lock guards it. {@link #close()} frees the
 * samples.
 */
final class GpmSampler implements AutoCloseable {

  /** Figures per scrape interval come no shorter than this, unless the collector is told otherwise. */
  static final long DEFAULT_MIN_INTERVAL_NANOS = 1_000_000_000L;

  private static final double MIB = 1024 * 1024;

  /** A GPM metric ({@code NVML_GPM_METRIC_*} id) and the DCGM field it becomes, as DCGM maps them. */
  private enum Metric {
    GR_ENGINE(1, DcgmSeries.PROF_GR_ENGINE_ACTIVE, true),
    SM(2, DcgmSeries.PROF_SM_ACTIVE, true),
    SM_OCCUPANCY(3, DcgmSeries.PROF_SM_OCCUPANCY, true),
    ANY_TENSOR(5, DcgmSeries.PROF_PIPE_TENSOR_ACTIVE, true),
    DRAM_BW(10, DcgmSeries.PROF_DRAM_ACTIVE, true),
    FP64(11, DcgmSeries.PROF_PIPE_FP64_ACTIVE, true),
    FP32(12, DcgmSeries.PROF_PIPE_FP32_ACTIVE, true),
    FP16(13, DcgmSeries.PROF_PIPE_FP16_ACTIVE, true),
    PCIE_TX(20, DcgmSeries.PROF_PCIE_TX_BYTES, false),
    PCIE_RX(21, DcgmSeries.PROF_PCIE_RX_BYTES, false),
    // Asked only of GPUs with NVLink: last, so that the others ask for a prefix of the list.
    NVLINK_RX(60, DcgmSeries.PROF_NVLINK_RX_BYTES, false),
    NVLINK_TX(61, DcgmSeries.PROF_NVLINK_TX_BYTES, false);

    final int id;
    final DcgmSeries series;
    /** Percent 0–100, reported as DCGM's ratio 0–1; otherwise MiB/s, reported in bytes/s. */
    final boolean percent;

    Metric(int id, DcgmSeries series, boolean percent) {
      this.id = id;
      this.series = series;
      this.percent = percent;
    }
  }

  private static final Metric[] METRICS = Metric.values();
  private static final int[] IDS = Arrays.stream(METRICS).mapToInt(m -> m.id).toArray();
  private static final int WITHOUT_NVLINK = Metric.NVLINK_RX.ordinal();
  /** 10 TB/s: above any link there is; a larger figure is a glitch. */
  private static final double MAX_MIB_PER_SECOND = 10_000_000;

  /** One GPU's samples: the older (baseline) and a spare the next sample is read into. */
  static final class State {
    Boolean supported;
    Pointer baseline;
    Pointer spare;
    boolean baselineValid;
    long baselineNanos;
    /** The last interval's figures, by {@link Metric} ordinal, NaN where there is none; or null. */
    double[] last;
  }

  private final NvmlLibrary lib;
  private final GpmLibrary gpm;
  private final FieldHealth health;
  private final long minIntervalNanos;
  private final LongSupplier nanoTime;
  private final Memory buffer = new Memory(GpmLibrary.METRICS_OFFSET + (long) GpmLibrary.MAX_METRICS * GpmLibrary.METRIC_SIZE);
  private final Memory scratch = new Memory(16);
  private final List<State> states = new ArrayList<>();
  private GpuDevice gpu;
  private Set<NvmlField> unsupported;

  GpmSampler(NvmlLibrary lib, FieldHealth health, long minIntervalNanos, LongSupplier nanoTime) {
    this.lib = lib;
    this.gpm = lib.gpm();
    this.health = health;
    this.minIntervalNanos = minIntervalNanos;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes this scrape's sample of the GPU and adds the figures of the interval it closes.
   * NOT_SUPPORTED (a GPU before Hopper, a driver before 520, a GPU in MIG mode) is added to
   * {@code unsupported} as {@code gpm}.
   */
  void read(GpuDevice device, boolean nvlink, SeriesBuffer out, Set<NvmlField> unsupportedFields)
      throws DeviceLostException {
    gpu = device;
    unsupported = unsupportedFields;
    if (!gpm.present()) {
      unsupported.add(NvmlField.GPM);
      return;
    }
    State s = device.gpm;
    if (s == null) {
      s = new State();
      device.gpm = s;
    }
    if (s.supported == null) {
      int rc = gpm.querySupport(device.handle, scratch);
      if (rc == NvmlReturn.SUCCESS) {
        s.supported = scratch.getInt(4) != 0;
      } else if (!ok(rc)) {
        if (rc == NvmlReturn.NOT_SUPPORTED) {
          s.supported = false;
        }
        return; // another error is counted and asked again next scrape
      }
    }
    if (!s.supported) {
      unsupported.add(NvmlField.GPM);
      return;
    }
    if (s.baseline == null && !allocate(s)) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (s.baselineValid && now - s.baselineNanos < minIntervalNanos) {
      write(s.last, device, nvlink, out);
      return;
    }
    Pointer target = s.baselineValid ? s.spare : s.baseline;
    int rc = gpm.sampleGet(device.handle, target);
    if (!ok(rc)) {
      return; // a lost GPU: the collector has it forgotten
    }
    if (!s.baselineValid) {
      s.baselineValid = true;
      s.baselineNanos = now;
      return; // the first sample: figures from the next scrape on
    }
    int count = nvlink ? METRICS.length : WITHOUT_NVLINK;
    rc = gpm.metricsGet(s.baseline, s.spare, count == IDS.length ? IDS : Arrays.copyOf(IDS, count), buffer);
    Pointer older = s.baseline;
    s.baseline = s.spare;
    s.spare = older;
    s.baselineNanos = now;
    s.last = null;
    if (!ok(rc)) {
      return;
    }
    s.last = figures(count);
    write(s.last, device, nvlink, out);
  }

  private boolean allocate(State s) throws DeviceLostException {
    int rc = gpm.sampleAlloc(scratch);
    if (!ok(rc)) {
      return false;
    }
    Pointer first = scratch.getPointer(0);
    rc = gpm.sampleAlloc(scratch);
    if (!ok(rc)) {
      gpm.sampleFree(first);
      return false;
    }
    s.baseline = first;
    s.spare = scratch.getPointer(0);
    states.add(s);
    return true;
  }

  /** The figures in DCGM's units, NaN where GPM gave none or one that cannot be right. */
  private double[] figures(int count) throws DeviceLostException {
    double[] values = new double[METRICS.length];
    Arrays.fill(values, Double.NaN);
    for (int i = 0; i < count; i++) {
      long at = GpmLibrary.METRICS_OFFSET + (long) i * GpmLibrary.METRIC_SIZE;
      int rc = buffer.getInt(at + 4);
      if (rc != NvmlReturn.SUCCESS) {
        ok(rc);
        continue;
      }
      double raw = buffer.getDouble(at + 8);
      Metric m = METRICS[i];
      double max = m.percent ? 100 : MAX_MIB_PER_SECOND;
      if (Double.isNaN(raw)) {
        continue; // GPM's "no figure" (DCGM leaves it blank too)
      }
      if (raw < 0 || raw > max * 1.001) { // a hair above 100 % is rounding, not a glitch
        health.outOfRange(gpu, NvmlField.GPM, m.name().toLowerCase(java.util.Locale.ROOT) + " " + raw);
        continue;
      }
      // DCGM's ratios are GPM's percent / 100; its bytes fields are whole bytes per second.
      values[i] = m.percent ? raw / 100 : Math.floor(raw * MIB);
    }
    return values;
  }

  private static void write(double[] values, GpuDevice device, boolean nvlink, SeriesBuffer out) {
    if (values == null) {
      return;
    }
    int count = nvlink ? METRICS.length : WITHOUT_NVLINK;
    for (int i = 0; i < count; i++) {
      if (!Double.isNaN(values[i])) {
        out.add(METRICS[i].series, device.dcgmLabels, values[i]);
      }
    }
  }

  private boolean ok(int rc) throws DeviceLostException {
    return health.ok(gpu, NvmlField.GPM, rc, unsupported, lib);
  }

  /**
   * Forgets the GPU's baseline after it was lost: figures across a reset would mean nothing, so
   * the GPU starts over from a fresh sample when it answers again.
   */
  static void forget(GpuDevice device) {
    if (device.gpm != null) {
      device.gpm.baselineValid = false;
      device.gpm.last = null;
    }
  }

  /** Frees every GPU's samples. */
  @Override
  public void close() {
    for (State s : states) {
      gpm.sampleFree(s.baseline);
      gpm.sampleFree(s.spare);
      s.baseline = null;
      s.spare = null;
      s.baselineValid = false;
    }
    states.clear();
  }
}
