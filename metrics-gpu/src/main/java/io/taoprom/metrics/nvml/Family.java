package io.taoprom.metrics.nvml;

import io.prometheus.metrics.model.snapshots.Unit;

/**
 * A metric family the nvml collector can produce, in either naming: {@link GpuSeries}
 * (TaoProm's {@code gpu_*} and the collector's health) or {@link DcgmSeries} (dcgm-exporter's
 * {@code DCGM_FI_*}). {@link SeriesBuffer} gathers points by {@link #slot()}.
 */
interface Family {

  /** A small index, unique across both namings, where the buffer keeps this family's points. */
  int slot();

  /** The name as client_java takes it: counters without {@code _total}, info without {@code _info}. */
  String metricName();

  FamilyType type();

  /** The unit, or null where client_java has none that the name ends with. */
  Unit unit();

  String help();
}
