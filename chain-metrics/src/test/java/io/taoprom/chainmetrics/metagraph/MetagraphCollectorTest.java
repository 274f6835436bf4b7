package io.taoprom.chainmetrics.metagraph;

import io.taoprom.exporter.testing.Promtool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.rpc.FakeNode;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.exporter.spi.CollectorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The collector against the in-JVM fake node: what it serves, how many requests a refresh takes, and what happens when the chain misbehaves. */
class MetagraphCollectorTest {

  static final Instant READ_AT = Instant.parse("2026-12-07T02:00:00Z");

  private final FakeChain chain = new FakeChain();
  private final ChainClient client = ChainClient.builder(RpcClient.builder(chain.uri())
      .retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofSeconds(2)).build()).build();
  private MetagraphCollector collector;

  @AfterEach
  void close() {
    if (collector != null) {
      collector.close();
    }
    client.close();
    chain.close();
  }

  private MetagraphCollector collector(Map<String, String> options) {
    Map<String, List<String>> config = new HashMap<>();
    options.forEach((k, v) -> config.put(k, List.of(v.split(";"))));
    collector = new MetagraphCollector(MetagraphSettings.parse(CollectorConfig.of(config)),
        Clock.fixed(READ_AT, ZoneOffset.UTC), Duration.ZERO);
    collector.connect(client);
    return collector;
  }

  static String text(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void servesEveryFamilyOfAThreeNeuronSubnetAsReadFromStorage() throws Exception {
    FakeMetagraph.write(chain, 1, 3);
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "1"));
    c.refresh();
    assertThat(text(c.collect())).isEqualTo(MetagraphGolden.THREE_NEURONS);
    assertThat(c.reason()).isEqualTo(
        "SubtensorModule.TotalHotkeyStake is not in runtime 343: bittensor_neuron_stake_tao left out");
    assertThat(Promtool.check(text(c.collect()))).isEmpty();
  }

  @Test
  void aRefreshOfA256NeuronSubnetTakesNineRequestsAndAnUnchangedBlockOne() {
    FakeMetagraph.write(chain, 1, 256);
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "1"));
    c.refresh(); // first contact: genesis and metadata too
    chain.advance(1);
    int before = chain.node.received().size();
    c.refresh();
    List<FakeNode.Received> refresh = chain.node.received().subList(before, chain.node.received().size());
    Map<String, Long> byMethod = refresh.stream().collect(Collectors.groupingBy(FakeNode.Received::method, Collectors.counting()));
    assertThat(byMethod).isEqualTo(Map.of("chain_getBlockHash", 1L, "chain_getHeader", 2L, "state_getRuntimeVersion", 1L,
        "chain_getFinalizedHead", 1L, "state_queryStorageAt", 4L));
    assertThat(c.snapshot().subnets().get(0).neurons()).hasSize(256);
    assertThat(c.snapshot().block()).isEqualTo(chain.bestNumber());

    int again = chain.node.received().size();
    c.refresh();
    assertThat(chain.node.received().subList(again, chain.node.received().size()))
        .extracting(FakeNode.Received::method).containsExactly("chain_getBlockHash");
  }

  @Test
  void aChainThatGoesAwayLeavesTheLastSnapshotServedAndRecovers() {
    FakeMetagraph.write(chain, 1, 3);
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "1"));
    c.refresh();
    String served = text(c.collect());
    chain.intercept(r -> {
      r.dropConnection();
      return true;
    });
    chain.advance(1);
    c.refresh();
    String stale = text(c.collect());
    assertThat(stale).isEqualTo(served.replace("taoprom_metagraph_refresh_success 1.0", "taoprom_metagraph_refresh_success 0.0"));
    assertThat(c.reason()).startsWith("refresh failed: ").contains("serving the snapshot of block 100 read at " + READ_AT);

    chain.intercept(r -> false);
    FakeMetagraph.put(chain, "Incentive", List.of(65535, 0, 0), 1);
    c.refresh();
    assertThat(c.snapshot().block()).isEqualTo(101);
    assertThat(text(c.collect())).contains("taoprom_metagraph_refresh_success 1.0")
        .contains("bittensor_neuron_incentive_ratio{hotkey=\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",netuid=\"1\",uid=\"0\"} 1.0");
    assertThat(c.reason()).doesNotContain("refresh failed");
  }

  @Test
  void garbageFromTheNodeKeepsTheLastSnapshotAndSaysWhy() {
    FakeMetagraph.write(chain, 1, 3);
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "1"));
    c.refresh();
    chain.intercept(r -> {
      if (r.method().equals("state_queryStorageAt")) {
        // Every key answered with a value too short for its type.
        List<List<String>> changes = new java.util.ArrayList<>();
        r.params().get(0).forEach(k -> changes.add(List.of(k.asText(), "0x01")));
        r.reply(List.of(Map.of("block", "0x00", "changes", changes)));
        return true;
      }
      return false;
    });
    chain.advance(1);
    c.refresh();
    assertThat(c.snapshot().block()).isEqualTo(100);
    assertThat(c.reason()).startsWith("refresh failed: the value of storage SubtensorModule.");
    assertThat(text(c.collect())).contains("bittensor_metagraph_block 100.0").contains("taoprom_metagraph_refresh_success 0.0");
  }

  @Test
  void aRuntimeUpgradeIsReadWithTheNewRuntimesMetadata() {
    FakeMetagraph.write(chain, 1, 3);
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "1"));
    c.refresh();
    long metadataReads = chain.node.count("state_call");
    chain.specVersion(344);
    chain.advance(1);
    c.refresh();
    assertThat(chain.node.count("state_call")).isEqualTo(metadataReads + 1);
    assertThat(c.snapshot().specVersion()).isEqualTo(344);
    assertThat(c.reason()).contains("runtime 344");
  }

  @Test
  void aScrapeNeverWaitsOnASilentNode() throws Exception {
    FakeMetagraph.write(chain, 1, 3);
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "1"));
    c.refresh();
    chain.intercept(r -> true); // never answers
    chain.advance(1);
    Thread refresher = new Thread(c::refresh);
    refresher.start();
    Thread.sleep(100);
    long start = System.nanoTime();
    assertThat(text(c.collect())).contains("bittensor_metagraph_block 100.0");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    refresher.join(10_000);
    assertThat(c.reason()).startsWith("refresh failed: ");
  }

  @Test
  void beforeTheFirstReadTheCollectorFailsWithItsReason() {
    collector = new MetagraphCollector(MetagraphSettings.parse(CollectorConfig.of(Map.of("metagraph.netuid", List.of("1")))),
        Clock.fixed(READ_AT, ZoneOffset.UTC), Duration.ZERO);
    assertThatThrownBy(collector::collect).isInstanceOf(IllegalStateException.class)
        .hasMessage("no metagraph read yet: not connected to a chain yet");
  }

  @Test
  void hotkeysKeepOnlyTheirNeurons() {
    FakeMetagraph.write(chain, 1, 3);
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "1",
        "metagraph.hotkey", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"));
    c.refresh();
    assertThat(c.snapshot().subnets().get(0).neurons()).extracting(Neuron::uid).containsExactly(1);
    assertThat(text(c.collect())).contains("bittensor_subnet_neurons{netuid=\"1\"} 3.0");
  }

  @Test
  void theNeuronCapLeavesTheRestOutAndSaysSo() {
    FakeMetagraph.write(chain, 1, 3);
    FakeMetagraph.write(chain, 2, 3);
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "1,2", "metagraph.max-neurons", "4"));
    c.refresh();
    assertThat(c.snapshot().subnets()).extracting(s -> s.neurons().size()).containsExactly(3, 1);
    assertThat(c.reason()).contains("netuid 2: 2 of its 3 neurons left out (option metagraph.max-neurons 4)");
  }

  @Test
  void allReadsEverySubnetInNetworksAddedAndANetuidThatWentAwayIsLeftOut() {
    FakeMetagraph.write(chain, 1, 2);
    FakeMetagraph.write(chain, 3, 1);
    MetagraphCollector all = collector(Map.of("metagraph.netuid", "all"));
    all.refresh();
    assertThat(all.snapshot().subnets()).extracting(Subnet::netuid).containsExactly(1, 3);
    all.close();

    MetagraphCollector named = collector(Map.of("metagraph.netuid", "1,7"));
    named.refresh();
    assertThat(named.snapshot().subnets()).extracting(Subnet::netuid).containsExactly(1);
    assertThat(named.reason()).contains("netuid 7 does not exist at block 100; left out");
  }

  @Test
  void allReadsAtMost1024SubnetsWhateverTheNodeClaims() {
    for (int netuid = 0; netuid < MetagraphReader.MAX_SUBNETS + 3; netuid++) {
      FakeMetagraph.put(chain, "NetworksAdded", true, netuid);
    }
    MetagraphCollector c = collector(Map.of("metagraph.netuid", "all"));
    c.refresh();
    assertThat(c.snapshot().subnets()).hasSize(MetagraphReader.MAX_SUBNETS);
    assertThat(c.reason()).contains("3 of 1027 subnets left out (at most 1024 per refresh), from netuid 1024");
  }

  @Test
  void aNetuidThatDoesNotExistIsRefusedNamingTheSubnetsThatDo() {
    FakeMetagraph.write(chain, 1, 1);
    FakeMetagraph.write(chain, 3, 1);
    MetagraphSettings settings = MetagraphSettings.parse(CollectorConfig.of(Map.of("metagraph.netuid", List.of("1,99"))));
    assertThatThrownBy(() -> MetagraphPlugin.requireSubnets(client, settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option metagraph.netuid 99: no such subnet on this chain; the subnets that exist: 1,3");
  }
}
