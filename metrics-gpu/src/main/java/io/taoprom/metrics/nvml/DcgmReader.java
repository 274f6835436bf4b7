package io.taoprom.metrics.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Set;

/**
 * Reads one GPU's fields from NVML as dcgm-exporter names them ({@link DcgmSeries}), in DCGM's
 * units and with DCGM's arithmetic: whole MiB of framebuffer (rounded down), watts as NVML's
 * milliwatts / 1000, energy in millijoules, percentages 0–100, and
 * {@code DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL} as DCGM 4 computes it: the NVLink data counters
 * (KiB, all links, both directions) per second between two scrapes, divided by 1000.
 *
 * <p>The same rules as {@link DeviceReader}: NOT_SUPPORTED leaves a series out and is counted,
 * another error is counted and logged once, an unbelievable value is left out, and only
 * GPU_IS_LOST / RESET_REQUIRED stop the GPU's scrape.
 *
 * <p>Not thread-safe; the collector's scrape lock guards it.
 */
final class DcgmReader {

  private static final long MIB = 1024 * 1024;

  private final NvmlLibrary lib;
  private final FieldHealth health;
  private final GpmSampler gpm;
  private final Memory scratch = new Memory(64);
  private final Memory fields = new Memory(3L * FieldValues.ENTRY_SIZE);
  private final long[] memory = new long[4];
  private GpuDevice gpu;
  private SeriesBuffer out;
  private Set<NvmlField> unsupported;

  DcgmReader(NvmlLibrary lib, FieldHealth health, GpmSampler gpm) {
    this.lib = lib;
    this.health = health;
    this.gpm = gpm;
  }

  /**
   * Reads every dcgm field of an identified GPU into {@code into}; NOT_SUPPORTED answers go to
   * {@code unsupportedFields}, which the caller commits once the GPU answered to the end.
   */
  void read(GpuDevice device, SeriesBuffer into, Set<NvmlField> unsupportedFields) throws DeviceLostException {
    gpu = device;
    out = into;
    unsupported = unsupportedFields;
    Pointer h = device.handle;

    uint(NvmlField.SM_CLOCK, lib.deviceGetClockInfo(h, NvmlLibrary.CLOCK_SM, scratch), DcgmSeries.SM_CLOCK, 1);
    uint(NvmlField.MEMORY_CLOCK, lib.deviceGetClockInfo(h, NvmlLibrary.CLOCK_MEM, scratch), DcgmSeries.MEM_CLOCK, 1);
    if (ok(NvmlField.TEMPERATURE, lib.deviceGetTemperature(h, scratch))) {
      long celsius = scratch.getInt(0); // signed, as DeviceReader reads it
      if (believable(NvmlField.TEMPERATURE, celsius)) {
        add(DcgmSeries.GPU_TEMP, celsius);
      }
    }
    uint(NvmlField.POWER, lib.deviceGetPowerUsage(h, scratch), DcgmSeries.POWER_USAGE, 1000);
    if (ok(NvmlField.ENERGY, lib.deviceGetTotalEnergyConsumption(h, scratch))) {
      long millijoules = scratch.getLong(0);
      if (believable(NvmlField.ENERGY, millijoules)) {
        add(DcgmSeries.TOTAL_ENERGY_CONSUMPTION, millijoules);
      }
    }
    uint(NvmlField.PCIE_REPLAY, lib.deviceGetPcieReplayCounter(h, scratch), DcgmSeries.PCIE_REPLAY_COUNTER, 1);
    if (ok(NvmlField.UTILIZATION, lib.deviceGetUtilizationRates(h, scratch))) {
      long busy = u32(0);
      long memoryBusy = u32(4);
      if (believable(NvmlField.UTILIZATION, busy)) {
        add(DcgmSeries.GPU_UTIL, busy);
      }
      if (believable(NvmlField.UTILIZATION, memoryBusy)) {
        add(DcgmSeries.MEM_COPY_UTIL, memoryBusy);
      }
    }
    uint(NvmlField.ENCODER_UTILIZATION, lib.deviceGetEncoderUtilization(h, scratch), DcgmSeries.ENC_UTIL, 1);
    uint(NvmlField.DECODER_UTILIZATION, lib.deviceGetDecoderUtilization(h, scratch), DcgmSeries.DEC_UTIL, 1);
    if (ok(NvmlField.MEMORY, lib.deviceGetMemoryInfo(h, scratch, memory))) {
      framebuffer();
    }
    if (ok(NvmlField.REMAPPED_ROWS, lib.deviceGetRemappedRows(h, scratch))) {
      long correctable = u32(0);
      long uncorrectable = u32(4);
      long failed = u32(12);
      add(DcgmSeries.CORRECTABLE_REMAPPED_ROWS, correctable);
      add(DcgmSeries.UNCORRECTABLE_REMAPPED_ROWS, uncorrectable);
      add(DcgmSeries.ROW_REMAP_FAILURE, failed != 0 ? 1 : 0);
    }
    boolean nvlink = fieldValues(h);
    gpm.read(device, nvlink, out, unsupported);
  }

  /** FB_USED, FB_FREE and FB_RESERVED in whole MiB, from the same figures as gpu_memory_*. */
  private void framebuffer() {
    long total = memory[0];
    long used = memory[1];
    long free = memory[2];
    long reserved = memory[3];
    if (total <= 0) {
      health.outOfRange(gpu, NvmlField.MEMORY, "total " + Long.toUnsignedString(total));
      return;
    }
    if (used >= 0 && used <= total) {
      add(DcgmSeries.FB_USED, used / MIB);
    } else {
      health.outOfRange(gpu, NvmlField.MEMORY, "used " + Long.toUnsignedString(used) + " of " + total);
    }
    if (free >= 0 && free <= total) {
      add(DcgmSeries.FB_FREE, free / MIB);
    } else {
      health.outOfRange(gpu, NvmlField.MEMORY, "free " + Long.toUnsignedString(free) + " of " + total);
    }
    if (reserved == -1) {
      unsupported.add(NvmlField.MEMORY_RESERVED); // nvmlDeviceGetMemoryInfo before _v2 does not tell
    } else if (reserved >= 0 && reserved <= total) {
      add(DcgmSeries.FB_RESERVED, reserved / MIB);
    } else {
      health.outOfRange(gpu, NvmlField.MEMORY_RESERVED, Long.toUnsignedString(reserved) + " of " + total);
    }
  }

  /**
   * Memory temperature, and the NVLink data counters where the GPU has NVLink, in one
   * {@code nvmlDeviceGetFieldValues} call. Returns whether the GPU has NVLink.
   */
  private boolean fieldValues(Pointer h) throws DeviceLostException {
    if (gpu.nvlinkLinks < 0) {
      FieldValues.set(fields, 0, FieldValues.NVLINK_LINK_COUNT, 0);
      int rc = lib.deviceGetFieldValues(h, 1, fields);
      int entry = FieldValues.returnCode(fields, 0);
      if (rc == NvmlReturn.SUCCESS) {
        // NOT_SUPPORTED for the entry, or 0: a GPU without NVLink. Other errors ask again next time.
        gpu.nvlinkLinks = entry == NvmlReturn.SUCCESS ? (int) Math.min(64, FieldValues.unsignedInt(fields, 0))
            : entry == NvmlReturn.NOT_SUPPORTED ? 0 : -1;
      } else if (rc == NvmlReturn.NOT_SUPPORTED) {
        gpu.nvlinkLinks = 0;
      }
      if (gpu.nvlinkLinks < 0) {
        ok(NvmlField.NVLINK, rc != NvmlReturn.SUCCESS ? rc : entry);
      }
    }
    boolean nvlink = gpu.nvlinkLinks > 0;
    if (gpu.nvlinkLinks == 0) {
      unsupported.add(NvmlField.NVLINK);
    }
    FieldValues.set(fields, 0, FieldValues.MEMORY_TEMP, 0);
    int count = 1;
    if (nvlink) {
      FieldValues.set(fields, 1, FieldValues.NVLINK_THROUGHPUT_DATA_RX, FieldValues.ALL_LINKS);
      FieldValues.set(fields, 2, FieldValues.NVLINK_THROUGHPUT_DATA_TX, FieldValues.ALL_LINKS);
      count = 3;
    }
    int rc = lib.deviceGetFieldValues(h, count, fields);
    if (!ok(NvmlField.MEMORY_TEMPERATURE, rc)) {
      return nvlink;
    }
    if (ok(NvmlField.MEMORY_TEMPERATURE, FieldValues.returnCode(fields, 0))) {
      long celsius = FieldValues.unsignedInt(fields, 0);
      if (believable(NvmlField.MEMORY_TEMPERATURE, celsius)) {
        add(DcgmSeries.MEMORY_TEMP, celsius);
      }
    }
    if (nvlink && ok(NvmlField.NVLINK, FieldValues.returnCode(fields, 1))
        && ok(NvmlField.NVLINK, FieldValues.returnCode(fields, 2))) {
      nvlinkBandwidth();
    }
    return nvlink;
  }

  /**
   * DCGM's figure: 0 at the first reading (and while the counters read 0), then the KiB moved
   * since the previous scrape per second of NVML's own timestamps, / 1000, whole. A counter or
   * a clock that went backwards (a driver reload) gives no figure and starts over.
   */
  private void nvlinkBandwidth() {
    long kib = FieldValues.unsignedLong(fields, 1) + FieldValues.unsignedLong(fields, 2);
    long micros = Math.max(FieldValues.timestampMicros(fields, 1), FieldValues.timestampMicros(fields, 2));
    if (micros == 0) {
      micros = System.currentTimeMillis() * 1000;
    }
    long previousKib = gpu.nvlinkPreviousKib;
    long previousMicros = gpu.nvlinkPreviousMicros;
    gpu.nvlinkPreviousKib = kib;
    gpu.nvlinkPreviousMicros = micros;
    if (kib < 0) {
      health.outOfRange(gpu, NvmlField.NVLINK, Long.toUnsignedString(kib) + " KiB");
      gpu.nvlinkPreviousMicros = 0;
      return;
    }
    if (previousMicros == 0 || kib == 0) {
      add(DcgmSeries.NVLINK_BANDWIDTH_TOTAL, 0);
      return;
    }
    if (kib < previousKib || micros <= previousMicros) {
      return;
    }
    double seconds = (micros - previousMicros) / 1e6;
    add(DcgmSeries.NVLINK_BANDWIDTH_TOTAL, (long) ((kib - previousKib) / seconds / 1000));
  }

  private void add(DcgmSeries series, double value) {
    out.add(series, gpu.dcgmLabels, value);
  }

  /** An unsigned int, divided by {@code divisor} (1000 for milliwatts to watts). */
  private void uint(NvmlField field, int rc, DcgmSeries series, int divisor) throws DeviceLostException {
    if (ok(field, rc)) {
      long raw = u32(0);
      if (believable(field, raw)) {
        add(series, divisor == 1 ? raw : raw / (double) divisor);
      }
    }
  }

  private long u32(long offset) {
    return scratch.getInt(offset) & 0xFFFFFFFFL;
  }

  private boolean ok(NvmlField field, int rc) throws DeviceLostException {
    return health.ok(gpu, field, rc, unsupported, lib);
  }

  private boolean believable(NvmlField field, long raw) {
    return health.believable(gpu, field, raw);
  }
}
