package io.taoprom.metrics.nvml;

import io.taoprom.exporter.testing.Promtool;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nvml collector's dcgm-exporter naming ({@code --nvml.names dcgm|both}) against the fake
 * libnvidia-ml through the real JNA binding: golden expositions for 0, 1 and 8 GPUs, GPM
 * between scrapes, fields a GPU does not support, an old driver without GPM, and both namings
 * side by side.
 */
class DcgmNamingTest {

  private static final String UUID0 = "GPU-8f6b1c2e-0000-4000-8000-000000000000";
  private static final String UUID1 = "GPU-8f6b1c2e-0000-4000-8000-000000000001";
  private static final String HOST = "gpu-node-1";
  /** dcgm-exporter's labels of GPU 0 and 1 as client_java sorts them. */
  private static final String DCGM0 = "DCGM_FI_DRIVER_VERSION=\"550.54.15\",Hostname=\"" + HOST + "\",UUID=\"" + UUID0
      + "\",device=\"nvidia0\",gpu=\"0\",modelName=\"NVIDIA H100 80GB HBM3\",pci_bus_id=\"00000000:18:00.0\"";
  private static final String DCGM1 = "DCGM_FI_DRIVER_VERSION=\"550.54.15\",Hostname=\"" + HOST + "\",UUID=\"" + UUID1
      + "\",device=\"nvidia1\",gpu=\"1\",modelName=\"NVIDIA H100 80GB HBM3\",pci_bus_id=\"00000000:28:00.0\"";
  private static final long SECOND = 1_000_000_000L;

  @TempDir Path tmp;
  private final List<NvmlCollector> opened = new ArrayList<>();
  /** The GPM clock: each scrape of {@link #scrape} moves it one second on. */
  private final AtomicLong clock = new AtomicLong(100 * SECOND);

  @AfterEach
  void closeCollectors() {
    opened.forEach(NvmlCollector::close);
  }

  private NvmlCollector open(FakeNvml fake, NvmlNames names) throws NvmlUnavailableException {
    NvmlCollector collector = NvmlCollector.builder().library(fake.path().toString()).names(names).hostname(HOST)
        .gpmClock(SECOND, clock::get).build();
    opened.add(collector);
    return collector;
  }

  /** A scrape one second after the one before. */
  private String scrape(NvmlCollector nvml) {
    clock.addAndGet(SECOND);
    return Exposition.of(nvml);
  }

  /**
   * promtool's findings other than those about dcgm-exporter's own names, which the dcgm naming
   * must keep for NVIDIA's dashboards: its camelCase label {@code modelName}, and
   * {@code DCGM_FI_DEV_PCIE_REPLAY_COUNTER}, whose name holds the word "counter". Every other
   * finding, and every finding about another family, is returned.
   */
  private static String lint(String exposition) throws Exception {
    String findings = Promtool.check(exposition);
    if (findings.isEmpty()) {
      return "";
    }
    assertThat(findings).startsWith("exit 3: ");
    return findings.substring("exit 3: ".length()).lines()
        .filter(line -> !line.matches("DCGM_FI_[A-Z0-9_]+ label names should be written in 'snake_case' not 'camelCase'"))
        .filter(line -> !line.equals("DCGM_FI_DEV_PCIE_REPLAY_COUNTER metric name should not include type 'counter'"))
        .collect(Collectors.joining("\n"));
  }

  /** dcgm-exporter's labels with its {@code err_code} label, in client_java's order. */
  private static String withXid(String labels, int code) {
    return labels.replace("\",gpu=", "\",err_code=\"" + code + "\",gpu=");
  }

  /** The exposition without the families whose names start with one of {@code prefixes}. */
  private static String without(String exposition, String... prefixes) {
    return Arrays.stream(exposition.split("\n"))
        .filter(line -> Arrays.stream(prefixes).noneMatch(prefix -> line.startsWith(prefix)
            || line.startsWith("# HELP " + prefix) || line.startsWith("# TYPE " + prefix)))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void noGpuYieldsOnlyTheDeviceCount() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 0");

    assertThat(scrape(open(fake, NvmlNames.DCGM))).isEqualTo("""
        # HELP taoprom_nvml_devices GPUs NVML reported when the collector started.
        # TYPE taoprom_nvml_devices gauge
        taoprom_nvml_devices 0.0
        """);
  }

  @Test
  void oneGpuGolden() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script(
        "devices 1",
        "dev 0 replay 7",
        "dev 0 remap 2 1 0 1",
        "dev 0 xid 79",
        "dev 0 xid 13");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);

    String first = scrape(nvml);
    String second = scrape(nvml);

    assertThat(first).as("GPM needs two samples; NVLink bandwidth starts at 0")
        .doesNotContain("DCGM_FI_PROF_")
        .contains("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL{" + DCGM0 + "} 0.0")
        .contains("DCGM_FI_DEV_XID_ERRORS{" + withXid(DCGM0, 13) + "} 13.0")
        .doesNotContain("gpu_");
    Golden.assertMatches("one-gpu-dcgm.prom", second, Map.of());
    assertThat(lint(second)).isEmpty();
  }

  @Test
  void eightGpusGolden() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 8");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);

    scrape(nvml);
    String text = scrape(nvml);

    Golden.assertMatches("eight-gpus-dcgm.prom", text, Map.of());
    assertThat(lint(text)).isEmpty();
    assertThat(fake.gpmSamples()).as("two GPM samples per GPU, reused").isEqualTo(16);
    assertThat(scrape(nvml)).as("a third scrape reads the same").isEqualTo(text);
  }

  @Test
  void bothNamingsServeEachNamingUnchanged() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 8");
    NvmlCollector both = open(fake, NvmlNames.BOTH);
    scrape(both);
    String text = scrape(both);

    assertThat(without(text, "DCGM_FI_")).isEqualTo(Golden.read("eight-gpus.prom", Map.of()));
    // The per-process series belong to TaoProm's naming, and so does their omitted count.
    assertThat(without(text, "gpu_", "taoprom_nvml_processes_omitted"))
        .isEqualTo(Golden.read("eight-gpus-dcgm.prom", Map.of()));
    assertThat(lint(text)).isEmpty();
  }

  @Test
  void theTaopromNamingIsTheDefaultAndReadsNoDcgmField() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1", "dev 0 fail gpm 999", "dev 0 fail replay 999");
    NvmlCollector nvml = NvmlCollector.builder().library(fake.path().toString()).build();
    opened.add(nvml);

    String text = scrape(nvml);

    assertThat(text).doesNotContain("DCGM_").doesNotContain("taoprom_nvml_field_errors_total");
    assertThat(fake.gpmSamples()).isZero();
  }

  @Test
  void notSupportedFieldsAreLeftOutAndCountedOnce() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script(
        "devices 2",
        "dev 0 fail mem_temp 3",
        "dev 0 fail replay 3",
        "dev 0 fail enc 3",
        "dev 0 fail remap 3",
        "dev 0 fail temp 3",
        "dev 1 fail temp 3",
        "dev 1 gpm off",
        "dev 1 nvlink 0");
    NvmlCollector nvml = open(fake, NvmlNames.BOTH);
    scrape(nvml);

    String text = scrape(nvml);

    assertThat(text)
        .doesNotContain("DCGM_FI_DEV_MEMORY_TEMP{" + DCGM0)
        .contains("DCGM_FI_DEV_MEMORY_TEMP{" + DCGM1 + "} 41.0")
        .doesNotContain("DCGM_FI_DEV_PCIE_REPLAY_COUNTER{" + DCGM0)
        .contains("DCGM_FI_DEV_PCIE_REPLAY_COUNTER{" + DCGM1 + "} 1.0")
        .doesNotContain("DCGM_FI_DEV_ENC_UTIL{" + DCGM0)
        .contains("DCGM_FI_DEV_DEC_UTIL{" + DCGM0 + "} 3.0")
        .doesNotContain("REMAPPED_ROWS{" + DCGM0)
        .doesNotContain("DCGM_FI_DEV_ROW_REMAP_FAILURE{" + DCGM0)
        .contains("DCGM_FI_DEV_ROW_REMAP_FAILURE{" + DCGM1 + "} 0.0")
        .doesNotContain("DCGM_FI_DEV_GPU_TEMP{")
        .doesNotContain("gpu_temperature_celsius{")
        .contains("DCGM_FI_PROF_SM_ACTIVE{" + DCGM0 + "} 0.4")
        .doesNotContain("DCGM_FI_PROF_SM_ACTIVE{" + DCGM1)
        .contains("DCGM_FI_PROF_NVLINK_TX_BYTES{" + DCGM0 + "} 2.097152E9")
        .doesNotContain("DCGM_FI_PROF_NVLINK_TX_BYTES{" + DCGM1)
        .doesNotContain("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL{" + DCGM1)
        .contains("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL{" + DCGM0 + "} 3000.0")
        .contains("DCGM_FI_DEV_SM_CLOCK{" + DCGM1 + "} 1980.0")
        // Read by both namings, counted once per GPU.
        .contains("taoprom_nvml_unsupported_fields{field=\"temperature\"} 2.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"memory_temperature\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"pcie_replay\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"encoder_utilization\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"remapped_rows\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"gpm\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"nvlink\"} 1.0")
        .doesNotContain("taoprom_nvml_field_errors_total");
    assertThat(lint(text)).isEmpty();
  }

  @Test
  void anOldDriverWithoutGpmIsServedWhatItHas() throws Exception {
    FakeNvml fake = FakeNvml.createOldDriver(tmp).script("devices 1", "dev 0 xid 31");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);
    scrape(nvml);

    String text = scrape(nvml);

    assertThat(text)
        .doesNotContain("DCGM_FI_PROF_")
        .doesNotContain("REMAPPED_ROWS")
        .doesNotContain("DCGM_FI_DEV_FB_RESERVED")
        .doesNotContain("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")
        .contains("DCGM_FI_DEV_FB_USED{" + DCGM0 + "} 1024.0")
        .contains("DCGM_FI_DEV_GPU_UTIL{" + DCGM0 + "} 40.0")
        .contains("DCGM_FI_DEV_PCIE_REPLAY_COUNTER{" + DCGM0 + "} 0.0")
        .contains("DCGM_FI_DEV_MEMORY_TEMP{" + DCGM0 + "} 40.0")
        .contains("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL{" + DCGM0 + "} 3000.0")
        .contains("DCGM_FI_DEV_XID_ERRORS{" + withXid(DCGM0, 31) + "} 31.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"gpm\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"remapped_rows\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"memory_reserved\"} 1.0")
        .contains("taoprom_nvml_unsupported_fields{field=\"energy\"} 1.0")
        .doesNotContain("taoprom_nvml_field_errors_total");
    assertThat(fake.gpmSamples()).isZero();
    assertThat(lint(text)).isEmpty();
  }

  @Test
  void gpmFiguresSpanAtLeastTheMinimumInterval() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);
    scrape(nvml);
    assertThat(scrape(nvml)).contains("DCGM_FI_PROF_GR_ENGINE_ACTIVE{" + DCGM0 + "} 0.455");

    fake.script("devices 1", "dev 0 gpm 1 80");
    clock.addAndGet(SECOND / 2);
    assertThat(Exposition.of(nvml)).as("half a second later: the last interval's figures again")
        .contains("DCGM_FI_PROF_GR_ENGINE_ACTIVE{" + DCGM0 + "} 0.455");
    clock.addAndGet(SECOND / 2);
    assertThat(Exposition.of(nvml)).as("a second after the last sample: a new interval")
        .contains("DCGM_FI_PROF_GR_ENGINE_ACTIVE{" + DCGM0 + "} 0.8");
  }

  @Test
  void gpmFiguresThatAreMissingOrImpossibleAreLeftOut() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1", "dev 0 gpm 5 nan", "dev 0 gpm 10 250",
        "dev 0 gpm 20 -1");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);
    scrape(nvml);

    String text = scrape(nvml);

    assertThat(text)
        .doesNotContain("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE")
        .doesNotContain("DCGM_FI_PROF_DRAM_ACTIVE")
        .doesNotContain("DCGM_FI_PROF_PCIE_TX_BYTES")
        .contains("DCGM_FI_PROF_PCIE_RX_BYTES{" + DCGM0 + "} 2.10239488E8")
        .contains("taoprom_nvml_unsupported_fields{field=\"gpm\"} 1.0")
        .contains("taoprom_nvml_field_errors_total{error=\"out_of_range\",field=\"gpm\"} 2.0");
  }

  @Test
  void gpmErrorsAreCountedAndTheOtherFieldsServed() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 2", "dev 1 fail gpm 4");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);
    scrape(nvml);

    String text = scrape(nvml);

    assertThat(text)
        .contains("DCGM_FI_PROF_SM_ACTIVE{" + DCGM0 + "} 0.4")
        .doesNotContain("DCGM_FI_PROF_SM_ACTIVE{" + DCGM1)
        .contains("DCGM_FI_DEV_SM_CLOCK{" + DCGM1 + "} 1980.0")
        .contains("taoprom_nvml_field_errors_total{error=\"no_permission\",field=\"gpm\"} 2.0");
  }

  @Test
  void aLostGpuIsReportedDownWithoutDcgmSeriesAndStartsGpmAfresh() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 2");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);
    scrape(nvml);
    scrape(nvml);

    fake.script("devices 2", "dev 1 lost_after 0");
    String lost = scrape(nvml);
    assertThat(lost)
        .contains("taoprom_nvml_device_up{gpu=\"1\",uuid=\"" + UUID1 + "\"} 0.0")
        .doesNotContain("{" + DCGM1)
        .contains("DCGM_FI_PROF_SM_ACTIVE{" + DCGM0 + "} 0.4");
    assertThat(lint(lost)).isEmpty();

    fake.script("devices 2");
    assertThat(scrape(nvml)).as("back, with a fresh GPM baseline")
        .contains("taoprom_nvml_device_up{gpu=\"1\",uuid=\"" + UUID1 + "\"} 1.0")
        .contains("DCGM_FI_DEV_GPU_TEMP{" + DCGM1 + "} 36.0")
        .doesNotContain("DCGM_FI_PROF_SM_ACTIVE{" + DCGM1);
    assertThat(scrape(nvml)).contains("DCGM_FI_PROF_SM_ACTIVE{" + DCGM1 + "} 0.4");
  }

  @Test
  void nvlinkBandwidthFollowsTheCountersAndSkipsAReset() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1", "dev 0 nvlink 18 500000 250000");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);

    assertThat(scrape(nvml)).contains("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL{" + DCGM0 + "} 0.0");
    assertThat(scrape(nvml)).contains("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL{" + DCGM0 + "} 750.0");
    // A script reset puts the counters back to their start, below the last reading: a driver reload.
    fake.script("devices 1", "dev 0 nvlink 18 500000 250000");
    assertThat(scrape(nvml)).doesNotContain("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL");
    assertThat(scrape(nvml)).contains("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL{" + DCGM0 + "} 750.0");
  }

  @Test
  void withoutAHostNameTheLabelIsLeftOut() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 1");
    NvmlCollector nvml = NvmlCollector.builder().library(fake.path().toString()).names(NvmlNames.DCGM).build();
    opened.add(nvml);

    assertThat(scrape(nvml))
        .contains("DCGM_FI_DEV_GPU_TEMP{" + DCGM0.replace("Hostname=\"" + HOST + "\",", "") + "} 35.0")
        .doesNotContain("Hostname");
  }

  @Test
  void closeFreesTheGpmSamples() throws Exception {
    FakeNvml fake = FakeNvml.create(tmp).script("devices 3");
    NvmlCollector nvml = open(fake, NvmlNames.DCGM);
    scrape(nvml);
    scrape(nvml);
    assertThat(fake.gpmSamples()).isEqualTo(6);

    nvml.close();

    assertThat(fake.gpmSamples()).isZero();
    assertThat(fake.initCount()).isZero();
  }
}
