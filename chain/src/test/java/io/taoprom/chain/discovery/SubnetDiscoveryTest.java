package io.taoprom.chain.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubnetDiscoveryTest {

  private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(20), 2.0, Duration.ofMillis(50), 0);
  static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

  private FakeChain chain;
  private Subtensor subtensor;

  @BeforeEach
  void start() {
    chain = new FakeChain();
    RpcClient rpc = RpcClient.builder(chain.uri()).retryPolicy(FAST).requestTimeout(Duration.ofSeconds(5)).build();
    subtensor = Subtensor.over(ChainClient.builder(rpc).build(), FAST);
  }

  @AfterEach
  void stop() {
    subtensor.close();
    chain.close();
  }

  private void neuron(int netuid, String uri, int uid, Map<String, Object> info) {
    byte[] hotkey = Keys.fromUri(uri).publicKey();
    register(netuid, uid, hotkey);
    if (info != null) {
      chain.put("SubtensorModule", "Prometheus", info, netuid, hotkey);
    }
  }

  /** Uids(netuid, hotkey) and, as the runtime keeps them beside it, Keys(netuid, uid) and SubnetworkN. */
  private void register(int netuid, int uid, byte[] hotkey) {
    chain.put("SubtensorModule", "Uids", uid, netuid, hotkey);
    chain.put("SubtensorModule", "Keys", hotkey, netuid, uid);
    Object n = chain.get("SubtensorModule", "SubnetworkN", netuid);
    chain.put("SubtensorModule", "SubnetworkN", Math.max(n == null ? 0 : ((Number) n).intValue(), uid + 1), netuid);
  }

  private static Map<String, Object> info(long version, BigInteger ip, int port, int ipType) {
    Map<String, Object> m = new LinkedHashMap<>(FakeChain.prometheusInfo(90, version, 0, port, ipType));
    m.put("ip", ip);
    return m;
  }

  private static BigInteger v4(String dotted) {
    long v = 0;
    for (String p : dotted.split("\\.")) {
      v = v << 8 | Integer.parseInt(p);
    }
    return BigInteger.valueOf(v);
  }

  @Test
  void ipv4AndBracketedIpv6WithLabelsOrderedByUid() {
    neuron(27, "//Bob", 5, info(263, v4("203.0.113.7"), 7091, 4));
    neuron(27, "//Alice", 2, info(262, new BigInteger("20010db8000000000000000000000001", 16), 9400, 6));

    SubnetTargets t = new SubnetDiscovery(subtensor).discover(List.of(27));

    assertThat(t.toJson()).isEqualTo("["
        + "{\"targets\":[\"[2001:db8::1]:9400\"],\"labels\":{\"hotkey\":\"" + ALICE + "\",\"netuid\":\"27\",\"uid\":\"2\",\"version\":\"262\"}},"
        + "{\"targets\":[\"203.0.113.7:7091\"],\"labels\":{\"hotkey\":\"" + BOB + "\",\"netuid\":\"27\",\"uid\":\"5\",\"version\":\"263\"}}"
        + "]");
    assertThat(t.skippedCount()).isZero();
    assertThat(t.skippedSummary()).isNull();
  }

  @Test
  void ipZeroPortZeroAndDeregisteredAreLeftOutAndCounted() {
    neuron(3, "//Alice", 0, info(1, BigInteger.ZERO, 7091, 4));
    neuron(3, "//Bob", 1, info(1, v4("198.51.100.1"), 0, 4));
    neuron(3, "//Charlie", 2, info(1, BigInteger.ZERO, 0, 4));
    neuron(3, "//Dave", 3, info(7, v4("198.51.100.9"), 7091, 4));
    // An entry whose hotkey lost its uid, and one with an IPv4 type but a 128-bit value.
    chain.put("SubtensorModule", "Prometheus", info(1, v4("198.51.100.2"), 7091, 4), 3, Keys.fromUri("//Eve").publicKey());
    neuron(3, "//Ferdie", 4, info(1, new BigInteger("20010db8000000000000000000000001", 16), 7091, 4));

    SubnetTargets t = new SubnetDiscovery(subtensor).discover(List.of(3));

    assertThat(t.groups()).hasSize(1);
    assertThat(t.groups().get(0).targets()).containsExactly("198.51.100.9:7091");
    assertThat(t.groups().get(0).labels()).containsEntry("uid", "3").containsEntry("version", "7");
    assertThat(t.skipped()).containsEntry(SkipReason.IP_ZERO, 2).containsEntry(SkipReason.PORT_ZERO, 1)
        .containsEntry(SkipReason.NOT_REGISTERED, 1).containsEntry(SkipReason.INVALID_ADDRESS, 1);
    assertThat(t.skippedSummary()).isEqualTo(
        "5 entries left out: 2 with ip 0, 1 with port 0, 1 with an invalid address, 1 with a hotkey no longer registered");
  }

  @Test
  void loopbackIsKeptAndSeveralSubnetsAreSeparated() {
    neuron(1, "//Alice", 0, info(100, v4("127.0.0.1"), 17091, 4));
    neuron(2, "//Alice", 9, info(101, BigInteger.ONE, 17092, 6));
    neuron(2, "//Bob", 1, null); // registered, never served: no entry, nothing counted

    SubnetTargets t = new SubnetDiscovery(subtensor).discover(List.of(1, 2, 1));

    assertThat(t.netuids()).containsExactly(1, 2);
    assertThat(t.groups()).extracting(g -> g.targets().get(0)).containsExactly("127.0.0.1:17091", "[::1]:17092");
    assertThat(t.groups()).extracting(g -> g.labels().get("netuid")).containsExactly("1", "2");
    assertThat(t.groups()).extracting(g -> g.labels().get("uid")).containsExactly("0", "9");
    assertThat(t.skippedCount()).isZero();
  }

  @Test
  void emptySubnetIsAnEmptyArray() {
    SubnetTargets t = new SubnetDiscovery(subtensor).discover(List.of(99));
    assertThat(t.toJson()).isEqualTo("[]");
  }

  @Test
  void prettyJsonIsTheSameDocument() throws Exception {
    neuron(27, "//Bob", 5, info(263, v4("203.0.113.7"), 7091, 4));
    SubnetTargets t = new SubnetDiscovery(subtensor).discover(List.of(27));
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(mapper.readTree(t.toPrettyJson())).isEqualTo(mapper.readTree(t.toJson()));
    assertThat(t.toPrettyJson()).contains("\n").endsWith("\n");
  }

  @Test
  void subnetExistsReadsNetworksAdded() {
    chain.put("SubtensorModule", "NetworksAdded", true, 27);
    SubnetDiscovery d = new SubnetDiscovery(subtensor);
    assertThat(d.subnetExists(27)).isTrue();
    assertThat(d.subnetExists(28)).isFalse();
  }

  @Test
  void compressesTheLongestZeroRun() {
    assertThat(SubnetDiscovery.compress("2001:db8:0:0:1:0:0:0")).isEqualTo("2001:db8:0:0:1::");
    assertThat(SubnetDiscovery.compress("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(SubnetDiscovery.compress("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
    assertThat(SubnetDiscovery.compress("2001:db8:0:1:2:3:4:5")).isEqualTo("2001:db8:0:1:2:3:4:5");
  }

  @Test
  void aNodeThatInventsEntriesWithoutEndIsStoppedAtTheCap() {
    String prefix = new io.taoprom.chain.storage.Storage(subtensor.chain()).key("SubtensorModule", "Uids", 1).hex();
    java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
    chain.intercept(r -> {
      switch (r.method()) {
        case "state_getKeysPaged" -> {
          // Always a full page of new keys, each above the last: (netuid 1, Blake2_128Concat(account)).
          List<String> keys = new java.util.ArrayList<>();
          for (int i = 0; i < r.params().get(1).asInt(); i++) {
            keys.add(prefix + "00".repeat(16) + String.format("%064x", next.incrementAndGet()));
          }
          r.reply(keys);
          return true;
        }
        case "state_queryStorageAt" -> {
          List<List<String>> changes = new java.util.ArrayList<>();
          r.params().get(0).forEach(k -> changes.add(List.of(k.asText(), "0x0000")));
          r.reply(List.of(Map.of("block", FakeChain.GENESIS, "changes", changes)));
          return true;
        }
        default -> {
          return false;
        }
      }
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SubnetDiscovery(subtensor).discover(List.of(1)))
        .isInstanceOf(io.taoprom.chain.ChainException.class)
        .hasMessageContaining("lists more than 65536 SubtensorModule.Uids entries for netuid 1");
    assertThat(next.get()).isLessThan(SubnetDiscovery.MAX_ENTRIES_PER_SUBNET + 2000L);
  }

  @Test
  void allReadsEverySubnetInNetworksAddedAtOneBlock() {
    for (int netuid : List.of(1, 2, 5)) {
      chain.put("SubtensorModule", "NetworksAdded", true, netuid);
    }
    chain.put("SubtensorModule", "NetworksAdded", false, 7);
    neuron(5, "//Alice", 3, info(100, v4("198.51.100.5"), 9100, 4));
    neuron(1, "//Alice", 0, info(100, v4("198.51.100.1"), 9100, 4));
    neuron(1, "//Bob", 1, info(101, v4("198.51.100.2"), 9100, 4));
    neuron(2, "//Bob", 0, info(1, BigInteger.ZERO, 9100, 4)); // never served: counted
    neuron(7, "//Bob", 0, info(1, v4("198.51.100.7"), 9100, 4)); // subnet removed: not read
    neuron(9, "//Bob", 0, info(1, v4("198.51.100.9"), 9100, 4)); // not in NetworksAdded: not read
    // Left behind by a hotkey deregistered from netuid 1: not read by uid (so not counted).
    chain.put("SubtensorModule", "Prometheus", info(1, v4("198.51.100.8"), 9100, 4), 1, Keys.fromUri("//Eve").publicKey());

    SubnetDiscovery d = new SubnetDiscovery(subtensor);
    SubnetTargets t = d.discoverAll();

    assertThat(t.netuids()).containsExactly(1, 2, 5);
    assertThat(t.groups()).extracting(g -> g.targets().get(0) + " netuid=" + g.labels().get("netuid")
        + " uid=" + g.labels().get("uid")).containsExactly(
            "198.51.100.1:9100 netuid=1 uid=0", "198.51.100.2:9100 netuid=1 uid=1", "198.51.100.5:9100 netuid=5 uid=3");
    assertThat(t.skipped()).containsExactly(Map.entry(SkipReason.IP_ZERO, 1));
    // The same targets as naming the subnets one by one (which reads by prefix and so also
    // counts the entry left behind).
    SubnetTargets named = d.discover(List.of(1, 2, 5));
    assertThat(named.toJson()).isEqualTo(t.toJson());
    assertThat(named.skipped()).containsEntry(SkipReason.NOT_REGISTERED, 1);
  }

  @Test
  void allOfManySubnetsWithManyNeuronsIsComplete() {
    // More subnets than are read at once, and subnets of more than one page of keys.
    int subnets = SubnetDiscovery.SUBNETS_IN_FLIGHT * 2 + 1;
    for (int netuid = 0; netuid < subnets; netuid++) {
      chain.put("SubtensorModule", "NetworksAdded", true, netuid);
      int neurons = netuid % 4 == 0 ? 1100 : 3;
      for (int uid = 0; uid < neurons; uid++) {
        byte[] hotkey = new byte[32];
        hotkey[0] = (byte) uid;
        hotkey[1] = (byte) (uid >> 8);
        hotkey[2] = (byte) netuid;
        register(netuid, uid, hotkey);
        chain.put("SubtensorModule", "Prometheus", info(uid, v4("10.0.0.1"), 1 + uid, 4), netuid, hotkey);
      }
    }

    SubnetTargets t = new SubnetDiscovery(subtensor).discoverAll();

    int big = (subnets + 3) / 4;
    assertThat(t.groups()).hasSize(big * 1100 + (subnets - big) * 3);
    assertThat(t.netuids()).hasSize(subnets);
    for (int netuid = 0; netuid < subnets; netuid++) {
      String n = Integer.toString(netuid);
      List<String> uids = t.groups().stream().filter(g -> g.labels().get("netuid").equals(n))
          .map(g -> g.labels().get("uid")).toList();
      int neurons = netuid % 4 == 0 ? 1100 : 3;
      assertThat(uids).as("netuid %d", netuid).hasSize(neurons).first().isEqualTo("0");
      assertThat(uids).last().isEqualTo(Integer.toString(neurons - 1));
    }
    // By uid: only NetworksAdded is paged; then its values, SubnetworkN of all subnets, and the
    // Keys and the Prometheus entries of every uid, 1000 a batch.
    int neurons = big * 1100 + (subnets - big) * 3;
    int perMap = (neurons + 999) / 1000;
    assertThat(chain.node.count("state_getKeysPaged")).isEqualTo(1);
    assertThat(chain.node.count("state_queryStorageAt")).isEqualTo(1 + 1 + perMap * 2);
  }

  @Test
  void allRefusesANodeThatClaimsMoreNeuronsThanTheCapBeforeReadingThem() {
    // Nine subnets that each claim the u16 maximum: more than MAX_TARGETS in all.
    for (int netuid = 1; netuid <= 9; netuid++) {
      chain.put("SubtensorModule", "NetworksAdded", true, netuid);
      chain.put("SubtensorModule", "SubnetworkN", 65_535, netuid);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SubnetDiscovery(subtensor).discoverAll())
        .isInstanceOf(io.taoprom.chain.ChainException.class)
        .hasMessageContaining("lists more than 524288 neurons in all (SubtensorModule.SubnetworkN)");
    // NetworksAdded's values and SubnetworkN's: no Keys were asked for.
    assertThat(chain.node.count("state_queryStorageAt")).isEqualTo(2);
  }

  @Test
  void namedSubnetsArePagedByPrefixWithEveryPageRead() {
    // 2500 neurons: each map is two full pages and a short one.
    for (int uid = 0; uid < 2500; uid++) {
      byte[] hotkey = new byte[32];
      hotkey[0] = (byte) uid;
      hotkey[1] = (byte) (uid >> 8);
      register(4, uid, hotkey);
      chain.put("SubtensorModule", "Prometheus", info(uid, v4("10.0.0.1"), 1 + uid, 4), 4, hotkey);
    }

    SubnetTargets t = new SubnetDiscovery(subtensor).discover(List.of(4));

    assertThat(t.groups()).hasSize(2500);
    assertThat(t.groups()).extracting(g -> g.labels().get("uid"))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 2500).mapToObj(Integer::toString).toList());
    assertThat(t.groups()).extracting(g -> g.targets().get(0)).contains("10.0.0.1:1", "10.0.0.1:2500");
    assertThat(chain.node.count("state_getKeysPaged")).isEqualTo(2 * 3);
    assertThat(chain.node.count("state_queryStorageAt")).isEqualTo(2 * 3);
  }
}
