package io.taoprom.metrics.host.hwmon;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole hwmon exposition of the two fixture trees, compared with node_exporter's by hand and in {@link HwmonNodeExporterIT}. */
class HwmonGoldenTest {

  @TempDir Path dir;

  private static String text(SysFs sys) {
    return HostFixtures.text(new HwmonCollector(new HwmonSource(sys, DeviceFilter.none()), DeviceFilter.none()));
  }

  /** node_exporter 1.5 run on this tree serves the same families, series and values. */
  @Test
  void goldenTextOfAGpuServer() throws IOException {
    assertThat(text(HostFixtures.copy("hwmon/gpu-server", dir)))
        .isEqualTo(
            """
            # HELP node_hwmon_chip_names Annotation metric for human-readable chip names
            # TYPE node_hwmon_chip_names gauge
            node_hwmon_chip_names{chip="0000:15:05_0_0000:1a:00_0",chip_name="mlx5"} 1.0
            node_hwmon_chip_names{chip="i2c_0_0_0050",chip_name="spd5118"} 1.0
            node_hwmon_chip_names{chip="i2c_0_0_0058",chip_name="pmbus"} 1.0
            node_hwmon_chip_names{chip="lnxsybus:00_acpi000d:00",chip_name="power_meter"} 1.0
            node_hwmon_chip_names{chip="nvme_nvme0",chip_name="nvme"} 1.0
            node_hwmon_chip_names{chip="nvme_nvme1",chip_name="nvme"} 1.0
            node_hwmon_chip_names{chip="platform_coretemp_0",chip_name="coretemp"} 1.0
            node_hwmon_chip_names{chip="platform_coretemp_1",chip_name="coretemp"} 1.0
            node_hwmon_chip_names{chip="thermal_thermal_zone2",chip_name="acpitz"} 1.0
            # HELP node_hwmon_curr_amps Hardware monitor for current (input)
            # TYPE node_hwmon_curr_amps gauge
            node_hwmon_curr_amps{chip="i2c_0_0_0058",sensor="curr1"} 6.890000000000001
            node_hwmon_curr_amps{chip="i2c_0_0_0058",sensor="curr2"} 127.5
            # HELP node_hwmon_curr_max_alarm_amps Hardware monitor for current (max_alarm)
            # TYPE node_hwmon_curr_max_alarm_amps gauge
            node_hwmon_curr_max_alarm_amps{chip="i2c_0_0_0058",sensor="curr1"} 0.0
            # HELP node_hwmon_curr_max_amps Hardware monitor for current (max)
            # TYPE node_hwmon_curr_max_amps gauge
            node_hwmon_curr_max_amps{chip="i2c_0_0_0058",sensor="curr1"} 16.0
            # HELP node_hwmon_fan_alarm Hardware sensor alarm status (fan)
            # TYPE node_hwmon_fan_alarm gauge
            node_hwmon_fan_alarm{chip="i2c_0_0_0058",sensor="fan1"} 0.0
            # HELP node_hwmon_fan_fault Hardware sensor fault status (fan)
            # TYPE node_hwmon_fan_fault gauge
            node_hwmon_fan_fault{chip="i2c_0_0_0058",sensor="fan1"} 0.0
            # HELP node_hwmon_fan_rpm Hardware monitor for fan revolutions per minute (input)
            # TYPE node_hwmon_fan_rpm gauge
            node_hwmon_fan_rpm{chip="i2c_0_0_0058",sensor="fan1"} 9870.0
            # HELP node_hwmon_fan_target_rpm Hardware monitor for fan revolutions per minute (target)
            # TYPE node_hwmon_fan_target_rpm gauge
            node_hwmon_fan_target_rpm{chip="i2c_0_0_0058",sensor="fan1"} 0.0
            # HELP node_hwmon_in_crit_volts Hardware monitor for voltage (crit)
            # TYPE node_hwmon_in_crit_volts gauge
            node_hwmon_in_crit_volts{chip="i2c_0_0_0058",sensor="in2"} 13.5
            # HELP node_hwmon_in_lcrit_volts Hardware monitor for voltage (lcrit)
            # TYPE node_hwmon_in_lcrit_volts gauge
            node_hwmon_in_lcrit_volts{chip="i2c_0_0_0058",sensor="in2"} 10.8
            # HELP node_hwmon_in_max_alarm_volts Hardware monitor for voltage (max_alarm)
            # TYPE node_hwmon_in_max_alarm_volts gauge
            node_hwmon_in_max_alarm_volts{chip="i2c_0_0_0058",sensor="in1"} 0.0
            # HELP node_hwmon_in_max_volts Hardware monitor for voltage (max)
            # TYPE node_hwmon_in_max_volts gauge
            node_hwmon_in_max_volts{chip="i2c_0_0_0058",sensor="in1"} 264.0
            # HELP node_hwmon_in_min_alarm_volts Hardware monitor for voltage (min_alarm)
            # TYPE node_hwmon_in_min_alarm_volts gauge
            node_hwmon_in_min_alarm_volts{chip="i2c_0_0_0058",sensor="in1"} 0.0
            # HELP node_hwmon_in_min_volts Hardware monitor for voltage (min)
            # TYPE node_hwmon_in_min_volts gauge
            node_hwmon_in_min_volts{chip="i2c_0_0_0058",sensor="in1"} 90.0
            # HELP node_hwmon_in_volts Hardware monitor for voltage (input)
            # TYPE node_hwmon_in_volts gauge
            node_hwmon_in_volts{chip="i2c_0_0_0058",sensor="in1"} 230.5
            node_hwmon_in_volts{chip="i2c_0_0_0058",sensor="in2"} 12.15
            # HELP node_hwmon_power_alarm Hardware sensor alarm status (power)
            # TYPE node_hwmon_power_alarm gauge
            node_hwmon_power_alarm{chip="i2c_0_0_0058",sensor="power1"} 0.0
            # HELP node_hwmon_power_average_interval_max_seconds Hardware monitor power usage update interval (average_interval_max)
            # TYPE node_hwmon_power_average_interval_max_seconds gauge
            node_hwmon_power_average_interval_max_seconds{chip="lnxsybus:00_acpi000d:00",sensor="power1"} 4294967.295
            # HELP node_hwmon_power_average_interval_min_seconds Hardware monitor power usage update interval (average_interval_min)
            # TYPE node_hwmon_power_average_interval_min_seconds gauge
            node_hwmon_power_average_interval_min_seconds{chip="lnxsybus:00_acpi000d:00",sensor="power1"} 1.0
            # HELP node_hwmon_power_average_interval_seconds Hardware monitor power usage update interval (average_interval)
            # TYPE node_hwmon_power_average_interval_seconds gauge
            node_hwmon_power_average_interval_seconds{chip="lnxsybus:00_acpi000d:00",sensor="power1"} 1.0
            # HELP node_hwmon_power_average_watt Hardware monitor for power usage in watts (average)
            # TYPE node_hwmon_power_average_watt gauge
            node_hwmon_power_average_watt{chip="lnxsybus:00_acpi000d:00",sensor="power1"} 1456.0
            # HELP node_hwmon_power_is_battery_watt Hardware monitor for power usage in watts (is_battery)
            # TYPE node_hwmon_power_is_battery_watt gauge
            node_hwmon_power_is_battery_watt{chip="lnxsybus:00_acpi000d:00",sensor="power1"} 0.0
            # HELP node_hwmon_power_watt Hardware monitor for power usage in watts (input)
            # TYPE node_hwmon_power_watt gauge
            node_hwmon_power_watt{chip="i2c_0_0_0058",sensor="power1"} 1589.0
            node_hwmon_power_watt{chip="i2c_0_0_0058",sensor="power2"} 1549.0
            # HELP node_hwmon_sensor_label Label for given chip and sensor
            # TYPE node_hwmon_sensor_label gauge
            node_hwmon_sensor_label{chip="0000:15:05_0_0000:1a:00_0",label="asic",sensor="temp1"} 1.0
            node_hwmon_sensor_label{chip="0000:15:05_0_0000:1a:00_0",label="module0",sensor="temp2"} 1.0
            node_hwmon_sensor_label{chip="i2c_0_0_0058",label="iin",sensor="curr1"} 1.0
            node_hwmon_sensor_label{chip="i2c_0_0_0058",label="iout1",sensor="curr2"} 1.0
            node_hwmon_sensor_label{chip="i2c_0_0_0058",label="pin",sensor="power1"} 1.0
            node_hwmon_sensor_label{chip="i2c_0_0_0058",label="pout1",sensor="power2"} 1.0
            node_hwmon_sensor_label{chip="i2c_0_0_0058",label="vin",sensor="in1"} 1.0
            node_hwmon_sensor_label{chip="i2c_0_0_0058",label="vout1",sensor="in2"} 1.0
            node_hwmon_sensor_label{chip="nvme_nvme0",label="Composite",sensor="temp1"} 1.0
            node_hwmon_sensor_label{chip="nvme_nvme0",label="Sensor 1",sensor="temp2"} 1.0
            node_hwmon_sensor_label{chip="nvme_nvme1",label="Composite",sensor="temp1"} 1.0
            node_hwmon_sensor_label{chip="nvme_nvme1",label="Sensor 1",sensor="temp2"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Core 0",sensor="temp2"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Core 1",sensor="temp3"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Core 2",sensor="temp4"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Core 3",sensor="temp5"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_0",label="Package id 0",sensor="temp1"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_1",label="Core 0",sensor="temp2"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_1",label="Core 1",sensor="temp3"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_1",label="Core 2",sensor="temp4"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_1",label="Core 3",sensor="temp5"} 1.0
            node_hwmon_sensor_label{chip="platform_coretemp_1",label="Package id 1",sensor="temp1"} 1.0
            # HELP node_hwmon_temp_alarm Hardware sensor alarm status (temp)
            # TYPE node_hwmon_temp_alarm gauge
            node_hwmon_temp_alarm{chip="nvme_nvme0",sensor="temp1"} 0.0
            node_hwmon_temp_alarm{chip="nvme_nvme1",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="0000:15:05_0_0000:1a:00_0",sensor="temp1"} 52.0
            node_hwmon_temp_celsius{chip="0000:15:05_0_0000:1a:00_0",sensor="temp2"} 41.0
            node_hwmon_temp_celsius{chip="i2c_0_0_0050",sensor="temp1"} 34.25
            node_hwmon_temp_celsius{chip="i2c_0_0_0058",sensor="temp1"} 31.0
            node_hwmon_temp_celsius{chip="i2c_0_0_0058",sensor="temp2"} 45.0
            node_hwmon_temp_celsius{chip="nvme_nvme0",sensor="temp1"} 38.85
            node_hwmon_temp_celsius{chip="nvme_nvme0",sensor="temp2"} 38.85
            node_hwmon_temp_celsius{chip="nvme_nvme1",sensor="temp1"} 40.85
            node_hwmon_temp_celsius{chip="nvme_nvme1",sensor="temp2"} 40.85
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"} 47.0
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp2"} 45.0
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp3"} 46.0
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp4"} 44.0
            node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp5"} 49.0
            node_hwmon_temp_celsius{chip="platform_coretemp_1",sensor="temp1"} 51.0
            node_hwmon_temp_celsius{chip="platform_coretemp_1",sensor="temp2"} 48.0
            node_hwmon_temp_celsius{chip="platform_coretemp_1",sensor="temp3"} 49.0
            node_hwmon_temp_celsius{chip="platform_coretemp_1",sensor="temp4"} 47.0
            node_hwmon_temp_celsius{chip="platform_coretemp_1",sensor="temp5"} 52.0
            node_hwmon_temp_celsius{chip="thermal_thermal_zone2",sensor="temp1"} 27.8
            # HELP node_hwmon_temp_crit_alarm_celsius Hardware monitor for temperature (crit_alarm)
            # TYPE node_hwmon_temp_crit_alarm_celsius gauge
            node_hwmon_temp_crit_alarm_celsius{chip="i2c_0_0_0050",sensor="temp1"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp1"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp2"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp3"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp4"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp5"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_1",sensor="temp1"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_1",sensor="temp2"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_1",sensor="temp3"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_1",sensor="temp4"} 0.0
            node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_1",sensor="temp5"} 0.0
            # HELP node_hwmon_temp_crit_celsius Hardware monitor for temperature (crit)
            # TYPE node_hwmon_temp_crit_celsius gauge
            node_hwmon_temp_crit_celsius{chip="0000:15:05_0_0000:1a:00_0",sensor="temp1"} 105.0
            node_hwmon_temp_crit_celsius{chip="i2c_0_0_0050",sensor="temp1"} 85.0
            node_hwmon_temp_crit_celsius{chip="nvme_nvme0",sensor="temp1"} 84.85000000000001
            node_hwmon_temp_crit_celsius{chip="nvme_nvme1",sensor="temp1"} 84.85000000000001
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp1"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp2"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp3"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp4"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_0",sensor="temp5"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_1",sensor="temp1"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_1",sensor="temp2"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_1",sensor="temp3"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_1",sensor="temp4"} 100.0
            node_hwmon_temp_crit_celsius{chip="platform_coretemp_1",sensor="temp5"} 100.0
            node_hwmon_temp_crit_celsius{chip="thermal_thermal_zone2",sensor="temp1"} 105.0
            # HELP node_hwmon_temp_enable_celsius Hardware monitor for temperature (enable)
            # TYPE node_hwmon_temp_enable_celsius gauge
            node_hwmon_temp_enable_celsius{chip="i2c_0_0_0050",sensor="temp1"} 0.001
            # HELP node_hwmon_temp_highest_celsius Hardware monitor for temperature (highest)
            # TYPE node_hwmon_temp_highest_celsius gauge
            node_hwmon_temp_highest_celsius{chip="0000:15:05_0_0000:1a:00_0",sensor="temp1"} 58.0
            node_hwmon_temp_highest_celsius{chip="0000:15:05_0_0000:1a:00_0",sensor="temp2"} 43.0
            # HELP node_hwmon_temp_lcrit_alarm_celsius Hardware monitor for temperature (lcrit_alarm)
            # TYPE node_hwmon_temp_lcrit_alarm_celsius gauge
            node_hwmon_temp_lcrit_alarm_celsius{chip="i2c_0_0_0050",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_lcrit_celsius Hardware monitor for temperature (lcrit)
            # TYPE node_hwmon_temp_lcrit_celsius gauge
            node_hwmon_temp_lcrit_celsius{chip="i2c_0_0_0050",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_max_alarm_celsius Hardware monitor for temperature (max_alarm)
            # TYPE node_hwmon_temp_max_alarm_celsius gauge
            node_hwmon_temp_max_alarm_celsius{chip="i2c_0_0_0050",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_max_celsius Hardware monitor for temperature (max)
            # TYPE node_hwmon_temp_max_celsius gauge
            node_hwmon_temp_max_celsius{chip="i2c_0_0_0050",sensor="temp1"} 55.0
            node_hwmon_temp_max_celsius{chip="i2c_0_0_0058",sensor="temp1"} 85.0
            node_hwmon_temp_max_celsius{chip="nvme_nvme0",sensor="temp1"} 81.85000000000001
            node_hwmon_temp_max_celsius{chip="nvme_nvme0",sensor="temp2"} 65261.85
            node_hwmon_temp_max_celsius{chip="nvme_nvme1",sensor="temp1"} 81.85000000000001
            node_hwmon_temp_max_celsius{chip="nvme_nvme1",sensor="temp2"} 65261.85
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp1"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp2"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp3"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp4"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_0",sensor="temp5"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_1",sensor="temp1"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_1",sensor="temp2"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_1",sensor="temp3"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_1",sensor="temp4"} 94.0
            node_hwmon_temp_max_celsius{chip="platform_coretemp_1",sensor="temp5"} 94.0
            # HELP node_hwmon_temp_min_alarm_celsius Hardware monitor for temperature (min_alarm)
            # TYPE node_hwmon_temp_min_alarm_celsius gauge
            node_hwmon_temp_min_alarm_celsius{chip="i2c_0_0_0050",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_min_celsius Hardware monitor for temperature (min)
            # TYPE node_hwmon_temp_min_celsius gauge
            node_hwmon_temp_min_celsius{chip="i2c_0_0_0050",sensor="temp1"} 0.0
            node_hwmon_temp_min_celsius{chip="nvme_nvme0",sensor="temp1"} -273.15000000000003
            node_hwmon_temp_min_celsius{chip="nvme_nvme0",sensor="temp2"} -273.15000000000003
            node_hwmon_temp_min_celsius{chip="nvme_nvme1",sensor="temp1"} -273.15000000000003
            node_hwmon_temp_min_celsius{chip="nvme_nvme1",sensor="temp2"} -273.15000000000003
            """);
  }

  /**
   * node_exporter 1.5 run on this tree serves the same, except: it has no frequency series (1.9
   * added them) and, before 1.12, names colliding chips alike (and then drops the duplicates).
   */
  @Test
  void goldenTextOfEverySensorTypeAndNamingRule() throws IOException {
    assertThat(text(HostFixtures.copy("hwmon/types", dir)))
        .isEqualTo(
            """
            # HELP node_hwmon_beep_enabled Hardware beep enabled
            # TYPE node_hwmon_beep_enabled gauge
            node_hwmon_beep_enabled{chip="platform_nct6775_656",sensor="beep_enable0"} 1.0
            # HELP node_hwmon_chip_names Annotation metric for human-readable chip names
            # TYPE node_hwmon_chip_names gauge
            node_hwmon_chip_names{chip="0000:00:03_1_0000:09:00_0",chip_name="amdgpu"} 1.0
            node_hwmon_chip_names{chip="platform_asus_nb_wmi_asus",chip_name="asus"} 1.0
            node_hwmon_chip_names{chip="platform_asus_nb_wmi_asus_wmi_sensors",chip_name="asus_wmi_sensors"} 1.0
            node_hwmon_chip_names{chip="platform_dell_smm_hwmon_hwmon5",chip_name="dell_smm"} 1.0
            node_hwmon_chip_names{chip="platform_dell_smm_hwmon_hwmon6",chip_name="dell_smm"} 1.0
            node_hwmon_chip_names{chip="platform_nct6775_656",chip_name="nct6779"} 1.0
            node_hwmon_chip_names{chip="platform_w83627ehf_656",chip_name="w83627ehf"} 1.0
            # HELP node_hwmon_cpu_vid_volts Hardware monitor for voltage (vid)
            # TYPE node_hwmon_cpu_vid_volts gauge
            node_hwmon_cpu_vid_volts{chip="platform_nct6775_656",sensor="cpu0"} 1.1
            # HELP node_hwmon_curr_amps Hardware monitor for current (input)
            # TYPE node_hwmon_curr_amps gauge
            node_hwmon_curr_amps{chip="0000:00:03_1_0000:09:00_0",sensor="curr1"} 1.5
            # HELP node_hwmon_curr_crit_alarm_amps Hardware monitor for current (crit_alarm)
            # TYPE node_hwmon_curr_crit_alarm_amps gauge
            node_hwmon_curr_crit_alarm_amps{chip="0000:00:03_1_0000:09:00_0",sensor="curr1"} 0.0
            # HELP node_hwmon_energy_joule_total Hardware monitor for joules used so far (input)
            # TYPE node_hwmon_energy_joule_total counter
            node_hwmon_energy_joule_total{chip="0000:00:03_1_0000:09:00_0",sensor="energy1"} 123.456789
            # HELP node_hwmon_fan_alarm Hardware sensor alarm status (fan)
            # TYPE node_hwmon_fan_alarm gauge
            node_hwmon_fan_alarm{chip="platform_nct6775_656",sensor="fan1"} 0.0
            # HELP node_hwmon_fan_beep_enabled Hardware monitor sensor has beeping enabled
            # TYPE node_hwmon_fan_beep_enabled gauge
            node_hwmon_fan_beep_enabled{chip="platform_nct6775_656",sensor="fan1"} 0.0
            # HELP node_hwmon_fan_div Hardware monitor fan element div
            # TYPE node_hwmon_fan_div gauge
            node_hwmon_fan_div{chip="platform_nct6775_656",sensor="fan1"} 8.0
            # HELP node_hwmon_fan_enable Hardware monitor fan element enable
            # TYPE node_hwmon_fan_enable gauge
            node_hwmon_fan_enable{chip="0000:00:03_1_0000:09:00_0",sensor="fan1"} 1.0
            # HELP node_hwmon_fan_max_rpm Hardware monitor for fan revolutions per minute (max)
            # TYPE node_hwmon_fan_max_rpm gauge
            node_hwmon_fan_max_rpm{chip="0000:00:03_1_0000:09:00_0",sensor="fan1"} 3200.0
            # HELP node_hwmon_fan_min_rpm Hardware monitor for fan revolutions per minute (min)
            # TYPE node_hwmon_fan_min_rpm gauge
            node_hwmon_fan_min_rpm{chip="platform_nct6775_656",sensor="fan1"} 300.0
            # HELP node_hwmon_fan_pulses Hardware monitor fan element pulses
            # TYPE node_hwmon_fan_pulses gauge
            node_hwmon_fan_pulses{chip="platform_nct6775_656",sensor="fan1"} 2.0
            # HELP node_hwmon_fan_rpm Hardware monitor for fan revolutions per minute (input)
            # TYPE node_hwmon_fan_rpm gauge
            node_hwmon_fan_rpm{chip="platform_asus_nb_wmi_asus",sensor="fan1"} 2400.0
            node_hwmon_fan_rpm{chip="platform_dell_smm_hwmon_hwmon5",sensor="fan1"} 1900.0
            node_hwmon_fan_rpm{chip="platform_dell_smm_hwmon_hwmon6",sensor="fan1"} 2100.0
            node_hwmon_fan_rpm{chip="platform_nct6775_656",sensor="fan1"} 1205.0
            # HELP node_hwmon_fan_target_rpm Hardware monitor for fan revolutions per minute (target)
            # TYPE node_hwmon_fan_target_rpm gauge
            node_hwmon_fan_target_rpm{chip="0000:00:03_1_0000:09:00_0",sensor="fan1"} 1500.0
            # HELP node_hwmon_freq_freq_mhz Hardware monitor for GPU frequency in MHz
            # TYPE node_hwmon_freq_freq_mhz gauge
            node_hwmon_freq_freq_mhz{chip="0000:00:03_1_0000:09:00_0",sensor="sclk"} 852.0
            # HELP node_hwmon_humidity Hardware monitor for humidity, as a ratio (multiply with 100.0 to get the humidity as a percentage) (input)
            # TYPE node_hwmon_humidity gauge
            node_hwmon_humidity{chip="0000:00:03_1_0000:09:00_0",sensor="humidity1"} 0.045
            # HELP node_hwmon_in_alarm Hardware sensor alarm status (in)
            # TYPE node_hwmon_in_alarm gauge
            node_hwmon_in_alarm{chip="platform_nct6775_656",sensor="in0"} 0.0
            # HELP node_hwmon_in_beep_enabled Hardware monitor sensor has beeping enabled
            # TYPE node_hwmon_in_beep_enabled gauge
            node_hwmon_in_beep_enabled{chip="platform_nct6775_656",sensor="in0"} 0.0
            # HELP node_hwmon_in_max_volts Hardware monitor for voltage (max)
            # TYPE node_hwmon_in_max_volts gauge
            node_hwmon_in_max_volts{chip="platform_nct6775_656",sensor="in0"} 1.744
            # HELP node_hwmon_in_min_volts Hardware monitor for voltage (min)
            # TYPE node_hwmon_in_min_volts gauge
            node_hwmon_in_min_volts{chip="platform_nct6775_656",sensor="in0"} 0.0
            # HELP node_hwmon_in_volts Hardware monitor for voltage (input)
            # TYPE node_hwmon_in_volts gauge
            node_hwmon_in_volts{chip="platform_nct6775_656",sensor="in0"} 1.04
            # HELP node_hwmon_intrusion_alarm Hardware sensor alarm status (intrusion)
            # TYPE node_hwmon_intrusion_alarm gauge
            node_hwmon_intrusion_alarm{chip="platform_nct6775_656",sensor="intrusion0"} 1.0
            # HELP node_hwmon_intrusion_beep_enabled Hardware monitor sensor has beeping enabled
            # TYPE node_hwmon_intrusion_beep_enabled gauge
            node_hwmon_intrusion_beep_enabled{chip="platform_nct6775_656",sensor="intrusion0"} 0.0
            # HELP node_hwmon_power_accuracy Hardware monitor power meter accuracy, as a ratio
            # TYPE node_hwmon_power_accuracy gauge
            node_hwmon_power_accuracy{chip="0000:00:03_1_0000:09:00_0",sensor="power1"} 1.0
            # HELP node_hwmon_power_average_watt Hardware monitor for power usage in watts (average)
            # TYPE node_hwmon_power_average_watt gauge
            node_hwmon_power_average_watt{chip="0000:00:03_1_0000:09:00_0",sensor="power1"} 33.0
            # HELP node_hwmon_power_cap_max_watt Hardware monitor for power usage in watts (cap_max)
            # TYPE node_hwmon_power_cap_max_watt gauge
            node_hwmon_power_cap_max_watt{chip="0000:00:03_1_0000:09:00_0",sensor="power1"} 250.0
            # HELP node_hwmon_power_cap_watt Hardware monitor for power usage in watts (cap)
            # TYPE node_hwmon_power_cap_watt gauge
            node_hwmon_power_cap_watt{chip="0000:00:03_1_0000:09:00_0",sensor="power1"} 200.0
            # HELP node_hwmon_pwm Hardware monitor pwm element\s
            # TYPE node_hwmon_pwm gauge
            node_hwmon_pwm{chip="platform_nct6775_656",sensor="pwm1"} 128.0
            # HELP node_hwmon_pwm_enable Hardware monitor pwm element enable
            # TYPE node_hwmon_pwm_enable gauge
            node_hwmon_pwm_enable{chip="platform_nct6775_656",sensor="pwm1"} 5.0
            # HELP node_hwmon_pwm_mode Hardware monitor pwm element mode
            # TYPE node_hwmon_pwm_mode gauge
            node_hwmon_pwm_mode{chip="platform_nct6775_656",sensor="pwm1"} 1.0
            # HELP node_hwmon_sensor_label Label for given chip and sensor
            # TYPE node_hwmon_sensor_label gauge
            node_hwmon_sensor_label{chip="0000:00:03_1_0000:09:00_0",label="PPT",sensor="power1"} 1.0
            node_hwmon_sensor_label{chip="0000:00:03_1_0000:09:00_0",label="edge éé",sensor="temp1"} 1.0
            node_hwmon_sensor_label{chip="0000:00:03_1_0000:09:00_0",label="sclk",sensor="freq1"} 1.0
            node_hwmon_sensor_label{chip="platform_nct6775_656",label="SYSTIN",sensor="temp1"} 1.0
            # HELP node_hwmon_temp_alarm Hardware sensor alarm status (temp)
            # TYPE node_hwmon_temp_alarm gauge
            node_hwmon_temp_alarm{chip="platform_nct6775_656",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_beep_enabled Hardware monitor sensor has beeping enabled
            # TYPE node_hwmon_temp_beep_enabled gauge
            node_hwmon_temp_beep_enabled{chip="platform_nct6775_656",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="0000:00:03_1_0000:09:00_0",sensor="temp1"} 45.0
            node_hwmon_temp_celsius{chip="hwmon7",sensor="temp1"} 25.0
            node_hwmon_temp_celsius{chip="platform_asus_nb_wmi_asus_wmi_sensors",sensor="temp1"} 42.0
            node_hwmon_temp_celsius{chip="platform_nct6775_656",sensor="temp1"} 33.0
            node_hwmon_temp_celsius{chip="platform_w83627ehf_656",sensor="temp1"} 41.0
            node_hwmon_temp_celsius{chip="platform_w83627ehf_656",sensor="temp2"} 39.0
            # HELP node_hwmon_temp_emergency_celsius Hardware monitor for temperature (emergency)
            # TYPE node_hwmon_temp_emergency_celsius gauge
            node_hwmon_temp_emergency_celsius{chip="0000:00:03_1_0000:09:00_0",sensor="temp1"} 105.0
            # HELP node_hwmon_temp_input_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_input_celsius gauge
            node_hwmon_temp_input_celsius{chip="platform_nct6775_656",sensor="temp1"} 33.0
            # HELP node_hwmon_temp_lowest_celsius Hardware monitor for temperature (lowest)
            # TYPE node_hwmon_temp_lowest_celsius gauge
            node_hwmon_temp_lowest_celsius{chip="platform_nct6775_656",sensor="temp1"} 20.0
            # HELP node_hwmon_temp_max_celsius Hardware monitor for temperature (max)
            # TYPE node_hwmon_temp_max_celsius gauge
            node_hwmon_temp_max_celsius{chip="platform_nct6775_656",sensor="temp1"} 80.0
            # HELP node_hwmon_temp_max_hyst_celsius Hardware monitor for temperature (max_hyst)
            # TYPE node_hwmon_temp_max_hyst_celsius gauge
            node_hwmon_temp_max_hyst_celsius{chip="platform_nct6775_656",sensor="temp1"} 75.0
            # HELP node_hwmon_temp_offset_celsius Hardware monitor for temperature (offset)
            # TYPE node_hwmon_temp_offset_celsius gauge
            node_hwmon_temp_offset_celsius{chip="platform_nct6775_656",sensor="temp1"} 0.0
            # HELP node_hwmon_temp_type Hardware monitor temp element type
            # TYPE node_hwmon_temp_type gauge
            node_hwmon_temp_type{chip="platform_nct6775_656",sensor="temp1"} 4.0
            # HELP node_hwmon_update_interval_seconds Hardware monitor update interval
            # TYPE node_hwmon_update_interval_seconds gauge
            node_hwmon_update_interval_seconds{chip="0000:00:03_1_0000:09:00_0",sensor="update_interval0"} 2.0
            # HELP node_hwmon_voltage_regulator_version Hardware voltage regulator
            # TYPE node_hwmon_voltage_regulator_version gauge
            node_hwmon_voltage_regulator_version{chip="platform_nct6775_656",sensor="vrm0"} 12.0
            """);
  }
}
