package io.taoprom.metrics.nvml;

/**
 * The clock event (throttle) reasons of {@code nvmlDeviceGetCurrentClocksEventReasons}, with
 * their bits from NVML's API reference and the {@code reason} label each is exposed under.
 * Bits NVML may add later are ignored until they are listed here.
 */
enum ClockEventReason {
  GPU_IDLE(0x1L, "gpu_idle"),
  APPLICATIONS_CLOCKS_SETTING(0x2L, "applications_clocks_setting"),
  SW_POWER_CAP(0x4L, "sw_power_cap"),
  HW_SLOWDOWN(0x8L, "hw_slowdown"),
  SYNC_BOOST(0x10L, "sync_boost"),
  SW_THERMAL_SLOWDOWN(0x20L, "sw_thermal_slowdown"),
  HW_THERMAL_SLOWDOWN(0x40L, "hw_thermal_slowdown"),
  HW_POWER_BRAKE_SLOWDOWN(0x80L, "hw_power_brake_slowdown"),
  DISPLAY_CLOCK_SETTING(0x100L, "display_clock_setting");

  final long bit;
  final String label;

  ClockEventReason(long bit, String label) {
    this.bit = bit;
    this.label = label;
  }
}
