package io.taoprom.metrics.nvml;

/**
 * The NVML return codes ({@code nvmlReturn_t}) the collector tells apart, and a short
 * label-friendly name for every code NVML documents. A code NVML does not document maps to
 * {@code unknown}, so a misbehaving library cannot grow the {@code error} label without bound.
 */
final class NvmlReturn {

  static final int SUCCESS = 0;
  static final int NOT_SUPPORTED = 3;
  static final int NOT_FOUND = 6;
  static final int INSUFFICIENT_SIZE = 7;
  static final int TIMEOUT = 10;
  static final int GPU_IS_LOST = 15;
  static final int RESET_REQUIRED = 16;

  // Indexed by code, from nvml.h's nvmlReturn_enum (0 to 29; 999 is NVML_ERROR_UNKNOWN).
  private static final String[] NAMES = {
    "success", "uninitialized", "invalid_argument", "not_supported", "no_permission",
    "already_initialized", "not_found", "insufficient_size", "insufficient_power",
    "driver_not_loaded", "timeout", "irq_issue", "library_not_found", "function_not_found",
    "corrupted_inforom", "gpu_is_lost", "reset_required", "operating_system",
    "lib_rm_version_mismatch", "in_use", "memory", "no_data", "vgpu_ecc_not_supported",
    "insufficient_resources", "freq_not_supported", "argument_version_mismatch", "deprecated",
    "not_ready", "gpu_not_found", "invalid_state",
  };

  private NvmlReturn() {}

  /** {@code not_supported} for 3, {@code gpu_is_lost} for 15, {@code unknown} for anything undocumented. */
  static String name(int code) {
    return code >= 0 && code < NAMES.length ? NAMES[code] : "unknown";
  }

  /** Whether the code means the GPU itself is gone until it is reset (the others are per call). */
  static boolean isDeviceGone(int code) {
    return code == GPU_IS_LOST || code == RESET_REQUIRED;
  }
}
