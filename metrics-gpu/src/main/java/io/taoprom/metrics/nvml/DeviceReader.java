package io.taoprom.metrics.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one GPU's fields from NVML into a {@link SeriesBuffer}, converting to base units.
 * Every query stands alone: NOT_SUPPORTED leaves its series out (and is counted), another
 * error is counted and logged once, an unbelievable value is left out, and only
 * GPU_IS_LOST / RESET_REQUIRED stop the GPU's scrape ({@link DeviceLostException}).
 *
 * <p>Not thread-safe: it owns the scratch memory NVML writes into; the collector's scrape
 * lock guards it.
 */
final class DeviceReader {

  // NVML_DEVICE_UUID_V2_BUFFER_SIZE and NVML_DEVICE_NAME_V2_BUFFER_SIZE are both 96.
  private static final int STRING_BUFFER = 96;
  private static final int PCI_BUS_ID_OFFSET = 36;
  // More than any real GPU runs; a driver claiming more is answered with a partial list.
  private static final int MAX_PROCESS_ENTRIES = 4096;
  private static final int MAX_MIG_DEVICES = 64;
  /** NVML_VALUE_NOT_AVAILABLE for a process's memory (all bits set). */
  private static final long VALUE_NOT_AVAILABLE = -1L;

  /**
   * From NVML's units to base units. Dividing by 1000 rather than multiplying by 0.001 keeps
   * 123456790 mJ at 123456.79 J instead of 123456.79000000001.
   */
  private enum Scale {
    ONE(1, 1), MILLI(1, 1000), MEGA(1e6, 1), KIBI(1024, 1), PERCENT(1, 100);

    private final double multiplier;
    private final double divisor;

    Scale(double multiplier, double divisor) {
      this.multiplier = multiplier;
      this.divisor = divisor;
    }

    double apply(long raw) {
      return raw * multiplier / divisor;
    }
  }

  private final NvmlLibrary lib;
  private final FieldHealth health;
  private final ProcessNames processNames;
  private final int maxProcesses;
  private final boolean pcieThroughput;
  private final Memory scratch = new Memory(256);
  private final long[] memory = new long[4];
  private Set<NvmlField> unsupported = EnumSet.noneOf(NvmlField.class);
  private Memory processBuffer = new Memory(64 * 32);
  private GpuDevice gpu;
  private SeriesBuffer out;

  DeviceReader(NvmlLibrary lib, FieldHealth health, ProcessNames processNames, int maxProcesses,
      boolean pcieThroughput) {
    this.lib = lib;
    this.health = health;
    this.processNames = processNames;
    this.maxProcesses = maxProcesses;
    this.pcieThroughput = pcieThroughput;
  }

  /** Scratch memory for the collector's own calls (device handles, events), under the same lock. */
  Memory scratch() {
    return scratch;
  }

  /**
   * Gets the GPU's handle and identity unless already known: uuid, name, PCI bus id and
   * compute capability, which never change while the driver stays loaded.
   */
  void identify(GpuDevice device, String driverVersion, String cudaVersion) throws DeviceLostException {
    if (device.identified) {
      return;
    }
    gpu = device;
    if (device.handle == null) {
      int rc = lib.deviceGetHandleByIndex(device.index, scratch);
      if (rc != NvmlReturn.SUCCESS) {
        // Without a handle nothing can be asked; an inaccessible GPU is reported down.
        health.logOnce(device + " handle", device + " is not accessible: " + lib.describe(rc));
        throw new DeviceLostException(rc);
      }
      device.handle = scratch.getPointer(0);
    }
    Pointer h = device.handle;
    scratch.clear(); // a string NVML leaves unterminated then ends inside the buffer
    device.identityUnsupported.clear();
    device.uuid = string(NvmlField.UUID, lib.deviceGetUuid(h, scratch, STRING_BUFFER), 0);
    device.name = string(NvmlField.NAME, lib.deviceGetName(h, scratch, STRING_BUFFER), 0);
    device.pciBusId = string(NvmlField.PCI_INFO, lib.deviceGetPciInfo(h, scratch), PCI_BUS_ID_OFFSET);
    int rc = lib.deviceGetCudaComputeCapability(h, scratch);
    device.computeCapability = identityOk(NvmlField.COMPUTE_CAPABILITY, rc)
        ? scratch.getInt(0) + "." + scratch.getInt(4) : "";
    device.identify(driverVersion, cudaVersion);
  }

  private String string(NvmlField field, int rc, int offset) throws DeviceLostException {
    return identityOk(field, rc) ? scratch.getString(offset, "UTF-8").strip() : "";
  }

  private boolean identityOk(NvmlField field, int rc) throws DeviceLostException {
    // NOT_SUPPORTED identity fields are kept on the device and counted every scrape.
    return health.ok(gpu, field, rc, gpu.identityUnsupported, lib);
  }


  /**
   * Reads every field of an identified GPU. On {@link DeviceLostException} the caller rolls
   * {@code into} back; NOT_SUPPORTED answers go to {@code unsupportedFields}, which the caller
   * commits only when the GPU answered to the end (once, whichever namings read the GPU).
   */
  void read(GpuDevice device, SeriesBuffer into, Set<NvmlField> unsupportedFields) throws DeviceLostException {
    gpu = device;
    out = into;
    unsupported = unsupportedFields;
    Pointer h = device.handle;
    Labels l = device.labels;

    if (ok(NvmlField.UTILIZATION, lib.deviceGetUtilizationRates(h, scratch))) {
      long busy = u32(0);
      long memoryBusy = u32(4);
      if (believable(NvmlField.UTILIZATION, busy)) {
        out.add(GpuSeries.UTILIZATION, l, Scale.PERCENT.apply(busy));
      }
      if (believable(NvmlField.UTILIZATION, memoryBusy)) {
        out.add(GpuSeries.MEMORY_UTILIZATION, l, Scale.PERCENT.apply(memoryBusy));
      }
    }
    if (ok(NvmlField.MEMORY, lib.deviceGetMemoryInfo(h, scratch, memory))) {
      memory(NvmlField.MEMORY, l, GpuSeries.MEMORY_TOTAL, GpuSeries.MEMORY_USED, GpuSeries.MEMORY_FREE);
    }
    if (ok(NvmlField.TEMPERATURE, lib.deviceGetTemperature(h, scratch))) {
      // Documented unsigned; read signed so that a wrapped negative shows as one in the log.
      long celsius = scratch.getInt(0);
      if (believable(NvmlField.TEMPERATURE, celsius)) {
        out.add(GpuSeries.TEMPERATURE, l, celsius);
      }
    }
    uint(NvmlField.POWER, lib.deviceGetPowerUsage(h, scratch), GpuSeries.POWER, Scale.MILLI);
    uint(NvmlField.POWER_LIMIT, lib.deviceGetEnforcedPowerLimit(h, scratch), GpuSeries.POWER_LIMIT, Scale.MILLI);
    u64(NvmlField.ENERGY, lib.deviceGetTotalEnergyConsumption(h, scratch), GpuSeries.ENERGY, l, Scale.MILLI);
    uint(NvmlField.SM_CLOCK, lib.deviceGetClockInfo(h, NvmlLibrary.CLOCK_SM, scratch), GpuSeries.SM_CLOCK, Scale.MEGA);
    uint(NvmlField.MEMORY_CLOCK, lib.deviceGetClockInfo(h, NvmlLibrary.CLOCK_MEM, scratch),
        GpuSeries.MEMORY_CLOCK, Scale.MEGA);
    uint(NvmlField.FAN_SPEED, lib.deviceGetFanSpeed(h, scratch), GpuSeries.FAN_SPEED, Scale.PERCENT);
    if (pcieThroughput) {
      // NVML's KB is 1024 bytes.
      uint(NvmlField.PCIE_TX, lib.deviceGetPcieThroughput(h, NvmlLibrary.PCIE_TX, scratch), GpuSeries.PCIE_TX, Scale.KIBI);
      uint(NvmlField.PCIE_RX, lib.deviceGetPcieThroughput(h, NvmlLibrary.PCIE_RX, scratch), GpuSeries.PCIE_RX, Scale.KIBI);
    }
    uint(NvmlField.PCIE_LINK_GENERATION, lib.deviceGetCurrPcieLinkGeneration(h, scratch),
        GpuSeries.PCIE_LINK_GENERATION, Scale.ONE);
    uint(NvmlField.PCIE_LINK_WIDTH, lib.deviceGetCurrPcieLinkWidth(h, scratch), GpuSeries.PCIE_LINK_WIDTH, Scale.ONE);
    u64(NvmlField.ECC_CORRECTED, lib.deviceGetTotalEccErrors(h, NvmlLibrary.ECC_CORRECTED, scratch),
        GpuSeries.ECC_ERRORS, device.eccCorrectedLabels, Scale.ONE);
    u64(NvmlField.ECC_UNCORRECTED, lib.deviceGetTotalEccErrors(h, NvmlLibrary.ECC_UNCORRECTED, scratch),
        GpuSeries.ECC_ERRORS, device.eccUncorrectedLabels, Scale.ONE);
    if (ok(NvmlField.CLOCK_EVENT_REASONS, lib.deviceGetClocksEventReasons(h, scratch))) {
      long mask = scratch.getLong(0);
      for (ClockEventReason reason : ClockEventReason.values()) {
        out.add(GpuSeries.CLOCK_EVENT_ACTIVE, device.reasonLabels[reason.ordinal()],
            (mask & reason.bit) != 0 ? 1 : 0);
      }
    }
    readProcesses(h, l);
    readMig(h, l);
  }

  private void readProcesses(Pointer h, Labels l) throws DeviceLostException {
    if (maxProcesses == 0) {
      return; // turned off by the operator: neither read nor counted
    }
    int stride = lib.processInfoStride();
    if (stride == 0) {
      unsupported.add(NvmlField.PROCESSES);
      return;
    }
    int rc;
    int capacity;
    int attempts = 0;
    do {
      capacity = (int) (processBuffer.size() / stride);
      scratch.setInt(0, capacity);
      rc = lib.deviceGetComputeRunningProcesses(h, scratch, processBuffer);
      if (rc != NvmlReturn.INSUFFICIENT_SIZE) {
        break;
      }
      // Processes started between the calls: grow with room to spare and ask again.
      long wanted = Math.max(capacity, scratch.getInt(0) & 0xFFFFFFFFL) * 2 + 8;
      processBuffer = new Memory(Math.min(MAX_PROCESS_ENTRIES, wanted) * 32);
    } while (++attempts < 3);
    if (!ok(NvmlField.PROCESSES, rc)) {
      return;
    }
    int count = Math.min(capacity, Math.max(0, scratch.getInt(0)));
    // One process can be listed once per MIG instance it runs in: add those up by pid.
    Map<Long, Long> byPid = new HashMap<>();
    for (int i = 0; i < count; i++) {
      long offset = (long) i * stride;
      long pid = processBuffer.getInt(offset) & 0xFFFFFFFFL;
      long used = processBuffer.getLong(offset + 8);
      if (used != VALUE_NOT_AVAILABLE && used >= 0) {
        byPid.merge(pid, used, Long::sum);
      }
    }
    List<Map.Entry<Long, Long>> processes = new ArrayList<>(byPid.entrySet());
    // Biggest first, so that the bound keeps the processes that matter; pid breaks ties.
    processes.sort((a, b) -> a.getValue().equals(b.getValue())
        ? Long.compare(a.getKey(), b.getKey()) : Long.compare(b.getValue(), a.getValue()));
    int kept = Math.min(maxProcesses, processes.size());
    for (int i = 0; i < kept; i++) {
      long pid = processes.get(i).getKey();
      out.add(GpuSeries.PROCESS_MEMORY_USED,
          l.merge(new String[] {"pid", "process"}, new String[] {Long.toString(pid), processNames.nameOf(pid)}),
          processes.get(i).getValue());
    }
    out.add(GpuSeries.PROCESSES_OMITTED, l, processes.size() - kept);
  }

  private void readMig(Pointer h, Labels l) throws DeviceLostException {
    if (!lib.hasMig()) {
      unsupported.add(NvmlField.MIG);
      return;
    }
    if (!ok(NvmlField.MIG, lib.deviceGetMigMode(h, scratch)) || scratch.getInt(0) != 1) {
      return;
    }
    if (!ok(NvmlField.MIG, lib.deviceGetMaxMigDeviceCount(h, scratch))) {
      return;
    }
    int slots = (int) Math.min(MAX_MIG_DEVICES, u32(0));
    for (int i = 0; i < slots; i++) {
      int rc = lib.deviceGetMigDeviceHandleByIndex(h, i, scratch);
      if (rc == NvmlReturn.NOT_FOUND || !ok(NvmlField.MIG, rc)) {
        continue; // an empty slot, or one that failed (counted)
      }
      Pointer mig = scratch.getPointer(0);
      if (!ok(NvmlField.MIG, lib.deviceGetGpuInstanceId(mig, scratch))) {
        continue;
      }
      String gpuInstance = Long.toString(u32(0));
      if (!ok(NvmlField.MIG, lib.deviceGetComputeInstanceId(mig, scratch))) {
        continue;
      }
      String computeInstance = Long.toString(u32(0));
      if (ok(NvmlField.MIG, lib.deviceGetMemoryInfo(mig, scratch, memory))) {
        Labels migLabels = l.merge(new String[] {"gpu_instance", "compute_instance"},
            new String[] {gpuInstance, computeInstance});
        memory(NvmlField.MIG, migLabels, GpuSeries.MIG_MEMORY_TOTAL, GpuSeries.MIG_MEMORY_USED,
            GpuSeries.MIG_MEMORY_FREE);
      }
    }
  }

  /** Emits total, used and free from {@link #memory}; used and free must fit in the total. */
  private void memory(NvmlField field, Labels l, GpuSeries total, GpuSeries used, GpuSeries free) {
    long t = memory[0];
    long u = memory[1];
    long f = memory[2];
    if (t <= 0) {
      health.outOfRange(gpu, field, "total " + Long.toUnsignedString(t));
      return;
    }
    out.add(total, l, t);
    if (u >= 0 && u <= t) {
      out.add(used, l, u);
    } else {
      health.outOfRange(gpu, field, "used " + Long.toUnsignedString(u) + " of " + t);
    }
    if (f >= 0 && f <= t) {
      out.add(free, l, f);
    } else {
      health.outOfRange(gpu, field, "free " + Long.toUnsignedString(f) + " of " + t);
    }
  }

  private void uint(NvmlField field, int rc, GpuSeries series, Scale scale) throws DeviceLostException {
    if (ok(field, rc)) {
      long raw = u32(0);
      if (believable(field, raw)) {
        out.add(series, gpu.labels, scale.apply(raw));
      }
    }
  }

  private void u64(NvmlField field, int rc, GpuSeries series, Labels l, Scale scale) throws DeviceLostException {
    if (ok(field, rc)) {
      long raw = scratch.getLong(0); // above 2^63 reads negative, which no field accepts
      if (field.accepts(raw)) {
        out.add(series, l, scale.apply(raw));
      } else {
        health.outOfRange(gpu, field, Long.toUnsignedString(raw));
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
