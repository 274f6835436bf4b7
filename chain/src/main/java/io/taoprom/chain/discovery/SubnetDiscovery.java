package io.taoprom.chain.discovery;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.chain.subtensor.PrometheusEndpoint;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.chain.codec.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads every registered Prometheus endpoint of one or more subnets and turns them into SD
 * target groups with the labels {@code netuid}, {@code hotkey} (SS58), {@code uid} and
 * {@code version}.
 *
 * <pre>{@code
 * SubnetTargets t = new SubnetDiscovery(subtensor).discover(List.of(27, 51));
 * Files.writeString(sdFile, t.toPrettyJson());
 * }</pre>
 *
 * <p>Per subnet, the {@code Prometheus} and {@code Uids} maps are read at one block, so uids and
 * endpoints agree. Entries with ip 0 or port 0, with an address that does not fit its ip type,
 * or whose hotkey has no uid any more, are left out and counted ({@link SubnetTargets#skipped}).
 * Unlike the chain's own validation, loopback and private addresses are kept: discovery reports
 * what is stored, and a test network on one machine is a real use.
 *
 * <p>Thread-safe if the {@link Subtensor} is (it is). Chain errors propagate as
 * {@link io.taoprom.chain.ChainException}s.
 */
public final class SubnetDiscovery {

  private static final String PALLET = "SubtensorModule";

  private final Subtensor subtensor;
  private final Storage storage;

  public SubnetDiscovery(Subtensor subtensor) {
    this.subtensor = Objects.requireNonNull(subtensor, "subtensor");
    this.storage = new Storage(subtensor.chain());
  }

  /**
   * Whether subnet {@code netuid} exists ({@code SubtensorModule.NetworksAdded}); true on a
   * runtime without that entry, where the question cannot be answered.
   */
  public boolean subnetExists(int netuid) {
    StorageKey key;
    try {
      key = storage.key(PALLET, "NetworksAdded", netuid);
    } catch (RuntimeException noSuchEntry) {
      return true;
    }
    return Boolean.TRUE.equals(storage.read(key));
  }

  /** The targets of these subnets (duplicates ignored, order kept). */
  public SubnetTargets discover(List<Integer> netuids) {
    // The genesis check (finney's is pinned): never hand Prometheus another chain's targets.
    subtensor.chain().genesisHash();
    String at = subtensor.chain().bestHash();
    return discoverAt(netuids.stream().distinct().toList(), at, subtensor.chain().runtimeAt(at), false);
  }

  /**
   * The targets of every subnet in {@code SubtensorModule.NetworksAdded}, all read at one block:
   * the whole network, as {@code --sd.netuid all} serves it. Read by uid (computed keys, no key
   * paging beyond {@code NetworksAdded}; see {@code UidReader}) where the runtime has {@code
   * SubnetworkN} and {@code Keys}, so a {@code Prometheus} entry left behind by a deregistered
   * hotkey is not read (nor counted); by prefix otherwise.
   *
   * <pre>{@code
   * SubnetTargets everything = new SubnetDiscovery(subtensor).discoverAll();
   * }</pre>
   */
  public SubnetTargets discoverAll() {
    subtensor.chain().genesisHash();
    String at = subtensor.chain().bestHash();
    ChainRuntime rt = subtensor.chain().runtimeAt(at);
    return discoverAt(subnets(at), at, rt, UidReader.supports(rt));
  }

  /** The netuids {@code NetworksAdded} marks true at block {@code at} (null: the best block), ascending. */
  public List<Integer> subnets(String at) {
    return subnets(subtensor.chain(), at);
  }

  /**
   * The netuids {@code NetworksAdded} marks true at block {@code at} (null: the best block) on
   * {@code chain}, ascending; at most {@link #MAX_SUBNETS}, whatever a node claims.
   */
  public static List<Integer> subnets(ChainClient chain, String at) {
    List<Integer> out = new ArrayList<>();
    new Storage(chain).forEachEntry(PALLET, "NetworksAdded", List.of(), at, Storage.DEFAULT_PAGE_SIZE, item -> {
      if (out.size() >= MAX_SUBNETS) {
        throw new ChainException(chain.rpc().endpoint() + " lists more than " + MAX_SUBNETS
            + " SubtensorModule.NetworksAdded entries; netuids are u16");
      }
      if (Boolean.TRUE.equals(item.value())) {
        out.add(Values.intValue(item.keys().get(0)));
      }
    });
    out.sort(null);
    return out;
  }

  /**
   * @param byUid read through {@link UidReader} (computed keys: the fast way for many subnets)
   *     rather than {@link EndpointReader} (both maps by prefix: also sees entries that
   *     deregistered hotkeys left behind, and counts them)
   */
  private SubnetTargets discoverAt(List<Integer> unique, String at, ChainRuntime rt, boolean byUid) {
    List<TargetGroup> groups = new ArrayList<>();
    Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    EndpointReader.SubnetSink sink = subnet -> {
      groups.addAll(groupsOf(subnet.endpoints(), subnet.uids(), skipped));
      if (groups.size() > MAX_TARGETS) {
        throw new ChainException(subtensor.chain().rpc().endpoint() + " lists more than " + MAX_TARGETS
            + " Prometheus endpoints in all; refusing to hand Prometheus more");
      }
    };
    if (byUid) {
      new UidReader(subtensor.chain(), MAX_ENTRIES_PER_SUBNET, MAX_TARGETS, SUBNETS_IN_FLIGHT).read(rt, unique, at, sink);
    } else {
      new EndpointReader(subtensor.chain(), MAX_ENTRIES_PER_SUBNET, SUBNETS_IN_FLIGHT).read(rt, unique, at, sink);
    }
    return new SubnetTargets(groups, skipped, unique);
  }

  /**
   * The most entries of one map read for one subnet. Subtensor allows a few thousand uids per
   * subnet ({@code MaxAllowedUids}); a node that sends more is making them up, and would
   * otherwise decide how much memory a read takes.
   */
  public static final int MAX_ENTRIES_PER_SUBNET = 65_536;

  /** The most subnets: netuids are u16. */
  public static final int MAX_SUBNETS = 65_536;

  /**
   * The most targets of one discovery: 16 times finney's 128 subnets of 256 neurons. Each
   * target costs a few hundred bytes in memory and in every {@code /sd} answer.
   */
  public static final int MAX_TARGETS = 524_288;

  /**
   * How many subnets are read at once on the one connection (each with two maps, each map with
   * up to two requests in flight): enough to hide the round trip, few enough that a node's
   * per-connection request limit is never reached.
   */
  static final int SUBNETS_IN_FLIGHT = 8;

  /**
   * The target groups of these endpoints (pure: no chain access), ordered by uid.
   *
   * @param uids hotkey account id as 0x-hex → uid on the endpoints' subnet
   * @param skipped incremented for every endpoint left out
   */
  public static List<TargetGroup> groupsOf(List<PrometheusEndpoint> endpoints, Map<String, Integer> uids,
      Map<SkipReason, Integer> skipped) {
    record Found(int uid, TargetGroup group) {}
    List<Found> found = new ArrayList<>();
    for (PrometheusEndpoint e : endpoints) {
      PrometheusInfo info = e.info();
      SkipReason reason = null;
      String host = null;
      Integer uid = uids.get(Hex.encode(e.hotkey()));
      if (info.ip().signum() == 0) {
        reason = SkipReason.IP_ZERO;
      } else if (info.port() == 0) {
        reason = SkipReason.PORT_ZERO;
      } else if ((host = host(info)) == null) {
        reason = SkipReason.INVALID_ADDRESS;
      } else if (uid == null) {
        reason = SkipReason.NOT_REGISTERED;
      }
      if (reason != null) {
        skipped.merge(reason, 1, Integer::sum);
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("netuid", Integer.toString(e.netuid()));
      labels.put("hotkey", e.hotkeySs58());
      labels.put("uid", Integer.toString(uid));
      labels.put("version", Long.toString(info.version()));
      found.add(new Found(uid, new TargetGroup(List.of(host + ":" + info.port()), labels)));
    }
    found.sort(Comparator.comparingInt(Found::uid));
    return found.stream().map(Found::group).toList();
  }

  /** {@code 1.2.3.4} or {@code [2001:db8::1]}; null when the value does not fit its ip type. */
  static String host(PrometheusInfo info) {
    BigInteger ip = info.ip();
    if (ip.signum() < 0 || (info.ipType() == 4 && ip.bitLength() > 32)
        || (info.ipType() == 6 && ip.bitLength() > 128) || (info.ipType() != 4 && info.ipType() != 6)) {
      return null;
    }
    String text = info.address().toString();
    // An IPv4-mapped IPv6 value prints as dotted IPv4 and needs no brackets.
    return text.contains(":") ? "[" + compress(text) + "]" : text;
  }

  /** {@code 2001:db8:0:0:0:0:0:1} → {@code 2001:db8::1} (RFC 5952: the longest run of zero groups). */
  static String compress(String full) {
    String[] parts = full.split(":");
    if (parts.length != 8) {
      return full;
    }
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < 8; ) {
      if (parts[i].equals("0")) {
        int j = i;
        while (j < 8 && parts[j].equals("0")) {
          j++;
        }
        if (j - i > bestLength && j - i >= 2) {
          bestStart = i;
          bestLength = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return String.join(":", parts);
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLength, 8));
    return head + "::" + tail;
  }
}
