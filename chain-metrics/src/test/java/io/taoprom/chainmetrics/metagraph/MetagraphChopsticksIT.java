package io.taoprom.chainmetrics.metagraph;

import io.taoprom.exporter.testing.Promtool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.Fixtures;
import io.taoprom.chain.registration.ChopsticksNode;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Ss58;
import io.taoprom.exporter.spi.CollectorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metagraph collector against a real Subtensor runtime: chopsticks runs the spec-218 chain spec
 * ({@code TAOPROM_CHAIN_SPEC}) with a known metagraph imported into netuid 1 (three neurons with
 * distinct ratios, permits, activity, blocks, emission, stake and endpoints, one owner coldkey);
 * every series must equal what was imported, and polkadot-js must read the same values back.
 */
class MetagraphChopsticksIT {

  private static final int NETUID = 1;
  private static final int BIG = 2;
  private static final String[] HOTKEYS = {ss58("//Alice"), ss58("//Bob"), ss58("//Charlie")};
  private static final String COLDKEY = ss58("//Ferdie");
  // Imported, per uid.
  private static final long[] INCENTIVE = {65535, 32768, 1};
  private static final long[] DIVIDENDS = {0, 1000, 40000};
  private static final long[] TRUST = {3, 30000, 65535};
  private static final long[] CONSENSUS = {100, 200, 300};
  private static final long[] RANK = {7, 8, 9};
  private static final long[] VALIDATOR_TRUST = {60000, 0, 12345};
  private static final boolean[] PERMIT = {true, false, true};
  private static final boolean[] ACTIVE = {true, true, false};
  private static final long[] LAST_UPDATE = {1000, 2000, 3000};
  private static final long[] EMISSION = {1_000_000_000L, 250_000_000L, 42};
  private static final long[] REGISTERED = {11, 22, 33};
  private static final long[] STAKE = {5_000_000_000L, 7_000_000_000L, 1};

  private static ChopsticksNode node;

  private static String ss58(String uri) {
    return Ss58.encode(Keys.fromUri(uri).publicKey(), Ss58.BITTENSOR);
  }

  private static List<Object> entry(List<Object> keys, Object value) {
    return List.of(keys, value);
  }

  private static List<Object> vector(long[] values) {
    return java.util.Arrays.stream(values).boxed().map(Object.class::cast).toList();
  }

  @BeforeAll
  static void start() throws Exception {
    Map<String, Object> s = new HashMap<>();
    s.put("SubnetworkN", List.of(entry(List.of(NETUID), 3)));
    s.put("MaxAllowedUids", List.of(entry(List.of(NETUID), 64)));
    s.put("Tempo", List.of(entry(List.of(NETUID), 99)));
    s.put("BlocksSinceLastStep", List.of(entry(List.of(NETUID), 12)));
    s.put("ImmunityPeriod", List.of(entry(List.of(NETUID), 4000)));
    s.put("Burn", List.of(entry(List.of(NETUID), 2_500_000_000L)));
    s.put("ServingRateLimit", List.of(entry(List.of(NETUID), 7)));
    s.put("Incentive", List.of(entry(List.of(NETUID), vector(INCENTIVE))));
    s.put("Dividends", List.of(entry(List.of(NETUID), vector(DIVIDENDS))));
    s.put("Trust", List.of(entry(List.of(NETUID), vector(TRUST))));
    s.put("Consensus", List.of(entry(List.of(NETUID), vector(CONSENSUS))));
    s.put("Rank", List.of(entry(List.of(NETUID), vector(RANK))));
    s.put("ValidatorTrust", List.of(entry(List.of(NETUID), vector(VALIDATOR_TRUST))));
    s.put("ValidatorPermit", List.of(entry(List.of(NETUID), List.of(PERMIT[0], PERMIT[1], PERMIT[2]))));
    s.put("Active", List.of(entry(List.of(NETUID), List.of(ACTIVE[0], ACTIVE[1], ACTIVE[2]))));
    s.put("LastUpdate", List.of(entry(List.of(NETUID), vector(LAST_UPDATE))));
    s.put("Emission", List.of(entry(List.of(NETUID), vector(EMISSION))));
    List<Object> keys = new java.util.ArrayList<>();
    List<Object> registered = new java.util.ArrayList<>();
    List<Object> owners = new java.util.ArrayList<>();
    List<Object> stakes = new java.util.ArrayList<>();
    for (int uid = 0; uid < 3; uid++) {
      keys.add(entry(List.of(NETUID, uid), HOTKEYS[uid]));
      registered.add(entry(List.of(NETUID, uid), REGISTERED[uid]));
      owners.add(entry(List.of(HOTKEYS[uid]), COLDKEY));
      stakes.add(entry(List.of(HOTKEYS[uid], NETUID), STAKE[uid]));
    }
    s.put("Keys", keys);
    s.put("BlockAtRegistration", registered);
    s.put("Owner", owners);
    s.put("TotalHotkeyAlpha", stakes);
    Map<String, Object> prometheus = new LinkedHashMap<>();
    prometheus.put("block", 5);
    prometheus.put("version", 1);
    prometheus.put("ip", 3405803783L); // 203.0.113.7
    prometheus.put("port", 7091);
    prometheus.put("ipType", 4);
    s.put("Prometheus", List.of(entry(List.of(NETUID, HOTKEYS[0]), prometheus)));
    Map<String, Object> axon = new LinkedHashMap<>(prometheus);
    axon.put("port", 8091);
    axon.put("protocol", 4);
    axon.put("placeholder1", 0);
    axon.put("placeholder2", 0);
    s.put("Axons", List.of(entry(List.of(NETUID, HOTKEYS[1]), axon)));
    // Netuid 2: a full subnet of 256 neurons, for the round trips and the time of one refresh.
    s.put("NetworksAdded", List.of(entry(List.of(NETUID), true), entry(List.of(BIG), true)));
    s.put("SubnetworkN", List.of(entry(List.of(NETUID), 3), entry(List.of(BIG), 256)));
    long[] ratios = new long[256];
    for (int uid = 0; uid < 256; uid++) {
      ratios[uid] = 100L * uid + 1;
      String hot = ss58("//Big" + uid);
      keys.add(entry(List.of(BIG, uid), hot));
      registered.add(entry(List.of(BIG, uid), 1000L + uid));
      owners.add(entry(List.of(hot), COLDKEY));
      stakes.add(entry(List.of(hot, BIG), 1_000_000L * (uid + 1)));
    }
    for (String vector : List.of("Incentive", "Dividends", "Trust", "Consensus", "Rank", "ValidatorTrust", "LastUpdate", "Emission")) {
      List<Object> both = new java.util.ArrayList<>((List<?>) s.get(vector));
      both.add(entry(List.of(BIG), vector(ratios)));
      s.put(vector, both);
    }
    node = ChopsticksNode.startOrSkip("MetagraphChopsticksIT", NETUID, s);
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  /** {@code name{labels}} to value, from a text exposition. */
  private static Map<String, Double> samples(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return out;
  }

  private static String neuron(String name, int uid) {
    return name + "{hotkey=\"" + HOTKEYS[uid] + "\",netuid=\"1\",uid=\"" + uid + "\"}";
  }

  @Test
  void everySeriesEqualsWhatWasImportedAndWhatPolkadotJsReads() throws Exception {
    String text;
    try (ChainClient chain = ChainClient.builder(RpcClient.builder(java.net.URI.create(node.url()))
        .requestTimeout(Duration.ofMinutes(2)).build()).build();
        MetagraphCollector collector = new MetagraphCollector(
            MetagraphSettings.parse(CollectorConfig.of(Map.of("metagraph.netuid", List.of("1")))), Clock.systemUTC(), Duration.ZERO)) {
      collector.connect(chain);
      collector.refresh();
      assertThat(collector.snapshot()).as(collector.reason()).isNotNull();
      assertThat(collector.reason()).isEqualTo(
          "SubtensorModule.TotalHotkeyStake is not in runtime 218: bittensor_neuron_stake_tao left out");
      text = MetagraphCollectorTest.text(collector.collect());
    }
    assertThat(Promtool.check(text)).isEmpty();
    Map<String, Double> got = samples(text);

    Map<String, Double> want = new HashMap<>();
    for (int uid = 0; uid < 3; uid++) {
      want.put("bittensor_neuron_info{coldkey=\"" + COLDKEY + "\",hotkey=\"" + HOTKEYS[uid] + "\",netuid=\"1\",uid=\"" + uid + "\"}", 1.0);
      want.put(neuron("bittensor_neuron_incentive_ratio", uid), INCENTIVE[uid] / 65535.0);
      want.put(neuron("bittensor_neuron_dividends_ratio", uid), DIVIDENDS[uid] / 65535.0);
      want.put(neuron("bittensor_neuron_trust_ratio", uid), TRUST[uid] / 65535.0);
      want.put(neuron("bittensor_neuron_consensus_ratio", uid), CONSENSUS[uid] / 65535.0);
      want.put(neuron("bittensor_neuron_rank_ratio", uid), RANK[uid] / 65535.0);
      want.put(neuron("bittensor_neuron_validator_trust_ratio", uid), VALIDATOR_TRUST[uid] / 65535.0);
      want.put(neuron("bittensor_neuron_validator_permit", uid), PERMIT[uid] ? 1.0 : 0.0);
      want.put(neuron("bittensor_neuron_active", uid), ACTIVE[uid] ? 1.0 : 0.0);
      want.put(neuron("bittensor_neuron_last_update_block", uid), (double) LAST_UPDATE[uid]);
      want.put(neuron("bittensor_neuron_registered_block", uid), (double) REGISTERED[uid]);
      want.put(neuron("bittensor_neuron_emission_alpha", uid), EMISSION[uid] / 1e9);
      want.put(neuron("bittensor_neuron_stake_alpha", uid), STAKE[uid] / 1e9);
      want.put(neuron("bittensor_neuron_axon_served", uid), uid == 1 ? 1.0 : 0.0);
      want.put(neuron("bittensor_neuron_prometheus_served", uid), uid == 0 ? 1.0 : 0.0);
    }
    want.put("bittensor_subnet_neurons{netuid=\"1\"}", 3.0);
    want.put("bittensor_subnet_max_neurons{netuid=\"1\"}", 64.0);
    want.put("bittensor_subnet_tempo_blocks{netuid=\"1\"}", 99.0);
    want.put("bittensor_subnet_blocks_since_last_step{netuid=\"1\"}", 12.0);
    want.put("bittensor_subnet_immunity_period_blocks{netuid=\"1\"}", 4000.0);
    want.put("bittensor_subnet_registration_cost_tao{netuid=\"1\"}", 2.5);
    want.put("bittensor_subnet_serving_rate_limit_blocks{netuid=\"1\"}", 7.0);
    want.put("taoprom_metagraph_refresh_success", 1.0);
    want.put("taoprom_metagraph_storage_entry_missing{entry=\"SubtensorModule.TotalHotkeyStake\"}", 1.0);
    Map<String, Double> blockless = new HashMap<>(got);
    for (String k : List.of("bittensor_chain_best_block", "bittensor_chain_finalized_block", "bittensor_metagraph_block",
        "bittensor_metagraph_last_refresh_timestamp_seconds")) {
      assertThat(blockless.remove(k)).as(k).isNotNull();
    }
    assertThat(blockless).isEqualTo(want);

    JsonNode pjs = polkadotJs();
    assertThat(got.get("bittensor_metagraph_block")).isEqualTo(pjs.get("block").asDouble());
    String[] ratios = {"incentive", "dividends", "trust", "consensus", "rank", "validatorTrust"};
    String[] series = {"incentive", "dividends", "trust", "consensus", "rank", "validator_trust"};
    for (int uid = 0; uid < 3; uid++) {
      JsonNode n = pjs.get("neurons").get(uid);
      assertThat(n.get("hotkey").asText()).isEqualTo(HOTKEYS[uid]);
      assertThat(n.get("coldkey").asText()).isEqualTo(COLDKEY);
      for (int i = 0; i < ratios.length; i++) {
        assertThat(got.get(neuron("bittensor_neuron_" + series[i] + "_ratio", uid)))
            .as(ratios[i]).isEqualTo(pjs.get("vectors").get(ratios[i]).get(uid).asLong() / 65535.0);
      }
      assertThat(got.get(neuron("bittensor_neuron_validator_permit", uid)))
          .isEqualTo(pjs.get("vectors").get("validatorPermit").get(uid).asBoolean() ? 1.0 : 0.0);
      assertThat(got.get(neuron("bittensor_neuron_active", uid)))
          .isEqualTo(pjs.get("vectors").get("active").get(uid).asBoolean() ? 1.0 : 0.0);
      assertThat(got.get(neuron("bittensor_neuron_last_update_block", uid)))
          .isEqualTo(pjs.get("vectors").get("lastUpdate").get(uid).asDouble());
      assertThat(got.get(neuron("bittensor_neuron_emission_alpha", uid)))
          .isEqualTo(pjs.get("vectors").get("emission").get(uid).asLong() / 1e9);
      assertThat(got.get(neuron("bittensor_neuron_registered_block", uid))).isEqualTo(n.get("registeredBlock").asDouble());
      assertThat(got.get(neuron("bittensor_neuron_stake_alpha", uid))).isEqualTo(n.get("stakeAlpha").asLong() / 1e9);
      assertThat(got.get(neuron("bittensor_neuron_axon_served", uid))).isEqualTo(n.get("axonIp").isNull() ? 0.0 : 1.0);
      assertThat(got.get(neuron("bittensor_neuron_prometheus_served", uid))).isEqualTo(n.get("prometheusIp").isNull() ? 0.0 : 1.0);
    }
    JsonNode subnet = pjs.get("subnet");
    assertThat(got.get("bittensor_subnet_neurons{netuid=\"1\"}")).isEqualTo(subnet.get("subnetworkN").asDouble());
    assertThat(got.get("bittensor_subnet_tempo_blocks{netuid=\"1\"}")).isEqualTo(subnet.get("tempo").asDouble());
    assertThat(got.get("bittensor_subnet_registration_cost_tao{netuid=\"1\"}")).isEqualTo(subnet.get("burn").asLong() / 1e9);
  }

  @Test
  void aRefreshOfA256NeuronSubnetIsNineRequests() throws Exception {
    java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.taoprom.chain.rpc.RpcListener counting = new io.taoprom.chain.rpc.RpcListener() {
      @Override
      public void onRequest(String method, io.taoprom.chain.rpc.RequestOutcome outcome, Duration took, int attempt) {
        requests.add(method);
      }
    };
    try (ChainClient chain = ChainClient.builder(RpcClient.builder(java.net.URI.create(node.url()))
        .requestTimeout(Duration.ofMinutes(2)).listener(counting).build()).build()) {
      MetagraphReader reader = new MetagraphReader(chain,
          MetagraphSettings.parse(CollectorConfig.of(Map.of("metagraph.netuid", List.of(Integer.toString(BIG))))),
          Clock.systemUTC());
      reader.read(reader.bestHash()); // first contact: genesis and metadata too
      // No new block: building one runs the runtime's epoch, which rewrites the imported values.
      requests.clear();
      long start = System.nanoTime();
      MetagraphSnapshot snapshot = reader.read(reader.bestHash());
      long millis = (System.nanoTime() - start) / 1_000_000;
      List<Neuron> neurons = snapshot.subnets().get(0).neurons();
      assertThat(neurons).hasSize(256);
      assertThat(neurons.get(255).values().get(NeuronField.INCENTIVE)).isEqualTo(25501 / 65535.0);
      assertThat(neurons.get(255).values().get(NeuronField.STAKE_ALPHA)).isEqualTo(256_000_000L / 1e9);
      assertThat(neurons.get(255).hotkey()).isEqualTo(ss58("//Big255"));
      assertThat(requests).hasSize(9);
      System.out.println("metagraph refresh of 256 neurons on chopsticks (spec 218): " + requests.size()
          + " requests, " + millis + " ms");
    }
  }

  private static JsonNode polkadotJs() throws Exception {
    Path interop = Fixtures.interopDir();
    Path script = Fixtures.repoRoot().resolve("chain-metrics/src/test/js/metagraph-oracle.cjs");
    ProcessBuilder pb = new ProcessBuilder("node", script.toString(), node.url(), Integer.toString(NETUID))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("NODE_PATH", interop.resolve("node_modules").toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("metagraph-oracle.cjs").isZero();
    return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
  }
}
