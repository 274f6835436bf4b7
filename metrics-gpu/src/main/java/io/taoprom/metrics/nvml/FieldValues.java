package io.taoprom.metrics.nvml;

import com.sun.jna.Memory;

/**
 * The {@code nvmlDeviceGetFieldValues} queries the dcgm naming makes, with the layout of
 * {@code nvmlFieldValue_t} (40 bytes): {@code fieldId} at 0, {@code scopeId} at 4, the CPU
 * timestamp in µs since 1970 at 8, {@code latencyUsec} at 16, {@code valueType} at 24, the
 * entry's own {@code nvmlReturn} at 28 and the value (an 8-byte union) at 32. Field ids are
 * NVML's {@code NVML_FI_*} constants from the public API reference.
 */
final class FieldValues {

  static final int ENTRY_SIZE = 40;
  /** {@code NVML_FI_DEV_MEMORY_TEMP}: HBM or GDDR temperature in °C, unsigned int. */
  static final int MEMORY_TEMP = 82;
  /** {@code NVML_FI_DEV_NVLINK_LINK_COUNT}: NVLinks present on the device. */
  static final int NVLINK_LINK_COUNT = 91;
  /** {@code NVML_FI_DEV_NVLINK_THROUGHPUT_DATA_TX}: KiB sent over NVLink, counter. */
  static final int NVLINK_THROUGHPUT_DATA_TX = 138;
  /** {@code NVML_FI_DEV_NVLINK_THROUGHPUT_DATA_RX}: KiB received over NVLink, counter. */
  static final int NVLINK_THROUGHPUT_DATA_RX = 139;
  /** The scope id that asks for the sum over all of a GPU's links. */
  static final int ALL_LINKS = 0xFFFFFFFF;

  private FieldValues() {}

  /** Clears entry {@code i} of {@code values} and sets its field and scope. */
  static void set(Memory values, int i, int fieldId, int scopeId) {
    long at = (long) i * ENTRY_SIZE;
    values.setMemory(at, ENTRY_SIZE, (byte) 0);
    values.setInt(at, fieldId);
    values.setInt(at + 4, scopeId);
  }

  static int returnCode(Memory values, int i) {
    return values.getInt((long) i * ENTRY_SIZE + 28);
  }

  static long timestampMicros(Memory values, int i) {
    return values.getLong((long) i * ENTRY_SIZE + 8);
  }

  /** The value as an unsigned int (NVML sometimes mislabels its type; the low 4 bytes hold it). */
  static long unsignedInt(Memory values, int i) {
    return values.getInt((long) i * ENTRY_SIZE + 32) & 0xFFFFFFFFL;
  }

  /** The value as an unsigned long long, read signed: above 2^63 reads negative. */
  static long unsignedLong(Memory values, int i) {
    return values.getLong((long) i * ENTRY_SIZE + 32);
  }
}
