package io.taoprom.cli;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.codec.Values;
import io.taoprom.cli.mixin.Dashboard;
import io.taoprom.cli.mixin.GrafanaVariables;
import io.taoprom.cli.mixin.Mixin;
import io.taoprom.cli.mixin.PromqlNames;
import io.taoprom.cli.targets.SubnetFixture;
import io.taoprom.core.keys.Keys;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mixin against a real Prometheus server (Debian's {@code prometheus}, on loopback, data in a
 * temporary directory, scraping every 2 s) that loads {@code mixin/rules.yml} and
 * {@code mixin/alerts.yml} and finds a {@code taoprom serve} through its own {@code /sd}, as a
 * subnet's Prometheus does. That serve has every default collector, three GPUs from the fake
 * {@code libnvidia-ml} (with faults scripted: XIDs, ECC errors, thermal throttling, nearly full
 * memory, an unsupported and an unreadable field, a GPU lost after a while), keeps a hotkey
 * registered on the fake chain, serves that chain's {@code /sd}, and merges a local scrape target
 * that is down. {@code /sd} lists two endpoints of netuid 1: serve itself, and one that is down.
 * Then:
 *
 * <ul>
 *   <li>every rule loads and evaluates without error, and every recording rule records;
 *   <li>every query of every dashboard panel, with the dashboard's variables resolved through
 *       Prometheus as Grafana resolves them, is accepted by {@code /api/v1/query}, and returns
 *       data, except queries on the families of {@link #MAY_HAVE_NO_DATA};
 *   <li>every series a dashboard reads is one TaoProm documents (or Prometheus makes);
 *   <li>exactly the alerts of the scripted faults are pending or firing.
 * </ul>
 *
 * <p>Grafana itself is not run (it cannot be installed here): the dashboards are read as JSON.
 * Skipped with a message without {@code prometheus} or {@code gcc}, failed under {@code CI=true}.
 */
class MixinPrometheusIT {

  /**
   * Metric families (names, or name prefixes ending in {@code _}) a dashboard reads that may
   * have no data on the machine the test runs on, and why. A query that reads one of them may
   * come back empty; every other query must return data. HARDWARE: this machine may lack what
   * it counts.
   */
  static final Map<String, String> MAY_HAVE_NO_DATA = Map.ofEntries(
      entry("node_pressure_", "HARDWARE: needs a kernel with PSI (CONFIG_PSI, not switched off with psi=0)"),
      entry("node_network_speed_bytes", "HARDWARE: virtual NICs report no speed"),
      entry("bittensor_", "OFF: the metagraph collector is off by default and this test's serve does not turn it on"
          + " (its series are checked on chopsticks by its own tests)"));

  /** Series Prometheus makes itself for every target. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

  /**
   * Grafana's built-in variables, as it would set them for a 10-minute range on a data source
   * with a 2 s scrape interval (a rate window always holds several samples).
   */
  private static final Map<String, String> BUILT_INS = Map.of("__rate_interval", "20s", "__interval", "5s",
      "__range", "10m");

  /**
   * The fake GPUs. GPU 0: XIDs 79 (fell off the bus: critical) and 13 (an application's), thermal
   * slowdown and the power cap active, two compute processes. GPU 1: 2 uncorrectable ECC errors,
   * 97.9% of its memory used, a MIG instance, fan speed unsupported, PCIe TX unreadable
   * (NO_PERMISSION). GPU 2: lost (GPU_IS_LOST) after its first 300 NVML calls.
   */
  private static final String[] FAKE_GPUS = {
      "driver 550.54.15",
      "cuda 12040",
      "devices 3",
      "dev 0 reasons 0x45",
      "dev 0 xid 79",
      "dev 0 xid 13",
      "dev 0 proc 4242 2147483648",
      "dev 0 proc 4343 1073741824",
      "dev 1 ecc 17 2",
      "dev 1 mem 85520809984 83751862272 1768947712",
      "dev 1 mig 1 0 42949672960 10737418240 32212254720",
      "dev 1 fail fan 3",
      "dev 1 fail pcie_tx 4",
      "dev 2 lost_after 300",
  };

  /** The alerts the faults above raise (pending or firing); every other alert must stay inactive. */
  private static final Set<String> EXPECTED_ALERTS = Set.of("TaoPromGpuLost", "TaoPromGpuXidErrors",
      "TaoPromGpuCriticalXid", "TaoPromGpuThermalThrottling", "TaoPromGpuPowerCapped",
      "TaoPromGpuUncorrectableEccErrors", "TaoPromGpuMemoryNearlyFull", "TaoPromNvmlFieldErrors",
      "TaoPromLocalScrapeTargetDown");

  @TempDir static Path dir;
  private static FakeChain chain;
  private static ServeProcess serve;
  private static PrometheusProcess prometheus;

  @BeforeAll
  static void startPrometheusScrapingServeWithTheMixin() throws Exception {
    Path prometheusBinary = ExternalTools.require("prometheus", "install the Debian package prometheus");
    FakeNvmlLibrary nvml = FakeNvmlLibrary.build(Files.createDirectories(dir.resolve("nvml")), FAKE_GPUS);
    // The chain refuses 127.0.0.1, the only address serve listens on here; so serve registers
    // Bob's hotkey at 127.0.0.2 (a down endpoint on /sd, as a subnet has) and Alice's entry, put
    // into the node's storage, points at serve itself: the target Prometheus scrapes.
    chain = registeringChain();
    List<String> args = new ArrayList<>(nvml.serveArgs());
    args.addAll(List.of("--network", chain.uri().toString(),
        "--register", "--register.netuid", "1", "--register.ip", "127.0.0.2", "--register.app-version", "1.8.3",
        "--register.wait", "inclusion", "--uri", "//Bob",
        "--sd.netuid", "1", "--sd.refresh-interval", "1s",
        "--scrape.target", "neuron=http://127.0.0.1:" + ServeProcess.freePort() + "/metrics"));
    serve = ServeProcess.start(List.of("-Xmx64m"), args, List.of(), nvml.environment());
    SubnetFixture.neuron(chain, 1, "//Alice", 0, SubnetFixture.v4("127.0.0.1"), serve.port(), 4, 183);
    awaitMetric(serve, "\ntaoprom_chain_registered 1", Duration.ofSeconds(60));

    Path prometheusDir = Files.createDirectories(dir.resolve("prometheus"));
    prometheus = PrometheusProcess.start(prometheusBinary, prometheusDir, """
        global:
          scrape_interval: 2s
          scrape_timeout: 2s
          evaluation_interval: 1s
        rule_files:
          - %s
          - %s
        scrape_configs:
          - job_name: taoprom
            http_sd_configs:
              - url: http://127.0.0.1:%d/sd
                refresh_interval: 1s
        """.formatted(Mixin.rulesFile(), Mixin.alertsFile(), serve.port()));
    // Both endpoints of netuid 1 discovered: serve (Alice's) up, Bob's at 127.0.0.2 down.
    Map<String, String> health = poll(Duration.ofSeconds(90), () -> {
      Map<String, String> byHotkey = new TreeMap<>();
      for (JsonNode t : prometheus.api("/api/v1/targets").path("data").path("activeTargets")) {
        byHotkey.put(t.path("labels").path("hotkey").asText(), t.path("health").asText());
      }
      return "up".equals(byHotkey.get(SubnetFixture.ALICE)) && "down".equals(byHotkey.get(SubnetFixture.BOB))
          ? byHotkey : null;
    }, "Alice's endpoint up and Bob's down");
    assertThat(health).hasSize(2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (serve != null) {
      serve.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void everyRuleLoadsAndEvaluatesWithoutErrorAndEveryRecordingRuleRecords() throws Exception {
    int expected = Mixin.rules(Mixin.rulesFile()).size() + Mixin.rules(Mixin.alertsFile()).size();
    JsonNode groups = poll(Duration.ofSeconds(60), () -> {
      JsonNode g = prometheus.api("/api/v1/rules").path("data").path("groups");
      int evaluated = 0;
      for (JsonNode group : g) {
        for (JsonNode rule : group.path("rules")) {
          evaluated += "unknown".equals(rule.path("health").asText()) ? 0 : 1;
        }
      }
      return evaluated == expected ? g : null;
    }, "every rule evaluated once");
    List<String> unhealthy = new ArrayList<>();
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        if (!"ok".equals(rule.path("health").asText())) {
          unhealthy.add(rule.path("name").asText() + ": " + rule.path("lastError").asText());
        }
      }
    }
    assertThat(unhealthy).isEmpty();

    for (Map<String, Object> rule : Mixin.rules(Mixin.rulesFile())) {
      String record = (String) rule.get("record");
      JsonNode result = poll(Duration.ofSeconds(30), () -> {
        JsonNode r = query(record).path("data").path("result");
        return r.isEmpty() ? null : r;
      }, "a sample of " + record);
      assertThat(result.get(0).path("metric").path("job").asText()).as(record).isEqualTo("taoprom");
    }
    // The per-node rules keep the /sd labels the fleet view groups by.
    assertThat(query("instance:gpu_devices:count").path("data").path("result").get(0).path("metric").path("netuid")
        .asText()).isEqualTo("1");
  }

  @Test
  void everyDashboardQueryIsAcceptedAndReturnsData() throws Exception {
    List<String> report = new ArrayList<>();
    for (Path file : Mixin.dashboards()) {
      Dashboard dashboard = Dashboard.read(file);
      Map<String, String> values =
          GrafanaVariables.resolve(dashboard, BUILT_INS, prometheus::api, Duration.ofSeconds(30));
      Map<String, String> mustHaveData = new LinkedHashMap<>();
      for (Dashboard.Query q : dashboard.queries()) {
        String promql = Dashboard.interpolate(q.expr(), values);
        JsonNode answer = query(promql);
        if (!"success".equals(answer.path("status").asText())) {
          fail("Prometheus refused %s:%n%s%n%s: %s", q.path(), promql, answer.path("errorType").asText(),
              answer.path("error").asText());
        }
        Set<String> exempt = exemptFamilies(q.expr());
        if (!exempt.isEmpty()) {
          report.add(q.path() + (hasData(answer) ? ": data" : ": no data") + " (may be empty: " + exempt + ")");
        } else {
          mustHaveData.put(q.path(), promql);
        }
      }
      // Rates and increases need a few scrapes; queries that are empty now get until the deadline.
      Map<String, String> empty = new TreeMap<>(mustHaveData);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!empty.isEmpty() && System.nanoTime() < deadline) {
        for (var it = empty.entrySet().iterator(); it.hasNext(); ) {
          if (hasData(query(it.next().getValue()))) {
            it.remove();
          }
        }
        if (!empty.isEmpty()) {
          Thread.sleep(1000);
        }
      }
      assertThat(empty).as("queries of %s without data (variables %s)", file.getFileName(), values).isEmpty();
      assertThat(mustHaveData).as("%s has queries that must return data", file.getFileName()).isNotEmpty();
    }
    // What MAY_HAVE_NO_DATA let pass on this machine.
    System.out.println("MixinPrometheusIT: queries allowed to be empty:\n  " + String.join("\n  ", report));
  }

  @Test
  void dashboardsReadOnlySeriesTaoPromDocumentsOrPrometheusMakes() throws Exception {
    Set<String> undocumented = new TreeSet<>();
    Set<String> read = new TreeSet<>();
    for (Path file : Mixin.dashboards()) {
      for (Dashboard.Query q : Dashboard.read(file).queries()) {
        for (String metric : PromqlNames.of(q.expr())) {
          read.add(metric);
          if (!PROMETHEUS_OWN.contains(metric) && exemptFamilies(metric).isEmpty() && !Mixin.documentedOrPending(metric)) {
            undocumented.add(metric + " (" + q.path() + ")");
          }
        }
      }
    }
    assertThat(undocumented).as("series no docs/*.md names").isEmpty();
    assertThat(read).contains("node_cpu_seconds_total", "gpu_utilization_ratio", "taoprom_chain_registered",
        "taoprom_scrape_collector_success", "up");
  }

  @Test
  void theAlertsOfTheScriptedFaultsAreActiveAndNoOthers() throws Exception {
    Map<String, List<JsonNode>> active = poll(Duration.ofSeconds(120), () -> {
      Map<String, List<JsonNode>> byName = activeAlerts();
      return byName.keySet().containsAll(EXPECTED_ALERTS) ? byName : null;
    }, "alerts " + EXPECTED_ALERTS + " active");
    // A little longer, so that an alert that should stay quiet has had its chance to start.
    Thread.sleep(5000);
    active = activeAlerts();
    assertThat(active.keySet()).as("active alerts: %s", describe(active)).isEqualTo(new TreeSet<>(EXPECTED_ALERTS));

    JsonNode critical = active.get("TaoPromGpuCriticalXid").get(0).path("labels");
    assertThat(critical.path("xid").asText()).isEqualTo("79");
    assertThat(critical.path("gpu").asText()).isEqualTo("0");
    assertThat(critical.path("netuid").asText()).as("the /sd labels reach the alert").isEqualTo("1");
    assertThat(critical.path("hotkey").asText()).isEqualTo(SubnetFixture.ALICE);
    assertThat(active.get("TaoPromGpuXidErrors").get(0).path("labels").path("xid").asText()).isEqualTo("13");
    assertThat(active.get("TaoPromGpuLost").get(0).path("labels").path("gpu").asText()).isEqualTo("2");
    assertThat(active.get("TaoPromGpuThermalThrottling").get(0).path("labels").path("reason").asText())
        .isEqualTo("hw_thermal_slowdown");
    assertThat(active.get("TaoPromNvmlFieldErrors").get(0).path("labels").path("field").asText()).isEqualTo("pcie_tx");
    assertThat(active.get("TaoPromLocalScrapeTargetDown").get(0).path("labels").path("source").asText())
        .isEqualTo("neuron");
    assertThat(active.get("TaoPromGpuCriticalXid").get(0).path("annotations").path("summary").asText())
        .isEqualTo("GPU 0 of 127.0.0.1:" + serve.port() + " reported hardware XID 79.");
  }

  // ---------------------------------------------------------------------------------- helpers

  /** The families of {@link #MAY_HAVE_NO_DATA} that {@code expr} reads. */
  private static Set<String> exemptFamilies(String expr) {
    Set<String> out = new TreeSet<>();
    for (String metric : PromqlNames.of(expr)) {
      for (String family : MAY_HAVE_NO_DATA.keySet()) {
        if (family.endsWith("_") ? metric.startsWith(family) : metric.equals(family)) {
          out.add(family);
        }
      }
    }
    return out;
  }

  private static JsonNode query(String promql) throws Exception {
    return prometheus.api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  private static boolean hasData(JsonNode answer) {
    JsonNode data = answer.path("data");
    return "scalar".equals(data.path("resultType").asText()) || !data.path("result").isEmpty();
  }

  private static Map<String, List<JsonNode>> activeAlerts() throws Exception {
    Map<String, List<JsonNode>> byName = new TreeMap<>();
    for (JsonNode alert : prometheus.api("/api/v1/alerts").path("data").path("alerts")) {
      byName.computeIfAbsent(alert.path("labels").path("alertname").asText(), k -> new ArrayList<>()).add(alert);
    }
    return byName;
  }

  /** Each alert's state and its labels other than the target's, for messages. */
  private static String describe(Map<String, List<JsonNode>> alerts) {
    Set<String> target = Set.of("alertname", "job", "instance", "netuid", "uid", "hotkey", "version", "uuid");
    List<String> out = new ArrayList<>();
    alerts.forEach((name, list) -> list.forEach(a -> {
      Map<String, String> labels = new TreeMap<>();
      a.path("labels").fields().forEachRemaining(e -> {
        if (!target.contains(e.getKey())) {
          labels.put(e.getKey(), e.getValue().asText());
        }
      });
      out.add(name + labels + " " + a.path("state").asText());
    }));
    return String.join("\n", out);
  }

  /** A fake node where Bob's hotkey has uid 1 on netuid 1 and serve_prometheus is stored and succeeds. */
  private static FakeChain registeringChain() {
    FakeChain c = new FakeChain();
    c.put("SubtensorModule", "NetworksAdded", true, 1);
    c.put("SubtensorModule", "Uids", 1, 1, Keys.fromUri("//Bob").publicKey());
    c.onExtrinsic((xt, node) -> {
      Map<String, Object> a = Values.enumValue(xt.call().value()).fields();
      node.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(node.bestNumber() + 1, (Long) a.get("version"),
          ((BigInteger) a.get("ip")).longValue(), (Integer) a.get("port"), (Integer) a.get("ip_type")),
          a.get("netuid"), xt.signer());
      return List.of(FakeChain.event("SubtensorModule", "PrometheusServed", List.of(a.get("netuid"), xt.signer())),
          node.success());
    });
    return c;
  }

  private static void awaitMetric(ServeProcess serve, String line, Duration timeout) throws Exception {
    try {
      poll(timeout, () -> serve.get("/metrics").body().contains(line) ? Boolean.TRUE : null, "`" + line.strip() + "`");
    } catch (AssertionError e) {
      String chainLines = serve.get("/metrics").body().lines().filter(l -> l.startsWith("taoprom_chain_"))
          .collect(Collectors.joining("\n"));
      throw new AssertionError(e.getMessage() + "\nserve said: " + serve.stderr() + "\nits chain series:\n" + chainLines, e);
    }
  }

  /** A probe that returns null until what it waits for is there. */
  @FunctionalInterface
  private interface Probe<T> {
    T get() throws Exception;
  }

  private static <T> T poll(Duration timeout, Probe<T> probe, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = probe.get();
        if (value != null) {
          return value;
        }
      } catch (IOException notYet) { // Prometheus or serve not listening yet
        last = notYet;
      }
      Thread.sleep(250);
    }
    String log = prometheus != null ? prometheus.log() : "(not started)";
    throw new AssertionError("timed out after " + timeout + " waiting for " + what + " (last error: " + last
        + "); prometheus log:\n"
        + log.lines().skip(Math.max(0, log.lines().count() - 30)).collect(Collectors.joining("\n")), last);
  }
}
