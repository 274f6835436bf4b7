package io.taoprom.chain.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.Fixtures;
import io.taoprom.chain.registration.ChopsticksNode;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.keys.Ss58;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whole-network discovery on a real Subtensor runtime: chopsticks runs the chain spec of {@code
 * TAOPROM_CHAIN_SPEC} with a generated state imported ({@code --import-storage}: {@code
 * NetworksAdded}, and per neuron {@code Uids}, {@code Keys}, {@code SubnetworkN} and a {@code
 * Prometheus} entry with its own address). {@link SubnetDiscovery#discoverAll()} must find
 * exactly the imported endpoints, and polkadot-js' {@code
 * api.query.subtensorModule.prometheus.entries()} on the same node must read the same ones; both
 * reads are timed and printed.
 *
 * <p>Small by default (4 subnets of 16, so that {@code ./mvnw verify} stays quick);
 * {@code benchmarks/scripts/discovery-compare.sh} runs it at 128 × 256 through the variables
 * {@code TAOPROM_DISCOVERY_SUBNETS}, {@code _NEURONS} and {@code _ROUNDS}. The figures also go to
 * {@code target/discovery-figures.json}. Skipped without {@code TAOPROM_CHAIN_SPEC}.
 */
class ChopsticksDiscoveryIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void discoverAllFindsEveryImportedEndpointAsPolkadotJsReadsThem() throws Exception {
    // -Dit.test=... also selects this class in the build's fuzz execution: run it once, not twice.
    org.junit.jupiter.api.Assumptions.assumeFalse("1".equals(System.getenv("JAZZER_FUZZ")), "not a fuzz target");
    int subnets = env("TAOPROM_DISCOVERY_SUBNETS", 4);
    int neurons = env("TAOPROM_DISCOVERY_NEURONS", 16);
    int rounds = env("TAOPROM_DISCOVERY_ROUNDS", 1);
    Set<String> imported = new TreeSet<>();
    Map<String, Object> state = state(subnets, neurons, imported);

    try (ChopsticksNode node = ChopsticksNode.startOrSkip("ChopsticksDiscoveryIT", 1, state)) {
      RpcClient rpc = RpcClient.builder(node.url()).requestTimeout(Duration.ofMinutes(10))
          .retryPolicy(new RetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), 0)).build();
      try (Subtensor subtensor = Subtensor.over(ChainClient.builder(rpc).build(), RetryPolicy.defaults())) {
        SubnetDiscovery discovery = new SubnetDiscovery(subtensor);
        subtensor.chain().runtime(); // metadata fetched once, before the clock starts, as polkadot-js' create() does
        List<Double> ours = new ArrayList<>();
        SubnetTargets targets = null;
        for (int r = 0; r < rounds; r++) {
          long t = System.nanoTime();
          targets = discovery.discoverAll();
          ours.add((System.nanoTime() - t) / 1e6);
        }
        Set<String> found = new TreeSet<>();
        for (TargetGroup g : targets.groups()) {
          found.add(g.labels().get("netuid") + " " + g.labels().get("hotkey") + " " + g.targets().get(0)
              + " v" + g.labels().get("version") + " uid " + g.labels().get("uid"));
        }
        assertThat(found).hasSize(subnets * neurons).isEqualTo(imported);
        assertThat(targets.skippedCount()).isZero();

        JsonNode js = polkadotJs(node.url(), rounds);
        Set<String> theirs = new TreeSet<>();
        Map<String, Integer> uidOf = new HashMap<>();
        targets.groups().forEach(g -> uidOf.put(g.labels().get("netuid") + " " + g.labels().get("hotkey"),
            Integer.parseInt(g.labels().get("uid"))));
        for (JsonNode e : js.path("entries")) {
          String neuron = e.path("netuid").asInt() + " " + e.path("hotkey").asText();
          long ip = Long.parseLong(e.path("ip").asText());
          theirs.add(neuron + " " + dotted(ip) + ":" + e.path("port").asInt() + " v" + e.path("version").asLong()
              + " uid " + uidOf.get(neuron));
        }
        assertThat(theirs).isEqualTo(found);

        double oursMedian = median(ours);
        double theirsMedian = median(js.path("prometheusMs"));
        String line = String.format(Locale.ROOT, "ChopsticksDiscoveryIT: %d subnets x %d neurons on chopsticks, median"
            + " of %d: TaoProm discoverAll %.0f ms (%d targets: NetworksAdded, SubnetworkN, Keys, Prometheus);"
            + " polkadot-js prometheus.entries() %.0f ms (%d entries)", subnets, neurons, rounds, oursMedian,
            targets.groups().size(), theirsMedian, js.path("entries").size());
        System.out.println(line);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("subnets", subnets);
        figures.put("neurons", neurons);
        figures.put("taopromDiscoverAllMs", ours);
        figures.put("polkadotJsPrometheusEntriesMs", js.path("prometheusMs"));
        Files.writeString(Path.of("target", "discovery-figures.json"), JSON.writeValueAsString(figures));
      }
    }
  }

  /**
   * The chopsticks import: netuids 1..subnets added, each with {@code neurons} hotkeys (uid u of
   * netuid s has account id {@code s u 0…0 07}) serving 10.s.(u/256).(u%256+1):9100 with
   * version 100 + u. {@code imported} gets each as discovery labels it.
   */
  static Map<String, Object> state(int subnets, int neurons, Set<String> imported) {
    List<Object> added = new ArrayList<>();
    List<Object> counts = new ArrayList<>();
    List<Object> uids = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    List<Object> prometheus = new ArrayList<>();
    for (int s = 1; s <= subnets; s++) {
      added.add(List.of(List.of(s), true));
      // SCALE hex, not numbers: chopsticks reads a plain 0 as "delete".
      counts.add(List.of(List.of(s), u16(neurons)));
      for (int u = 0; u < neurons; u++) {
        byte[] account = new byte[32];
        account[0] = (byte) (s >> 8);
        account[1] = (byte) s;
        account[2] = (byte) (u >> 8);
        account[3] = (byte) u;
        account[31] = 7;
        String hotkey = Ss58.encode(account, Ss58.BITTENSOR);
        uids.add(List.of(List.of(s, hotkey), u16(u)));
        keys.add(List.of(List.of(s, u), hotkey));
        long ip = (10L << 24) | ((long) s << 16) | ((long) (u >> 8) << 8) | ((u & 0xff) + 1);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("block", 1);
        info.put("version", 100 + u);
        info.put("ip", ip);
        info.put("port", 9100);
        info.put("ipType", 4);
        prometheus.add(List.of(List.of(s, hotkey), info));
        imported.add(s + " " + hotkey + " " + dotted(ip) + ":9100 v" + (100 + u) + " uid " + u);
      }
    }
    Map<String, Object> module = new LinkedHashMap<>();
    module.put("NetworksAdded", added);
    module.put("SubnetworkN", counts);
    module.put("Uids", uids);
    module.put("Keys", keys);
    module.put("Prometheus", prometheus);
    return module;
  }

  private static String u16(int v) {
    return String.format("0x%02x%02x", v & 0xff, (v >> 8) & 0xff);
  }

  private static String dotted(long ip) {
    return (ip >> 24 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip & 0xff);
  }

  private static JsonNode polkadotJs(String url, int rounds) throws Exception {
    Path interop = Fixtures.interopDir();
    Path script = Fixtures.repoRoot().resolve("chain/src/test/js/prometheus-entries.cjs");
    Path out = Files.createTempFile("taoprom-entries", ".json");
    Path err = Files.createTempFile("taoprom-entries", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder("node", script.toString(), url, String.valueOf(rounds))
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().put("NODE_PATH", interop.resolve("node_modules").toString());
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError("prometheus-entries.cjs failed: " + Files.readString(err));
      }
      return JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = new ArrayList<>(xs);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static double median(JsonNode xs) {
    List<Double> list = new ArrayList<>();
    xs.forEach(x -> list.add(x.asDouble()));
    return median(list);
  }

  private static int env(String name, int fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
  }
}
