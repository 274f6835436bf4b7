package io.taoprom.metrics.host.powersupplyclass;

import java.util.List;

/**
 * The attributes of {@code /sys/class/power_supply/<supply>/} that node_exporter serves, in
 * the kernel's units and with node_exporter's names ({@code current_now} is
 * {@code node_power_supply_current_ampere}, {@code cycle_count} is {@code _cyclecount}).
 */
final class PowerSupplyAttributes {

  private PowerSupplyAttributes() {}

  /**
   * A numeric attribute: its file, the metric name after {@code node_power_supply_}, and what the
   * kernel's integer is divided by (µA, µV, µWh, µAh and µW by 10^6; tenths of a degree by 10).
   * A division, not a multiplication by the inverse, so that the digits are node_exporter's.
   */
  record Numeric(String file, String metric, double divisor) {}

  private static final double MICRO = 1e6;
  private static final double DECI = 10.0;

  static final List<Numeric> NUMERIC = List.of(
      new Numeric("authentic", "authentic", 1),
      new Numeric("calibrate", "calibrate", 1),
      new Numeric("capacity", "capacity", 1),
      new Numeric("capacity_alert_max", "capacity_alert_max", 1),
      new Numeric("capacity_alert_min", "capacity_alert_min", 1),
      new Numeric("cycle_count", "cyclecount", 1),
      new Numeric("online", "online", 1),
      new Numeric("present", "present", 1),
      new Numeric("time_to_empty_now", "time_to_empty_seconds", 1),
      new Numeric("time_to_full_now", "time_to_full_seconds", 1),
      new Numeric("current_boot", "current_boot", MICRO),
      new Numeric("current_max", "current_max", MICRO),
      new Numeric("current_now", "current_ampere", MICRO),
      new Numeric("energy_empty", "energy_empty", MICRO),
      new Numeric("energy_empty_design", "energy_empty_design", MICRO),
      new Numeric("energy_full", "energy_full", MICRO),
      new Numeric("energy_full_design", "energy_full_design", MICRO),
      new Numeric("energy_now", "energy_watthour", MICRO),
      new Numeric("voltage_boot", "voltage_boot", MICRO),
      new Numeric("voltage_max", "voltage_max", MICRO),
      new Numeric("voltage_max_design", "voltage_max_design", MICRO),
      new Numeric("voltage_min", "voltage_min", MICRO),
      new Numeric("voltage_min_design", "voltage_min_design", MICRO),
      new Numeric("voltage_now", "voltage_volt", MICRO),
      new Numeric("voltage_ocv", "voltage_ocv", MICRO),
      new Numeric("charge_control_limit", "charge_control_limit", MICRO),
      new Numeric("charge_control_limit_max", "charge_control_limit_max", MICRO),
      new Numeric("charge_counter", "charge_counter", MICRO),
      new Numeric("charge_empty", "charge_empty", MICRO),
      new Numeric("charge_empty_design", "charge_empty_design", MICRO),
      new Numeric("charge_full", "charge_full", MICRO),
      new Numeric("charge_full_design", "charge_full_design", MICRO),
      new Numeric("charge_now", "charge_ampere", MICRO),
      new Numeric("charge_term_current", "charge_term_current", MICRO),
      new Numeric("constant_charge_current", "constant_charge_current", MICRO),
      new Numeric("constant_charge_current_max", "constant_charge_current_max", MICRO),
      new Numeric("constant_charge_voltage", "constant_charge_voltage", MICRO),
      new Numeric("constant_charge_voltage_max", "constant_charge_voltage_max", MICRO),
      new Numeric("precharge_current", "precharge_current", MICRO),
      new Numeric("input_current_limit", "input_current_limit", MICRO),
      new Numeric("power_now", "power_watt", MICRO),
      new Numeric("temp", "temp_celsius", DECI),
      new Numeric("temp_alert_max", "temp_alert_max_celsius", DECI),
      new Numeric("temp_alert_min", "temp_alert_min_celsius", DECI),
      new Numeric("temp_ambient", "temp_ambient_celsius", DECI),
      new Numeric("temp_ambient_max", "temp_ambient_max_celsius", DECI),
      new Numeric("temp_ambient_min", "temp_ambient_min_celsius", DECI),
      new Numeric("temp_max", "temp_max_celsius", DECI),
      new Numeric("temp_min", "temp_min_celsius", DECI));

  /**
   * The text attributes that become labels of {@code node_power_supply_info} where not empty; the
   * label is the file's name. The supply's own name is the label {@code power_supply} beside them.
   */
  static final List<String> INFO = List.of(
      "capacity_level", "charge_type", "health", "manufacturer", "model_name", "serial_number",
      "status", "technology", "type", "usb_type", "scope");
}
