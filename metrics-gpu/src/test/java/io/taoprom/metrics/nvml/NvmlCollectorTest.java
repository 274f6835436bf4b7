package io.taoprom.metrics.nvml;

import io.taoprom.exporter.testing.Promtool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nvml collector against the fake libnvidia-ml (src/test/c/fake_nvml.c) through the real
 * JNA binding: golden expositions for 0, 1 and 8 GPUs, and every way a GPU can misbehave.
 */
class NvmlCollectorTest {

  private static final String UUID0 = "GPU-8f6b1c2e-0000-4000-8000-000000000000";
  private static final String UUID1 = "GPU-8f6b1c2e-0000-4000-8000-000000000001";
  private static final String GPU0 = "gpu=\"0\",uuid=\"" + UUID0 + "\"";
  private static final String GPU1 = "gpu=\"1\",uuid=\"" + UUID1 + "\"";
  /**
   * A pid above Linux's largest pid_max (2^22), so never a live process; as a label it sorts
   * after any real pid, which keeps the golden file's order fixed.
   */
  private static final long NO_SUCH_PID = 9_999_999;

  @TempDir Path tmp;
  private final List<NvmlCollector> opened = new ArrayList<>();

  @AfterEach
  void closeCollectors() {
    opened.forEach(NvmlCollector::close);
  }

  private NvmlCollector open(FakeNvml fake) throws NvmlUnavailableException {
    return open(NvmlCollector.builder().library(fake.path().toString()));
  }

  private NvmlCollector open(NvmlCollector.Builder builder) throws NvmlUnavailableException {
    NvmlCollector collector = builder.build();
    opened.add(collector);
    return collector;
  }

  private static long selfPid() {
    return ProcessHandle.current().pid();
  }

  private static String selfComm() throws IOException {
    return Files.readString(Path.of("/proc/self/comm"), StandardCharsets.UTF_8).strip();
  }

  @Test
  void noGpuYieldsOnlyTheDeviceCount() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 0");

    assertThat(Exposition.of(open(fake))).isEqualTo("""
        # HELP taoprom_nvml_devices GPUs NVML reported when the collector started.
        # TYPE taoprom_nvml_devices gauge
        taoprom_nvml_devices 0.0
        """);
  }

  @Test
  void oneGpuGolden() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script(
        "devices 1",
        "dev 0 reasons 0x45",
        "dev 0 ecc 3 1",
        "dev 0 proc " + selfPid() + " 536870912",
        "dev 0 proc " + NO_SUCH_PID + " 1048576",
        "dev 0 xid 79",
        "dev 0 xid 79",
        "dev 0 xid 13");

    String text = Exposition.of(open(fake));

    Golden.assertMatches("one-gpu.prom", text, Map.of("pid", Long.toString(selfPid()), "comm", selfComm()));
    assertThat(Promtool.check(text)).isEmpty();
  }

  @Test
  void eightGpusGolden() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 8");
    NvmlCollector nvml = open(fake);

    String text = Exposition.of(nvml);

    Golden.assertMatches("eight-gpus.prom", text, Map.of());
    assertThat(Promtool.check(text)).isEmpty();
    assertThat(Exposition.of(nvml)).as("a second scrape reads the same").isEqualTo(text);
  }

  @Test
  void notSupportedFieldsAreLeftOutAndCounted() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script(
        "devices 2",
        "dev 0 fail temp 3",
        "dev 0 fail power 3",
        "dev 0 fail fan 3",
        "dev 1 fail fan 3",
        "dev 0 fail ecc_corrected 3",
        "dev 0 fail ecc_uncorrected 3",
        "dev 0 fail cc 3",
        "dev 1 fail events 3");

    String text = Exposition.of(open(fake));

    assertThat(text)
        .doesNotContain("gpu_temperature_celsius{" + GPU0)
        .contains("gpu_temperature_celsius{" + GPU1 + "} 36.0")
        .doesNotContain("gpu_power_watts{" + GPU0)
        .contains("gpu_power_watts{" + GPU1 + "} 101.0")
        .doesNotContain("gpu_fan_speed_ratio{")
        .doesNotContain("gpu_ecc_errors_total{" + GPU0)
        .contains("gpu_ecc_errors_total{gpu=\"1\",type=\"corrected\",uuid=\"" + UUID1 + "\"} 1.0")
        .contains("gpu_info{compute_capability=\"\",cuda_version=\"12.4\"")
        .contains("taoprom_nvml_unsupported_fields{field=\"compute_capability\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"ecc_corrected\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"ecc_uncorrected\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"fan_speed\"} 2.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"power\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"temperature\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"xid_events\"} 1.0")
        .contains("taoprom_nvml_device_up{" + GPU0 + "} 1.0")
        .contains("taoprom_nvml_device_up{" + GPU1 + "} 1.0")
        .doesNotContain("taoprom_nvml_field_errors_total");
    assertThat(Promtool.check(text)).isEmpty();
  }

  @Test
  void otherErrorsAreCountedSinceStart() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1", "dev 0 fail power 4", "dev 0 fail util 999");
    NvmlCollector nvml = open(fake);

    Exposition.of(nvml);
    String text = Exposition.of(nvml);

    assertThat(text)
        .doesNotContain("gpu_power_watts{")
        .doesNotContain("gpu_utilization_ratio{")
        .contains("gpu_power_limit_watts{" + GPU0 + "} 700.0")
        .contains("taoprom_nvml_field_errors_total{error=\"no_permission\",field=\"power\"} 2.0")
        .contains("taoprom_nvml_field_errors_total{error=\"unknown\",field=\"utilization\"} 2.0")
        .doesNotContain("taoprom_nvml_unsupported_fields");
  }

  @Test
  void aGpuLostMidScrapeIsReportedDownAndTheOthersServed() throws Exception {
    // 6 calls at start (uuid, name, PCI, compute capability, event types, register), then the
    // scrape's utilization and memory answer and the temperature finds the GPU gone.
    FakeNvml fake = FakeNvml.create(tmp).script("devices 3", "dev 1 lost_after 8");
    NvmlCollector nvml = open(fake);

    for (int scrape = 0; scrape < 2; scrape++) {
      String text = Exposition.of(nvml);
      assertThat(text)
          .contains("taoprom_nvml_device_up{" + GPU1 + "} 0.0")
          .doesNotContain("gpu_utilization_ratio{" + GPU1)
          .doesNotContain("gpu_memory_used_bytes{" + GPU1)
          .doesNotContain("gpu_temperature_celsius{" + GPU1)
          .contains("gpu_info{compute_capability=\"9.0\",cuda_version=\"12.4\",driver_version=\"550.54.15\","
              + GPU1.replace(",uuid", ",name=\"NVIDIA H100 80GB HBM3\",pci_bus_id=\"00000000:28:00.0\",uuid"))
          .contains("taoprom_nvml_device_up{" + GPU0 + "} 1.0")
          .contains("gpu_utilization_ratio{" + GPU0 + "} 0.4")
          .contains("gpu_utilization_ratio{gpu=\"2\"")
          .doesNotContain("taoprom_nvml_field_errors_total");
      assertThat(Promtool.check(text)).isEmpty();
    }

    fake.script("devices 3"); // reset: the GPU answers again
    assertThat(Exposition.of(nvml))
        .contains("taoprom_nvml_device_up{" + GPU1 + "} 1.0")
        .contains("gpu_utilization_ratio{" + GPU1 + "} 0.41");
  }

  @Test
  void aGpuLostAtStartIsReportedAndPickedUpWhenItReturns() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 2", "dev 0 lost_after 0");
    NvmlCollector nvml = open(fake);

    assertThat(Exposition.of(nvml))
        .contains("taoprom_nvml_device_up{gpu=\"0\",uuid=\"\"} 0.0")
        .doesNotContain("gpu_info{compute_capability=\"9.0\",cuda_version=\"12.4\",driver_version=\"550.54.15\",gpu=\"0\"")
        .contains("taoprom_nvml_device_up{" + GPU1 + "} 1.0");

    fake.script("devices 2");
    String text = Exposition.of(nvml);
    assertThat(text)
        .contains("taoprom_nvml_device_up{" + GPU0 + "} 1.0")
        .contains("gpu_info{compute_capability=\"9.0\",cuda_version=\"12.4\",driver_version=\"550.54.15\",gpu=\"0\"")
        .contains("gpu_temperature_celsius{" + GPU0 + "} 35.0")
        .doesNotContain("uuid=\"\"");
    fake.script("devices 2", "dev 0 xid 48");
    assertThat(Exposition.of(nvml)).as("registered for XID once it answered")
        .contains("gpu_xid_errors_total{" + GPU0 + ",xid=\"48\"} 1.0");
  }

  @Test
  void migInstancesGetMemorySeries() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script(
        "devices 2",
        "dev 0 mig 1 0 10200547328 1073741824 9126805504",
        "dev 0 mig 2 0 20401094656 0 20401094656");

    String text = Exposition.of(open(fake));

    String mig1 = "compute_instance=\"0\",gpu=\"0\",gpu_instance=\"1\",uuid=\"" + UUID0 + "\"";
    String mig2 = "compute_instance=\"0\",gpu=\"0\",gpu_instance=\"2\",uuid=\"" + UUID0 + "\"";
    assertThat(text)
        .contains("gpu_mig_memory_total_bytes{" + mig1 + "} 1.0200547328E10")
        .contains("gpu_mig_memory_used_bytes{" + mig1 + "} 1.073741824E9")
        .contains("gpu_mig_memory_free_bytes{" + mig1 + "} 9.126805504E9")
        .contains("gpu_mig_memory_total_bytes{" + mig2 + "} 2.0401094656E10")
        .contains("gpu_mig_memory_used_bytes{" + mig2 + "} 0.0")
        .doesNotContain("gpu_mig_memory_total_bytes{compute_instance=\"0\",gpu=\"1\"")
        .doesNotContain("taoprom_nvml_unsupported_fields");
    assertThat(Promtool.check(text)).isEmpty();
  }

  @Test
  void aMigDeviceListedTwiceIsServedOnceAndCounted() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script(
        "devices 1",
        "dev 0 mig 1 0 10200547328 1073741824 9126805504",
        "dev 0 mig 1 0 10200547328 2147483648 8053063680");
    NvmlCollector nvml = open(fake);

    String text = Exposition.of(nvml);

    String mig = "compute_instance=\"0\",gpu=\"0\",gpu_instance=\"1\",uuid=\"" + UUID0 + "\"";
    assertThat(text).containsOnlyOnce("gpu_mig_memory_used_bytes{")
        .contains("gpu_mig_memory_used_bytes{" + mig + "} 1.073741824E9")
        .contains("gpu_utilization_ratio{" + GPU0 + "} 0.4");
    assertThat(Promtool.check(text)).isEmpty();
    assertThat(Exposition.of(nvml)).as("counted, from the next scrape on")
        .contains("taoprom_nvml_field_errors_total{error=\"duplicate\",field=\"mig\"} 3.0");
  }

  @Test
  void processesAreBoundedBiggestFirstAndAddedUpPerPid() throws Exception {
    long self = selfPid();
    FakeNvml fake = FakeNvml.create(tmp).script(
        "devices 1",
        "dev 0 proc 4194001 1073741824",
        "dev 0 proc " + self + " 2147483648",
        "dev 0 proc " + NO_SUCH_PID + " 3221225472",
        "dev 0 proc " + self + " 2147483648", // listed again, as for a second MIG instance
        "dev 0 proc 4194002 18446744073709551615"); // NVML_VALUE_NOT_AVAILABLE

    String text = Exposition.of(open(NvmlCollector.builder().library(fake.path().toString()).maxProcesses(2)));

    assertThat(text)
        .contains("gpu_process_memory_used_bytes{gpu=\"0\",pid=\"" + self + "\",process=\"" + selfComm()
            + "\",uuid=\"" + UUID0 + "\"} 4.294967296E9")
        .contains("gpu_process_memory_used_bytes{gpu=\"0\",pid=\"" + NO_SUCH_PID
            + "\",process=\"unknown\",uuid=\"" + UUID0 + "\"} 3.221225472E9")
        .doesNotContain("pid=\"4194001\"")
        .doesNotContain("pid=\"4194002\"")
        .contains("taoprom_nvml_processes_omitted{" + GPU0 + "} 1.0");
  }

  @Test
  void aLongProcessListIsFetchedWholeAndCutToTheBiggest() throws Exception {
    // More entries than the first buffer holds: NVML answers INSUFFICIENT_SIZE and the
    // collector asks again with room for all of them.
    List<String> script = new ArrayList<>(List.of("devices 1"));
    for (int i = 0; i < 200; i++) {
      script.add("dev 0 proc " + (5_000_000 + i) + " " + (1_048_576L * (i + 1)));
    }
    FakeNvml fake = FakeNvml.create(tmp).script(script.toArray(String[]::new));

    String text = Exposition.of(open(fake));

    assertThat(text.lines().filter(line -> line.startsWith("gpu_process_memory_used_bytes{"))).hasSize(32);
    assertThat(text)
        .contains("gpu_process_memory_used_bytes{gpu=\"0\",pid=\"5000199\",process=\"unknown\",uuid=\""
            + UUID0 + "\"} 2.097152E8")
        .contains("pid=\"5000168\"")
        .doesNotContain("pid=\"5000167\"")
        .contains("taoprom_nvml_processes_omitted{" + GPU0 + "} 168.0");
  }

  @Test
  void processSeriesCanBeTurnedOff() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1", "dev 0 proc " + selfPid() + " 1048576");

    String text = Exposition.of(open(NvmlCollector.builder().library(fake.path().toString()).maxProcesses(0)));

    assertThat(text).doesNotContain("gpu_process_memory_used_bytes").doesNotContain("processes");
  }

  @Test
  void pcieThroughputCanBeTurnedOff() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1");

    String text = Exposition.of(open(NvmlCollector.builder().library(fake.path().toString()).pcieThroughput(false)));

    assertThat(text).doesNotContain("gpu_pcie_tx_bytes_per_second").doesNotContain("gpu_pcie_rx_bytes_per_second")
        .contains("gpu_pcie_link_width{" + GPU0 + "} 16.0");
  }

  @Test
  void xidEventsAreTakenOnceAndAddUp() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 2", "dev 1 xid 79", "dev 0 xid 13", "dev 1 xid 79");
    NvmlCollector nvml = open(fake);

    assertThat(Exposition.of(nvml))
        .contains("gpu_xid_errors_total{" + GPU0 + ",xid=\"13\"} 1.0")
        .contains("gpu_xid_errors_total{" + GPU1 + ",xid=\"79\"} 2.0");
    assertThat(Exposition.of(nvml)).as("events are drained, not re-read")
        .contains("gpu_xid_errors_total{" + GPU1 + ",xid=\"79\"} 2.0");

    fake.script("devices 2", "dev 1 xid 79", "dev 1 xid 94");
    assertThat(Exposition.of(nvml))
        .contains("gpu_xid_errors_total{" + GPU0 + ",xid=\"13\"} 1.0")
        .contains("gpu_xid_errors_total{" + GPU1 + ",xid=\"79\"} 3.0")
        .contains("gpu_xid_errors_total{" + GPU1 + ",xid=\"94\"} 1.0");
  }

  @Test
  void valuesOutOfRangeAreLeftOutAndCounted() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script(
        "devices 2",
        "dev 0 temp -5",
        "dev 0 clock_sm 4000000",
        "dev 0 fan 1000",
        "dev 0 util 250 10",
        "dev 0 pcie_gen 0",
        "dev 0 mem 1000 2000 500",
        "dev 0 energy 18446744073709551615",
        "dev 1 power 4294967295");

    String text = Exposition.of(open(fake));

    assertThat(text)
        .doesNotContain("gpu_temperature_celsius{" + GPU0)
        .doesNotContain("gpu_sm_clock_hertz{" + GPU0)
        .doesNotContain("gpu_fan_speed_ratio{" + GPU0)
        .doesNotContain("gpu_utilization_ratio{" + GPU0)
        .contains("gpu_memory_utilization_ratio{" + GPU0 + "} 0.1")
        .doesNotContain("gpu_pcie_link_generation{" + GPU0)
        .doesNotContain("gpu_memory_used_bytes{" + GPU0)
        .contains("gpu_memory_total_bytes{" + GPU0 + "} 1000.0")
        .contains("gpu_memory_free_bytes{" + GPU0 + "} 500.0")
        .doesNotContain("gpu_energy_joules_total{" + GPU0)
        .doesNotContain("gpu_power_watts{" + GPU1)
        .contains("gpu_temperature_celsius{" + GPU1 + "} 36.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"energy\"} 1.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"fan_speed\"} 1.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"memory\"} 1.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"pcie_link_generation\"} 1.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"power\"} 1.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"sm_clock\"} 1.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"temperature\"} 1.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"utilization\"} 1.0");
    assertThat(Promtool.check(text)).isEmpty();
  }

  @Test
  void anOldDriverIsServedThroughTheOlderEntryPoints() throws Exception {
    long self = selfPid();
    FakeNvml fake = FakeNvml.createOldDriver(tmp).script(
        "devices 1",
        "dev 0 mem 17179869184 4294967296 12884901888",
        "dev 0 reasons 0x4",
        "dev 0 proc " + self + " 1610612736",
        "dev 0 proc " + NO_SUCH_PID + " 1048576",
        "dev 0 xid 31");

    String text = Exposition.of(open(fake));

    assertThat(text)
        .contains("gpu_memory_total_bytes{" + GPU0 + "} 1.7179869184E10")
        .contains("gpu_memory_used_bytes{" + GPU0 + "} 4.294967296E9")
        .contains("gpu_memory_free_bytes{" + GPU0 + "} 1.2884901888E10")
        .contains("gpu_clock_event_active{gpu=\"0\",reason=\"sw_power_cap\",uuid=\"" + UUID0 + "\"} 1.0")
        .contains("gpu_process_memory_used_bytes{gpu=\"0\",pid=\"" + self + "\",process=\"" + selfComm()
            + "\",uuid=\"" + UUID0 + "\"} 1.610612736E9")
        .contains("gpu_process_memory_used_bytes{gpu=\"0\",pid=\"" + NO_SUCH_PID
            + "\",process=\"unknown\",uuid=\"" + UUID0 + "\"} 1048576.0")
        .contains("gpu_xid_errors_total{" + GPU0 + ",xid=\"31\"} 1.0")
        .contains("gpu_info{compute_capability=\"9.0\",cuda_version=\"12.4\"")
        .doesNotContain("gpu_energy_joules_total")
        .contains("taoprom_nvml_unsupported_fields{field=\"energy\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"mig\"} 1.0");
    assertThat(Promtool.check(text)).isEmpty();
  }

  @Test
  void initFailureIsOneLineWithNvmlsReason() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("init 9");

    assertThatThrownBy(() -> open(fake))
        .isInstanceOf(NvmlUnavailableException.class)
        .hasMessageContaining("NVML init failed with " + fake.path())
        .hasMessageContaining("Driver Not Loaded (driver_not_loaded)")
        .hasMessageContaining("kernel module is not loaded")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(fake.initCount()).isZero();
  }

  @Test
  void closeShutsNvmlDownOnce() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 2", "dev 0 xid 79");
    NvmlCollector nvml = NvmlCollector.builder().library(fake.path().toString()).build();
    Exposition.of(nvml);
    assertThat(fake.initCount()).isEqualTo(1);

    nvml.close();
    nvml.close();

    assertThat(fake.initCount()).isZero();
    assertThatThrownBy(nvml::collect).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
