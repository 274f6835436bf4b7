package io.taoprom.metrics.nvml;

import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Every metric family of TaoProm's own naming ({@code gpu_*}) and the collector's health
 * ({@code taoprom_nvml_*}): name (as in client_java, counters without {@code _total}, info
 * without {@code _info}), type, unit and help. Per-GPU families carry the labels {@code gpu}
 * (NVML index) and {@code uuid}; the extra labels are listed here. dcgm-exporter's naming is
 * {@link DcgmSeries}.
 */
enum GpuSeries implements Family {
  GPU_INFO("gpu", FamilyType.INFO, null,
      "GPU identity (name, driver_version, cuda_version, pci_bus_id, compute_capability); join on uuid."),
  UTILIZATION("gpu_utilization_ratio", FamilyType.GAUGE, Unit.RATIO,
      "Fraction of the last sample period in which one or more kernels ran on the GPU."),
  MEMORY_UTILIZATION("gpu_memory_utilization_ratio", FamilyType.GAUGE, Unit.RATIO,
      "Fraction of the last sample period in which device memory was read or written."),
  MEMORY_USED("gpu_memory_used_bytes", FamilyType.GAUGE, Unit.BYTES, "Device memory in use."),
  MEMORY_FREE("gpu_memory_free_bytes", FamilyType.GAUGE, Unit.BYTES, "Device memory free."),
  MEMORY_TOTAL("gpu_memory_total_bytes", FamilyType.GAUGE, Unit.BYTES, "Device memory in all."),
  TEMPERATURE("gpu_temperature_celsius", FamilyType.GAUGE, Unit.CELSIUS, "GPU die temperature."),
  POWER("gpu_power_watts", FamilyType.GAUGE, Units.WATTS, "Power drawn by the GPU and its memory."),
  POWER_LIMIT("gpu_power_limit_watts", FamilyType.GAUGE, Units.WATTS, "Power limit the driver enforces."),
  ENERGY("gpu_energy_joules", FamilyType.COUNTER, Unit.JOULES, "Energy used since the driver was loaded."),
  SM_CLOCK("gpu_sm_clock_hertz", FamilyType.GAUGE, Units.HERTZ, "Current streaming multiprocessor clock."),
  MEMORY_CLOCK("gpu_memory_clock_hertz", FamilyType.GAUGE, Units.HERTZ, "Current memory clock."),
  FAN_SPEED("gpu_fan_speed_ratio", FamilyType.GAUGE, Unit.RATIO,
      "Fan speed as a fraction of its maximum; may exceed 1 on some boards."),
  PCIE_TX("gpu_pcie_tx_bytes_per_second", FamilyType.GAUGE, null,
      "PCIe transmit throughput, sampled by the driver over 20 ms."),
  PCIE_RX("gpu_pcie_rx_bytes_per_second", FamilyType.GAUGE, null,
      "PCIe receive throughput, sampled by the driver over 20 ms."),
  PCIE_LINK_GENERATION("gpu_pcie_link_generation", FamilyType.GAUGE, null, "Current PCIe link generation."),
  PCIE_LINK_WIDTH("gpu_pcie_link_width", FamilyType.GAUGE, null, "Current PCIe link width in lanes."),
  ECC_ERRORS("gpu_ecc_errors", FamilyType.COUNTER, null,
      "ECC errors since the driver was loaded, by type (corrected, uncorrected)."),
  CLOCK_EVENT_ACTIVE("gpu_clock_event_active", FamilyType.GAUGE, null,
      "1 while the reason is holding the clocks down (throttling), else 0."),
  XID_ERRORS("gpu_xid_errors", FamilyType.COUNTER, null,
      "XID critical errors the driver reported since TaoProm started, by XID."),
  PROCESS_MEMORY_USED("gpu_process_memory_used_bytes", FamilyType.GAUGE, Unit.BYTES,
      "Device memory used by a compute process (pid, process from /proc/PID/comm)."),
  MIG_MEMORY_USED("gpu_mig_memory_used_bytes", FamilyType.GAUGE, Unit.BYTES,
      "Device memory in use in a MIG instance (gpu_instance, compute_instance)."),
  MIG_MEMORY_FREE("gpu_mig_memory_free_bytes", FamilyType.GAUGE, Unit.BYTES,
      "Device memory free in a MIG instance (gpu_instance, compute_instance)."),
  MIG_MEMORY_TOTAL("gpu_mig_memory_total_bytes", FamilyType.GAUGE, Unit.BYTES,
      "Device memory of a MIG instance (gpu_instance, compute_instance)."),
  DEVICES("taoprom_nvml_devices", FamilyType.GAUGE, null,
      "GPUs NVML reported when the collector started."),
  DEVICE_UP("taoprom_nvml_device_up", FamilyType.GAUGE, null,
      "1 when the GPU answered this scrape, 0 when it is lost or inaccessible."),
  UNSUPPORTED_FIELDS("taoprom_nvml_unsupported_fields", FamilyType.GAUGE, null,
      "GPUs that answered NOT_SUPPORTED for the field this scrape; its series are left out."),
  FIELD_ERRORS("taoprom_nvml_field_errors", FamilyType.COUNTER, null,
      "Field reads that failed (NVML error, or out_of_range values left out), by field and error."),
  PROCESSES_OMITTED("taoprom_nvml_processes_omitted", FamilyType.GAUGE, null,
      "Compute processes left out of gpu_process_memory_used_bytes by option nvml.max-processes.");

  private final String metricName;
  private final FamilyType type;
  private final Unit unit;
  private final String help;

  GpuSeries(String metricName, FamilyType type, Unit unit, String help) {
    this.metricName = metricName;
    this.type = type;
    this.unit = unit;
    this.help = help;
  }

  @Override
  public int slot() {
    return ordinal();
  }

  @Override
  public String metricName() {
    return metricName;
  }

  @Override
  public FamilyType type() {
    return type;
  }

  @Override
  public Unit unit() {
    return unit;
  }

  @Override
  public String help() {
    return help;
  }

  /** Units client_java does not predefine. */
  private static final class Units {
    static final Unit WATTS = new Unit("watts");
    static final Unit HERTZ = new Unit("hertz");
  }
}
