package io.taoprom.metrics.nvml;

import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The families of dcgm-exporter's naming ({@code --nvml.names dcgm}): the fields of its
 * {@code etc/default-counters.csv} that NVML can read, with the csv's names, help texts and
 * units (MHz, °C, W, mJ, %, MiB), and the {@code DCGM_FI_PROF_*} fields that NVML's GPM API
 * gives on Hopper and newer. Every point carries dcgm-exporter's labels: {@code gpu},
 * {@code UUID}, {@code pci_bus_id}, {@code device}, {@code modelName}, {@code Hostname},
 * {@code DCGM_FI_DRIVER_VERSION}.
 *
 * <p>The csv's counters are {@link FamilyType#UNTYPED}: see {@link FamilyType}.
 */
enum DcgmSeries implements Family {
  SM_CLOCK("DCGM_FI_DEV_SM_CLOCK", FamilyType.GAUGE, "SM clock frequency (in MHz)."),
  MEM_CLOCK("DCGM_FI_DEV_MEM_CLOCK", FamilyType.GAUGE, "Memory clock frequency (in MHz)."),
  MEMORY_TEMP("DCGM_FI_DEV_MEMORY_TEMP", FamilyType.GAUGE, "Memory temperature (in C)."),
  GPU_TEMP("DCGM_FI_DEV_GPU_TEMP", FamilyType.GAUGE, "GPU temperature (in C)."),
  POWER_USAGE("DCGM_FI_DEV_POWER_USAGE", FamilyType.GAUGE, "Power draw (in W)."),
  TOTAL_ENERGY_CONSUMPTION("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", FamilyType.UNTYPED,
      "Total energy consumption since boot (in mJ)."),
  PCIE_REPLAY_COUNTER("DCGM_FI_DEV_PCIE_REPLAY_COUNTER", FamilyType.UNTYPED, "Total number of PCIe retries."),
  GPU_UTIL("DCGM_FI_DEV_GPU_UTIL", FamilyType.GAUGE, "GPU utilization (in %)."),
  MEM_COPY_UTIL("DCGM_FI_DEV_MEM_COPY_UTIL", FamilyType.GAUGE, "Memory utilization (in %)."),
  ENC_UTIL("DCGM_FI_DEV_ENC_UTIL", FamilyType.GAUGE, "Encoder utilization (in %)."),
  DEC_UTIL("DCGM_FI_DEV_DEC_UTIL", FamilyType.GAUGE, "Decoder utilization (in %)."),
  XID_ERRORS("DCGM_FI_DEV_XID_ERRORS", FamilyType.GAUGE, "Value of the last XID error encountered."),
  FB_FREE("DCGM_FI_DEV_FB_FREE", FamilyType.GAUGE, "Framebuffer memory free (in MiB)."),
  FB_USED("DCGM_FI_DEV_FB_USED", FamilyType.GAUGE, "Framebuffer memory used (in MiB)."),
  FB_RESERVED("DCGM_FI_DEV_FB_RESERVED", FamilyType.GAUGE, "Framebuffer memory reserved (in MiB)."),
  NVLINK_BANDWIDTH_TOTAL("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL", FamilyType.UNTYPED,
      "Total number of NVLink bandwidth counters for all lanes."),
  UNCORRECTABLE_REMAPPED_ROWS("DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS", FamilyType.UNTYPED,
      "Number of remapped rows for uncorrectable errors"),
  CORRECTABLE_REMAPPED_ROWS("DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS", FamilyType.UNTYPED,
      "Number of remapped rows for correctable errors"),
  ROW_REMAP_FAILURE("DCGM_FI_DEV_ROW_REMAP_FAILURE", FamilyType.GAUGE, "Whether remapping of rows has failed"),
  PROF_GR_ENGINE_ACTIVE("DCGM_FI_PROF_GR_ENGINE_ACTIVE", FamilyType.GAUGE,
      "Ratio of time the graphics engine is active."),
  PROF_SM_ACTIVE("DCGM_FI_PROF_SM_ACTIVE", FamilyType.GAUGE,
      "The ratio of cycles an SM has at least 1 warp assigned."),
  PROF_SM_OCCUPANCY("DCGM_FI_PROF_SM_OCCUPANCY", FamilyType.GAUGE,
      "The ratio of number of warps resident on an SM."),
  PROF_PIPE_TENSOR_ACTIVE("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", FamilyType.GAUGE,
      "Ratio of cycles the tensor (HMMA) pipe is active."),
  PROF_DRAM_ACTIVE("DCGM_FI_PROF_DRAM_ACTIVE", FamilyType.GAUGE,
      "Ratio of cycles the device memory interface is active sending or receiving data."),
  PROF_PIPE_FP64_ACTIVE("DCGM_FI_PROF_PIPE_FP64_ACTIVE", FamilyType.GAUGE, "Ratio of cycles the fp64 pipes are active."),
  PROF_PIPE_FP32_ACTIVE("DCGM_FI_PROF_PIPE_FP32_ACTIVE", FamilyType.GAUGE, "Ratio of cycles the fp32 pipes are active."),
  PROF_PIPE_FP16_ACTIVE("DCGM_FI_PROF_PIPE_FP16_ACTIVE", FamilyType.GAUGE, "Ratio of cycles the fp16 pipes are active."),
  PROF_PCIE_TX_BYTES("DCGM_FI_PROF_PCIE_TX_BYTES", FamilyType.GAUGE, "The rate of data transmitted over the PCIe bus"
      + " - including both protocol headers and data payloads - in bytes per second."),
  PROF_PCIE_RX_BYTES("DCGM_FI_PROF_PCIE_RX_BYTES", FamilyType.GAUGE, "The rate of data received over the PCIe bus"
      + " - including both protocol headers and data payloads - in bytes per second."),
  // Not in dcgm-exporter's csv files; help written in the same words as the PCIe fields'.
  PROF_NVLINK_TX_BYTES("DCGM_FI_PROF_NVLINK_TX_BYTES", FamilyType.GAUGE, "The rate of data transmitted over NVLink"
      + " - including both protocol headers and data payloads - in bytes per second."),
  PROF_NVLINK_RX_BYTES("DCGM_FI_PROF_NVLINK_RX_BYTES", FamilyType.GAUGE, "The rate of data received over NVLink"
      + " - including both protocol headers and data payloads - in bytes per second.");

  private static final int FIRST_SLOT = GpuSeries.values().length;

  private final String metricName;
  private final FamilyType type;
  private final String help;

  DcgmSeries(String metricName, FamilyType type, String help) {
    this.metricName = metricName;
    this.type = type;
    this.help = help;
  }

  @Override
  public int slot() {
    return FIRST_SLOT + ordinal();
  }

  @Override
  public String metricName() {
    return metricName;
  }

  @Override
  public FamilyType type() {
    return type;
  }

  /** None: dcgm-exporter's names carry no unit suffix (the unit is in the help text). */
  @Override
  public Unit unit() {
    return null;
  }

  @Override
  public String help() {
    return help;
  }
}
