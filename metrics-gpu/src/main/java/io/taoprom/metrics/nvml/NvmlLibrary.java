package io.taoprom.metrics.nvml;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NVML entry points TaoProm calls, bound with JNA to one {@code libnvidia-ml}. Every symbol
 * is resolved on its own, so a driver that lacks a newer entry point still serves through the
 * older one ({@code nvmlDeviceGetMemoryInfo_v2} → {@code nvmlDeviceGetMemoryInfo},
 * {@code nvmlDeviceGetComputeRunningProcesses_v3} → {@code _v2} → v1, …) and a series whose
 * only entry point is missing is left out.
 *
 * <p>The declarations follow NVIDIA's public API reference for {@code nvml.h}. Each method
 * returns the {@code nvmlReturn_t} code and leaves its results in the {@link Memory} it is
 * given; the struct offsets the callers read are documented where they are read.
 *
 * <p>One file on purpose, though long: it is the complete list of what TaoProm asks of NVML,
 * to check against {@code nvml.h} in one place.
 *
 * <p>Thread-safe (NVML is); the callers serialize their use of scratch memory.
 */
final class NvmlLibrary {

  /** The library NVIDIA's driver installs; what is loaded when the user names none. */
  static final String DEFAULT_PATH = "libnvidia-ml.so.1";

  /** {@code NVML_STRUCT_VERSION(Memory, 2)}: the struct size (40) with the version in the top byte. */
  static final int MEMORY_V2_VERSION = 40 | (2 << 24);

  static final int CLOCK_SM = 1;
  static final int CLOCK_MEM = 2;
  static final int PCIE_TX = 0;
  static final int PCIE_RX = 1;
  static final int ECC_CORRECTED = 0;
  static final int ECC_UNCORRECTED = 1;
  static final long EVENT_XID_CRITICAL_ERROR = 0x8L;

  // RTLD_LAZY without RTLD_GLOBAL: NVML's symbols need not be visible to other libraries.
  private static final Map<String, Object> OPEN_OPTIONS = Map.of(Library.OPTION_OPEN_FLAGS, 1);

  private final String path;
  private final List<String> fallbacks = new ArrayList<>();
  private final Map<Integer, String> errorStrings = new ConcurrentHashMap<>();
  private final Function init;
  private final Function shutdown;
  private final Function errorString;
  private final Function systemGetDriverVersion;
  private final Function systemGetCudaDriverVersion;
  private final Function deviceGetCount;
  private final Function deviceGetHandleByIndex;
  private final Function deviceGetName;
  private final Function deviceGetUuid;
  private final Function deviceGetPciInfo;
  private final Function deviceGetCudaComputeCapability;
  private final Function deviceGetUtilizationRates;
  private final Function deviceGetMemoryInfo;
  private final boolean memoryInfoV2;
  private final Function deviceGetTemperature;
  private final Function deviceGetPowerUsage;
  private final Function deviceGetEnforcedPowerLimit;
  private final Function deviceGetTotalEnergyConsumption;
  private final Function deviceGetClockInfo;
  private final Function deviceGetFanSpeed;
  private final Function deviceGetPcieThroughput;
  private final Function deviceGetCurrPcieLinkGeneration;
  private final Function deviceGetCurrPcieLinkWidth;
  private final Function deviceGetTotalEccErrors;
  private final Function deviceGetClocksEventReasons;
  private final Function deviceGetComputeRunningProcesses;
  private final int processInfoStride;
  private final Function deviceGetSupportedEventTypes;
  private final Function eventSetCreate;
  private final Function deviceRegisterEvents;
  private final Function eventSetWait;
  private final Function eventSetFree;
  private final Function deviceGetMigMode;
  private final Function deviceGetMaxMigDeviceCount;
  private final Function deviceGetMigDeviceHandleByIndex;
  private final Function deviceGetGpuInstanceId;
  private final Function deviceGetComputeInstanceId;
  private final Function deviceGetPcieReplayCounter;
  private final Function deviceGetEncoderUtilization;
  private final Function deviceGetDecoderUtilization;
  private final Function deviceGetRemappedRows;
  private final Function deviceGetFieldValues;
  private final GpmLibrary gpm;

  private NvmlLibrary(String path, NativeLibrary lib) throws NvmlUnavailableException {
    this.path = path;
    init = firstOf(lib, "nvmlInit_v2", "nvmlInit");
    if (init == null) {
      throw new NvmlUnavailableException(path + " is not an NVML library: it has no nvmlInit_v2"
          + " (option nvml.library must name libnvidia-ml.so.1 of the NVIDIA driver)");
    }
    shutdown = required(lib, "nvmlShutdown");
    errorString = required(lib, "nvmlErrorString");
    deviceGetCount = required(lib, "nvmlDeviceGetCount_v2", "nvmlDeviceGetCount");
    deviceGetHandleByIndex = required(lib, "nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex");
    systemGetDriverVersion = firstOf(lib, "nvmlSystemGetDriverVersion");
    systemGetCudaDriverVersion = firstOf(lib, "nvmlSystemGetCudaDriverVersion_v2", "nvmlSystemGetCudaDriverVersion");
    deviceGetName = firstOf(lib, "nvmlDeviceGetName");
    deviceGetUuid = firstOf(lib, "nvmlDeviceGetUUID");
    deviceGetPciInfo = firstOf(lib, "nvmlDeviceGetPciInfo_v3");
    deviceGetCudaComputeCapability = firstOf(lib, "nvmlDeviceGetCudaComputeCapability");
    deviceGetUtilizationRates = firstOf(lib, "nvmlDeviceGetUtilizationRates");
    Function memoryV2 = firstOf(lib, "nvmlDeviceGetMemoryInfo_v2");
    memoryInfoV2 = memoryV2 != null;
    deviceGetMemoryInfo = memoryInfoV2 ? memoryV2 : firstOf(lib, "nvmlDeviceGetMemoryInfo");
    deviceGetTemperature = firstOf(lib, "nvmlDeviceGetTemperature");
    deviceGetPowerUsage = firstOf(lib, "nvmlDeviceGetPowerUsage");
    deviceGetEnforcedPowerLimit = firstOf(lib, "nvmlDeviceGetEnforcedPowerLimit");
    deviceGetTotalEnergyConsumption = firstOf(lib, "nvmlDeviceGetTotalEnergyConsumption");
    deviceGetClockInfo = firstOf(lib, "nvmlDeviceGetClockInfo");
    deviceGetFanSpeed = firstOf(lib, "nvmlDeviceGetFanSpeed");
    deviceGetPcieThroughput = firstOf(lib, "nvmlDeviceGetPcieThroughput");
    deviceGetCurrPcieLinkGeneration = firstOf(lib, "nvmlDeviceGetCurrPcieLinkGeneration");
    deviceGetCurrPcieLinkWidth = firstOf(lib, "nvmlDeviceGetCurrPcieLinkWidth");
    deviceGetTotalEccErrors = firstOf(lib, "nvmlDeviceGetTotalEccErrors");
    deviceGetClocksEventReasons = firstOf(lib,
        "nvmlDeviceGetCurrentClocksEventReasons", "nvmlDeviceGetCurrentClocksThrottleReasons");
    deviceGetComputeRunningProcesses = firstOf(lib, "nvmlDeviceGetComputeRunningProcesses_v3",
        "nvmlDeviceGetComputeRunningProcesses_v2", "nvmlDeviceGetComputeRunningProcesses");
    processInfoStride = processInfoStride(lib, deviceGetComputeRunningProcesses);
    deviceGetSupportedEventTypes = firstOf(lib, "nvmlDeviceGetSupportedEventTypes");
    eventSetCreate = firstOf(lib, "nvmlEventSetCreate");
    deviceRegisterEvents = firstOf(lib, "nvmlDeviceRegisterEvents");
    eventSetWait = firstOf(lib, "nvmlEventSetWait_v2", "nvmlEventSetWait");
    eventSetFree = firstOf(lib, "nvmlEventSetFree");
    deviceGetMigMode = firstOf(lib, "nvmlDeviceGetMigMode");
    deviceGetMaxMigDeviceCount = firstOf(lib, "nvmlDeviceGetMaxMigDeviceCount");
    deviceGetMigDeviceHandleByIndex = firstOf(lib, "nvmlDeviceGetMigDeviceHandleByIndex");
    deviceGetGpuInstanceId = firstOf(lib, "nvmlDeviceGetGpuInstanceId");
    deviceGetComputeInstanceId = firstOf(lib, "nvmlDeviceGetComputeInstanceId");
    // Read for dcgm-exporter's naming only (--nvml.names dcgm).
    deviceGetPcieReplayCounter = firstOf(lib, "nvmlDeviceGetPcieReplayCounter");
    deviceGetEncoderUtilization = firstOf(lib, "nvmlDeviceGetEncoderUtilization");
    deviceGetDecoderUtilization = firstOf(lib, "nvmlDeviceGetDecoderUtilization");
    deviceGetRemappedRows = firstOf(lib, "nvmlDeviceGetRemappedRows");
    deviceGetFieldValues = firstOf(lib, "nvmlDeviceGetFieldValues");
    gpm = new GpmLibrary(firstOf(lib, "nvmlGpmQueryDeviceSupport"), firstOf(lib, "nvmlGpmSampleAlloc"),
        firstOf(lib, "nvmlGpmSampleFree"), firstOf(lib, "nvmlGpmSampleGet"), firstOf(lib, "nvmlGpmMetricsGet"));
  }

  /**
   * Loads the library at {@code path} (a file, or a bare name the dynamic linker searches for)
   * and binds the entry points. Nothing is called yet.
   *
   * @throws NvmlUnavailableException when the file cannot be loaded or is not NVML, in one line
   */
  static NvmlLibrary load(String path) throws NvmlUnavailableException {
    NativeLibrary lib;
    try {
      lib = NativeLibrary.getInstance(path, OPEN_OPTIONS);
    } catch (UnsatisfiedLinkError e) {
      throw new NvmlUnavailableException(loadFailure(path, e));
    } catch (LinkageError | RuntimeException e) {
      // JNA's own native part could not be loaded (a noexec temp dir, a foreign architecture).
      throw new NvmlUnavailableException("JNA cannot load native code here, so NVML cannot be used: "
          + firstLine(String.valueOf(e.getMessage())));
    }
    return new NvmlLibrary(path, lib);
  }

  private static String loadFailure(String path, UnsatisfiedLinkError e) {
    // JNA's message lists every place it tried, over several lines; the first suppressed
    // error is the dynamic linker's own reason ("...: cannot open shared object file").
    String reason = e.getSuppressed().length > 0
        ? firstLine(String.valueOf(e.getSuppressed()[0].getMessage()))
        : firstLine(String.valueOf(e.getMessage()));
    if (path.equals(DEFAULT_PATH)) {
      return "no NVIDIA driver found: " + reason
          + " (install the NVIDIA driver, or give its path with option nvml.library or TAOPROM_NVML_LIBRARY)";
    }
    return "cannot load NVML library " + path + ": " + reason
        + " (option nvml.library must name libnvidia-ml.so.1 of the NVIDIA driver)";
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  private Function required(NativeLibrary lib, String... names) throws NvmlUnavailableException {
    Function f = firstOf(lib, names);
    if (f == null) {
      throw new NvmlUnavailableException(path + " is not a usable NVML library: it has no " + names[0]);
    }
    return f;
  }

  /** The first of the given entry points the library has, noting when an older one stands in. */
  private Function firstOf(NativeLibrary lib, String... names) {
    for (int i = 0; i < names.length; i++) {
      try {
        Function f = lib.getFunction(names[i]);
        if (i > 0) {
          fallbacks.add(names[0] + " -> " + names[i]);
        }
        return f;
      } catch (UnsatisfiedLinkError absent) {
        // an older driver: try the next, older entry point
      }
    }
    fallbacks.add(names[0] + " -> (absent)");
    return null;
  }

  private static boolean has(NativeLibrary lib, String name) {
    try {
      lib.getFunction(name);
      return true;
    } catch (UnsatisfiedLinkError absent) {
      return false;
    }
  }

  /**
   * The size of one {@code nvmlProcessInfo_t} for the process entry point found. The v1 call
   * fills 16-byte entries (pid, used memory) and v2 24-byte ones (plus the MIG instance ids).
   * For v3, drivers of the CUDA 12.0/12.1 era briefly added {@code usedGpuCcProtectedMemory}
   * (32 bytes); later drivers went back to 24 and moved it to
   * {@code nvmlDeviceGetRunningProcessDetailList}, whose presence tells the two apart.
   */
  private static int processInfoStride(NativeLibrary lib, Function found) {
    if (found == null) {
      return 0;
    }
    String name = found.getName();
    if (name.endsWith("_v3")) {
      boolean ccEra = has(lib, "nvmlDeviceGetConfComputeMemSizeInfo")
          && !has(lib, "nvmlDeviceGetRunningProcessDetailList");
      return ccEra ? 32 : 24;
    }
    return name.endsWith("_v2") ? 24 : 16;
  }

  /** The library as the user named it. */
  String path() {
    return path;
  }

  /** The older entry points used in place of newer ones, and those absent, for the log. */
  List<String> fallbacks() {
    return List.copyOf(fallbacks);
  }

  /** NVML's own text for a return code ("Not Supported"), remembered per code. */
  String errorString(int code) {
    return errorStrings.computeIfAbsent(code, c -> {
      String text = errorString.invokeString(new Object[] {c}, false);
      return text == null ? "error " + c : text;
    });
  }

  /** {@code "Not Supported (not_supported)"}: NVML's text and the code's name, for messages. */
  String describe(int code) {
    return errorString(code) + " (" + NvmlReturn.name(code) + ")";
  }

  int init() {
    return init.invokeInt(new Object[0]);
  }

  int shutdown() {
    return shutdown.invokeInt(new Object[0]);
  }

  /** Writes the driver version as a C string of at most {@code length} bytes. */
  int systemGetDriverVersion(Memory out, int length) {
    return call(systemGetDriverVersion, out, length);
  }

  /** Writes the CUDA version the driver supports as an int, 1000 × major + 10 × minor. */
  int systemGetCudaDriverVersion(Memory out) {
    return call(systemGetCudaDriverVersion, out);
  }

  int deviceGetCount(Memory out) {
    return call(deviceGetCount, out);
  }

  /** Writes the {@code nvmlDevice_t} handle of device {@code index} at offset 0. */
  int deviceGetHandleByIndex(int index, Memory out) {
    return call(deviceGetHandleByIndex, index, out);
  }

  int deviceGetName(Pointer device, Memory out, int length) {
    return call(deviceGetName, device, out, length);
  }

  int deviceGetUuid(Pointer device, Memory out, int length) {
    return call(deviceGetUuid, device, out, length);
  }

  /** Fills an {@code nvmlPciInfo_t} (68 bytes); the {@code busId} string is at offset 36. */
  int deviceGetPciInfo(Pointer device, Memory out) {
    return call(deviceGetPciInfo, device, out);
  }

  /** Writes the major version at offset 0 and the minor at 4 (two ints). */
  int deviceGetCudaComputeCapability(Pointer device, Memory out) {
    return call(deviceGetCudaComputeCapability, device, out, out.share(4));
  }

  /** Fills an {@code nvmlUtilization_t}: gpu percent at 0, memory percent at 4. */
  int deviceGetUtilizationRates(Pointer device, Memory out) {
    return call(deviceGetUtilizationRates, device, out);
  }

  /**
   * Reads the device's memory into {@code totalUsedFree} (bytes, unsigned 64-bit as Java longs):
   * total, used, free and, at index 3, the memory the driver reserves, or -1 where it does not
   * say. Uses {@code nvmlMemory_v2_t} (version, total, reserved, free, used) where the driver has
   * it, else {@code nvmlMemory_t} (total, free, used). Works on MIG device handles too.
   */
  int deviceGetMemoryInfo(Pointer device, Memory scratch, long[] totalUsedFree) {
    if (deviceGetMemoryInfo == null) {
      return NvmlReturn.NOT_SUPPORTED;
    }
    int rc;
    if (memoryInfoV2) {
      scratch.clear(40);
      scratch.setInt(0, MEMORY_V2_VERSION);
      rc = deviceGetMemoryInfo.invokeInt(new Object[] {device, scratch});
      totalUsedFree[0] = scratch.getLong(8);
      totalUsedFree[1] = scratch.getLong(32);
      totalUsedFree[2] = scratch.getLong(24);
      totalUsedFree[3] = scratch.getLong(16);
    } else {
      rc = deviceGetMemoryInfo.invokeInt(new Object[] {device, scratch});
      totalUsedFree[0] = scratch.getLong(0);
      totalUsedFree[1] = scratch.getLong(16);
      totalUsedFree[2] = scratch.getLong(8);
      totalUsedFree[3] = -1;
    }
    return rc;
  }

  /** Writes the GPU die temperature ({@code NVML_TEMPERATURE_GPU}) in °C as an unsigned int. */
  int deviceGetTemperature(Pointer device, Memory out) {
    return call(deviceGetTemperature, device, 0, out);
  }

  /** Writes the power draw in milliwatts. */
  int deviceGetPowerUsage(Pointer device, Memory out) {
    return call(deviceGetPowerUsage, device, out);
  }

  /** Writes the enforced power limit in milliwatts. */
  int deviceGetEnforcedPowerLimit(Pointer device, Memory out) {
    return call(deviceGetEnforcedPowerLimit, device, out);
  }

  /** Writes the energy used since the driver was loaded, in millijoules (unsigned 64-bit). */
  int deviceGetTotalEnergyConsumption(Pointer device, Memory out) {
    return call(deviceGetTotalEnergyConsumption, device, out);
  }

  /** Writes the current clock of {@link #CLOCK_SM} or {@link #CLOCK_MEM} in MHz. */
  int deviceGetClockInfo(Pointer device, int clock, Memory out) {
    return call(deviceGetClockInfo, device, clock, out);
  }

  /** Writes the fan speed in percent of the maximum (it may exceed 100). */
  int deviceGetFanSpeed(Pointer device, Memory out) {
    return call(deviceGetFanSpeed, device, out);
  }

  /**
   * Writes the PCIe throughput of {@link #PCIE_TX} or {@link #PCIE_RX} in KB/s. The driver
   * samples for 20 ms per call, which is why the collector can be told to skip it.
   */
  int deviceGetPcieThroughput(Pointer device, int counter, Memory out) {
    return call(deviceGetPcieThroughput, device, counter, out);
  }

  int deviceGetCurrPcieLinkGeneration(Pointer device, Memory out) {
    return call(deviceGetCurrPcieLinkGeneration, device, out);
  }

  int deviceGetCurrPcieLinkWidth(Pointer device, Memory out) {
    return call(deviceGetCurrPcieLinkWidth, device, out);
  }

  /** Writes the volatile (since driver load) ECC error count of the given type, unsigned 64-bit. */
  int deviceGetTotalEccErrors(Pointer device, int errorType, Memory out) {
    return call(deviceGetTotalEccErrors, device, errorType, 0, out);
  }

  /** Writes the bitmask of active clock event (throttle) reasons, 64-bit. */
  int deviceGetClocksEventReasons(Pointer device, Memory out) {
    return call(deviceGetClocksEventReasons, device, out);
  }

  /** Bytes per process entry for {@link #deviceGetComputeRunningProcesses}; 0 when absent. */
  int processInfoStride() {
    return processInfoStride;
  }

  /**
   * NVML's sizing protocol: {@code count} holds the capacity of {@code infos} (entries of
   * {@link #processInfoStride()} bytes: pid at 0, used memory at 8) and receives the number
   * written, or the number needed with {@code INSUFFICIENT_SIZE}.
   */
  int deviceGetComputeRunningProcesses(Pointer device, Memory count, Pointer infos) {
    return call(deviceGetComputeRunningProcesses, device, count, infos);
  }

  boolean hasEvents() {
    return eventSetCreate != null && deviceRegisterEvents != null && eventSetWait != null
        && deviceGetSupportedEventTypes != null;
  }

  int deviceGetSupportedEventTypes(Pointer device, Memory out) {
    return call(deviceGetSupportedEventTypes, device, out);
  }

  int eventSetCreate(Memory out) {
    return call(eventSetCreate, out);
  }

  int deviceRegisterEvents(Pointer device, long eventTypes, Pointer set) {
    return call(deviceRegisterEvents, device, eventTypes, set);
  }

  /**
   * Takes one event from the set without waiting ({@code timeoutms} 0): {@code TIMEOUT} when
   * none is pending. Fills an {@code nvmlEventData_t}: device at 0, type at 8, data (the XID)
   * at 16; the v1 struct ends there, v2 adds the MIG instance ids.
   */
  int eventSetPoll(Pointer set, Memory out) {
    out.clear(32);
    return call(eventSetWait, set, out, 0);
  }

  int eventSetFree(Pointer set) {
    return eventSetFree == null ? NvmlReturn.SUCCESS : call(eventSetFree, set);
  }

  boolean hasMig() {
    return deviceGetMigMode != null && deviceGetMaxMigDeviceCount != null
        && deviceGetMigDeviceHandleByIndex != null && deviceGetGpuInstanceId != null
        && deviceGetComputeInstanceId != null;
  }

  /** Writes the current MIG mode at offset 0 (1 = enabled) and the pending one at 4. */
  int deviceGetMigMode(Pointer device, Memory out) {
    return call(deviceGetMigMode, device, out, out.share(4));
  }

  int deviceGetMaxMigDeviceCount(Pointer device, Memory out) {
    return call(deviceGetMaxMigDeviceCount, device, out);
  }

  /** Writes the handle of MIG device {@code index} at offset 0; {@code NOT_FOUND} for an empty slot. */
  int deviceGetMigDeviceHandleByIndex(Pointer device, int index, Memory out) {
    return call(deviceGetMigDeviceHandleByIndex, device, index, out);
  }

  int deviceGetGpuInstanceId(Pointer migDevice, Memory out) {
    return call(deviceGetGpuInstanceId, migDevice, out);
  }

  int deviceGetComputeInstanceId(Pointer migDevice, Memory out) {
    return call(deviceGetComputeInstanceId, migDevice, out);
  }

  /** Writes the PCIe replay (retry) count since the driver was loaded, unsigned int. */
  int deviceGetPcieReplayCounter(Pointer device, Memory out) {
    return call(deviceGetPcieReplayCounter, device, out);
  }

  /** Writes the encoder utilization in percent at 0 and its sampling period (µs) at 4. */
  int deviceGetEncoderUtilization(Pointer device, Memory out) {
    return call(deviceGetEncoderUtilization, device, out, out.share(4));
  }

  /** Writes the decoder utilization in percent at 0 and its sampling period (µs) at 4. */
  int deviceGetDecoderUtilization(Pointer device, Memory out) {
    return call(deviceGetDecoderUtilization, device, out, out.share(4));
  }

  /**
   * Writes the rows remapped for correctable errors at 0, for uncorrectable ones at 4, whether a
   * remapping is pending at 8 and whether one failed at 12 (unsigned ints). Ampere and newer.
   */
  int deviceGetRemappedRows(Pointer device, Memory out) {
    return call(deviceGetRemappedRows, device, out, out.share(4), out.share(8), out.share(12));
  }

  /**
   * Reads {@code count} {@code nvmlFieldValue_t} entries of {@link FieldValues#ENTRY_SIZE}
   * bytes at {@code values}; the caller sets each {@code fieldId} (at 0) and {@code scopeId}
   * (at 4). See {@link FieldValues} for the rest of the layout.
   */
  int deviceGetFieldValues(Pointer device, int count, Pointer values) {
    return call(deviceGetFieldValues, device, count, values);
  }

  /** The GPM entry points (Hopper and newer; absent before driver 520). */
  GpmLibrary gpm() {
    return gpm;
  }

  // An absent optional entry point reads as NOT_SUPPORTED: the series is left out and counted.
  private static int call(Function f, Object... args) {
    return f == null ? NvmlReturn.NOT_SUPPORTED : f.invokeInt(args);
  }

  @Override
  public String toString() {
    return "NvmlLibrary[" + path + "]";
  }
}
