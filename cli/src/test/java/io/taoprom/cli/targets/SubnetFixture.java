package io.taoprom.cli.targets;

import io.taoprom.chain.FakeChain;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts neurons (uid and PrometheusInfo) into a {@link FakeChain}'s storage. */
public final class SubnetFixture {

  public static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  public static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

  private SubnetFixture() {}

  /** Registers {@code uri}'s hotkey with {@code uid} on {@code netuid}, serving {@code ip:port}. */
  public static void neuron(FakeChain chain, int netuid, String uri, int uid, BigInteger ip, int port, int ipType,
      long version) {
    byte[] hotkey = Keys.fromUri(uri).publicKey();
    chain.put("SubtensorModule", "NetworksAdded", true, netuid);
    chain.put("SubtensorModule", "Uids", uid, netuid, hotkey);
    // As the runtime keeps them beside Uids (what --netuid all reads).
    chain.put("SubtensorModule", "Keys", hotkey, netuid, uid);
    Object n = chain.get("SubtensorModule", "SubnetworkN", netuid);
    chain.put("SubtensorModule", "SubnetworkN", Math.max(n == null ? 0 : ((Number) n).intValue(), uid + 1), netuid);
    Map<String, Object> info = new LinkedHashMap<>(FakeChain.prometheusInfo(50, version, 0, port, ipType));
    info.put("ip", ip);
    chain.put("SubtensorModule", "Prometheus", info, netuid, hotkey);
  }

  /** A dotted IPv4 address as the chain's u128. */
  public static BigInteger v4(String dotted) {
    long v = 0;
    for (String p : dotted.split("\\.")) {
      v = v << 8 | Integer.parseInt(p);
    }
    return BigInteger.valueOf(v);
  }
}
