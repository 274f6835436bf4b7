package io.taoprom.chainmetrics.metagraph;

import io.taoprom.chain.FakeChain;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A subnet written into the fake chain's storage (finney spec-343 types), neuron by neuron with
 * distinct values, the way the runtime keeps it: per-subnet vectors indexed by uid, per-uid and
 * per-hotkey maps.
 */
final class FakeMetagraph {

  private FakeMetagraph() {}

  /** The hotkey of {@code uid}: //Alice, //Bob, //Charlie for the first three, then derived keys. */
  static byte[] hotkey(int uid) {
    String[] dev = {"//Alice", "//Bob", "//Charlie"};
    return Keys.fromUri(uid < dev.length ? dev[uid] : "//Hot" + uid).publicKey();
  }

  /** The coldkey owning every hotkey: //Ferdie. */
  static byte[] coldkey() {
    return Keys.fromUri("//Ferdie").publicKey();
  }

  /**
   * Writes subnet {@code netuid} with {@code n} neurons: uid u has incentive 1000·(u+1), dividends
   * 2000·(u+1), trust 3000·(u+1), consensus 4000·(u+1), rank 5000·(u+1), validator trust 6000·(u+1)
   * (modulo 65536), a permit and activity on even uids, last update 900+u, registration 100+u,
   * emission (u+1)·0.5 alpha, stake (u+1)·10 alpha; uid 0 serves an axon and a Prometheus endpoint.
   */
  static void write(FakeChain chain, int netuid, int n) {
    put(chain, "NetworksAdded", true, netuid);
    put(chain, "SubnetworkN", n, netuid);
    put(chain, "MaxAllowedUids", 256, netuid);
    put(chain, "Tempo", 360, netuid);
    put(chain, "BlocksSinceLastStep", BigInteger.valueOf(17), netuid);
    put(chain, "ImmunityPeriod", 5000, netuid);
    put(chain, "Burn", BigInteger.valueOf(1_500_000_000L), netuid);
    put(chain, "ServingRateLimit", BigInteger.valueOf(50), netuid);
    put(chain, "Incentive", vector(n, u -> (1000 * (u + 1)) % 65536), netuid);
    put(chain, "Dividends", vector(n, u -> (2000 * (u + 1)) % 65536), netuid);
    put(chain, "Trust", vector(n, u -> (3000 * (u + 1)) % 65536), netuid);
    put(chain, "Consensus", vector(n, u -> (4000 * (u + 1)) % 65536), netuid);
    put(chain, "Rank", vector(n, u -> (5000 * (u + 1)) % 65536), netuid);
    put(chain, "ValidatorTrust", vector(n, u -> (6000 * (u + 1)) % 65536), netuid);
    put(chain, "ValidatorPermit", vector(n, u -> u % 2 == 0), netuid);
    put(chain, "Active", vector(n, u -> u % 2 == 0), netuid);
    put(chain, "LastUpdate", vector(n, u -> BigInteger.valueOf(900 + u)), netuid);
    put(chain, "Emission", vector(n, u -> BigInteger.valueOf(500_000_000L * (u + 1))), netuid);
    for (int uid = 0; uid < n; uid++) {
      byte[] hot = hotkey(uid);
      put(chain, "Keys", hot, netuid, uid);
      put(chain, "BlockAtRegistration", BigInteger.valueOf(100 + uid), netuid, uid);
      put(chain, "Owner", coldkey(), hot);
      put(chain, "TotalHotkeyAlpha", BigInteger.valueOf(10_000_000_000L * (uid + 1)), hot, netuid);
      if (uid == 0) {
        put(chain, "Axons", axon(0x01020304L, 8091), netuid, hot);
        put(chain, "Prometheus", FakeChain.prometheusInfo(95, 1, 0x01020304L, 7091, 4), netuid, hot);
      }
    }
  }

  static void put(FakeChain chain, String entry, Object value, Object... keys) {
    chain.put("SubtensorModule", entry, value, keys);
  }

  static Map<String, Object> axon(long ip, int port) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("block", BigInteger.valueOf(90));
    m.put("version", 1L);
    m.put("ip", BigInteger.valueOf(ip));
    m.put("port", port);
    m.put("ip_type", 4);
    m.put("protocol", 4);
    m.put("placeholder1", 0);
    m.put("placeholder2", 0);
    return m;
  }

  private static List<Object> vector(int n, IntFunction<Object> value) {
    List<Object> out = new ArrayList<>(n);
    for (int u = 0; u < n; u++) {
      out.add(value.apply(u));
    }
    return out;
  }
}
