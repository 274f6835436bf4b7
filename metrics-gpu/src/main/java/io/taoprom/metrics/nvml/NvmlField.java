package io.taoprom.metrics.nvml;

import java.util.Locale;

/**
 * What the collector reads from NVML, one per query, as named in the {@code field} label of
 * {@code taoprom_nvml_unsupported_fields} and {@code taoprom_nvml_field_errors_total}, with
 * the range a raw value (in NVML's own unit) must fall in to be believed. A value outside it
 * (a wrapped "negative" temperature, a clock of 4 THz) is left out and counted as
 * {@code out_of_range}: a driver glitch must not become a spike on a dashboard.
 */
enum NvmlField {
  NAME,
  UUID,
  PCI_INFO,
  COMPUTE_CAPABILITY,
  /** Percent. */
  UTILIZATION(0, 100),
  /** Bytes; checked as a whole (used and free within total). */
  MEMORY,
  /** °C. Anything below freezing is a wrapped negative, above 150 a broken sensor. */
  TEMPERATURE(0, 150),
  /** Milliwatts; the biggest parts draw about 1.2 kW. */
  POWER(0, 10_000_000),
  /** Milliwatts. */
  POWER_LIMIT(0, 10_000_000),
  /** Millijoules since the driver was loaded. */
  ENERGY(0, Long.MAX_VALUE),
  /** MHz. */
  SM_CLOCK(0, 50_000),
  /** MHz; GDDR7 reports about 14 000. */
  MEMORY_CLOCK(0, 50_000),
  /** Percent of the maximum; NVML documents that it may exceed 100. */
  FAN_SPEED(0, 200),
  /** KB/s; PCIe 6 x16 moves about 128 GB/s. */
  PCIE_TX(0, 500_000_000),
  /** KB/s. */
  PCIE_RX(0, 500_000_000),
  PCIE_LINK_GENERATION(1, 10),
  PCIE_LINK_WIDTH(1, 64),
  ECC_CORRECTED(0, Long.MAX_VALUE),
  ECC_UNCORRECTED(0, Long.MAX_VALUE),
  CLOCK_EVENT_REASONS,
  PROCESSES,
  MIG,
  XID_EVENTS,
  // Read for dcgm-exporter's naming only.
  /** °C of HBM or GDDR; DCGM drops readings above 200 too. */
  MEMORY_TEMPERATURE(0, 200),
  /** PCIe replays (retries) since the driver was loaded. */
  PCIE_REPLAY(0, Long.MAX_VALUE),
  /** Percent. */
  ENCODER_UTILIZATION(0, 100),
  /** Percent. */
  DECODER_UTILIZATION(0, 100),
  /** The memory the driver reserves, which only {@code nvmlDeviceGetMemoryInfo_v2} tells. */
  MEMORY_RESERVED,
  /** Remapped rows (Ampere and newer). */
  REMAPPED_ROWS(0, Long.MAX_VALUE),
  /** NVLink data throughput; unsupported on GPUs without NVLink. */
  NVLINK,
  /** GPU Performance Monitoring (Hopper and newer, driver 520 and newer). */
  GPM;

  private final long min;
  private final long max;
  private final String label;

  NvmlField() {
    this(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  NvmlField(long min, long max) {
    this.min = min;
    this.max = max;
    this.label = name().toLowerCase(Locale.ROOT);
  }

  /** The value of the {@code field} label: {@code temperature}, {@code pcie_tx}. */
  String label() {
    return label;
  }

  /** Whether a raw value (unsigned values already widened to long) is believable. */
  boolean accepts(long value) {
    return value >= min && value <= max;
  }
}
