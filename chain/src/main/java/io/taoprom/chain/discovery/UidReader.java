package io.taoprom.chain.discovery;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.metadata.MetadataException;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.chain.subtensor.PrometheusEndpoint;
import io.taoprom.chain.subtensor.PrometheusInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Reads the endpoints of many subnets without enumerating their maps: every key is computed, so
 * the node only answers {@code state_queryStorageAt} batches. {@code SubnetworkN(netuid)} for all
 * subnets in one batch, then {@code Keys(netuid, uid)} for every uid below it (the hotkeys), then
 * {@code Prometheus(netuid, hotkey)} for each of those, 1000 keys a batch and several batches in
 * flight. For the whole of finney (128 subnets of 256) that is 1 + 33 + 33 requests, where reading
 * the maps by prefix pages through 65,536 keys first (and a node's key paging is its slowest read:
 * chopsticks, for one, spends tens of milliseconds per key).
 *
 * <p>Only registered hotkeys are read, so a {@code Prometheus} entry that a deregistered hotkey
 * left behind is never seen (nor counted as {@link SkipReason#NOT_REGISTERED}). Keys and values
 * are encoded and decoded by the runtime metadata's own types; a runtime without {@code
 * SubnetworkN} or {@code Keys} makes {@link #supports} false, and the caller reads by prefix.
 */
final class UidReader {

  private static final String PALLET = "SubtensorModule";
  /** Keys per {@code state_queryStorageAt}: what a key page holds, well under any message limit. */
  static final int BATCH = 1000;

  private final ChainClient chain;
  private final Storage storage;
  private final int maxUidsPerSubnet;
  private final int maxTotal;
  private final int batchesInFlight;

  UidReader(ChainClient chain, int maxUidsPerSubnet, int maxTotal, int batchesInFlight) {
    this.chain = chain;
    this.storage = new Storage(chain);
    this.maxUidsPerSubnet = maxUidsPerSubnet;
    this.maxTotal = maxTotal;
    this.batchesInFlight = batchesInFlight;
  }

  /** Whether the runtime at {@code at} has the entries this reader computes keys for. */
  static boolean supports(ChainRuntime rt) {
    try {
      rt.metadata().pallet(PALLET).storage("SubnetworkN");
      rt.metadata().pallet(PALLET).storage("Keys");
      return true;
    } catch (MetadataException missing) {
      return false;
    }
  }

  /**
   * Reads {@code netuids} at block {@code at}, whose runtime is {@code rt}; {@code sink} sees each
   * subnet in the order given.
   */
  void read(ChainRuntime rt, List<Integer> netuids, String at, EndpointReader.SubnetSink sink) {
    StorageEntry countEntry = rt.metadata().pallet(PALLET).storage("SubnetworkN");
    StorageEntry keysEntry = rt.metadata().pallet(PALLET).storage("Keys");
    StorageEntry prometheusEntry = rt.metadata().pallet(PALLET).storage("Prometheus");

    List<StorageKey> countKeys = netuids.stream()
        .map(n -> StorageKey.of(rt.metadata(), rt.codec(), countEntry, List.of(n))).toList();
    List<Object> counts = values(rt, countEntry, countKeys, at);
    List<int[]> uids = new ArrayList<>(); // (netuid, uid) of every key below
    List<StorageKey> hotkeyKeys = new ArrayList<>();
    for (int i = 0; i < netuids.size(); i++) {
      int netuid = netuids.get(i);
      int n = counts.get(i) == null ? 0 : Values.intValue(counts.get(i));
      if (n < 0 || n > maxUidsPerSubnet) {
        throw new ChainException(chain.rpc().endpoint() + " says netuid " + netuid + " has " + n
            + " neurons (SubtensorModule.SubnetworkN); a subnet has at most " + maxUidsPerSubnet);
      }
      if (uids.size() + n > maxTotal) {
        throw new ChainException(chain.rpc().endpoint() + " lists more than " + maxTotal
            + " neurons in all (SubtensorModule.SubnetworkN); refusing to read them");
      }
      for (int uid = 0; uid < n; uid++) {
        uids.add(new int[] {netuid, uid});
        hotkeyKeys.add(StorageKey.of(rt.metadata(), rt.codec(), keysEntry, List.of(netuid, uid)));
      }
    }
    List<Object> hotkeys = values(rt, keysEntry, hotkeyKeys, at);

    List<int[]> served = new ArrayList<>();
    List<byte[]> servedHotkeys = new ArrayList<>();
    List<StorageKey> prometheusKeys = new ArrayList<>();
    for (int i = 0; i < uids.size(); i++) {
      if (hotkeys.get(i) == null) {
        continue; // a uid below SubnetworkN without a hotkey: nothing to read
      }
      byte[] hotkey = Values.bytes(hotkeys.get(i));
      served.add(uids.get(i));
      servedHotkeys.add(hotkey);
      prometheusKeys.add(StorageKey.of(rt.metadata(), rt.codec(), prometheusEntry, List.of(uids.get(i)[0], hotkey)));
    }
    List<Object> infos = values(rt, prometheusEntry, prometheusKeys, at);

    Map<Integer, EndpointReader.Subnet> bySubnet = new HashMap<>();
    for (int netuid : netuids) {
      bySubnet.put(netuid, new EndpointReader.Subnet(netuid, new ArrayList<>(), new HashMap<>()));
    }
    for (int i = 0; i < served.size(); i++) {
      EndpointReader.Subnet s = bySubnet.get(served.get(i)[0]);
      s.uids().put(Hex.encode(servedHotkeys.get(i)), served.get(i)[1]);
      if (infos.get(i) != null) {
        s.endpoints().add(new PrometheusEndpoint(s.netuid(), servedHotkeys.get(i), PrometheusInfo.from(infos.get(i))));
      }
    }
    netuids.forEach(n -> sink.accept(bySubnet.get(n)));
  }

  /**
   * The decoded values of {@code keys} (null where absent), in
   * batches of {@link #BATCH}, at most {@code batchesInFlight} at once.
   */
  private List<Object> values(ChainRuntime rt, StorageEntry entry, List<StorageKey> keys, String at) {
    Semaphore window = new Semaphore(batchesInFlight);
    List<CompletableFuture<List<byte[]>>> batches = new ArrayList<>();
    try {
      for (int from = 0; from < keys.size(); from += BATCH) {
        List<byte[]> batch = keys.subList(from, Math.min(keys.size(), from + BATCH)).stream()
            .map(StorageKey::bytes).toList();
        window.acquire();
        CompletableFuture<List<byte[]>> f = storage.rawAllAsync(batch, at);
        f.whenComplete((v, e) -> window.release());
        batches.add(f);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException("interrupted while reading SubtensorModule." + entry.name(), e);
    }
    List<Object> out = new ArrayList<>(keys.size());
    // Absent is null, not the entry's default: a default hotkey (Keys is a ValueQuery) is no neuron.
    Function<byte[], Object> decode = raw -> raw == null ? null : Storage.decodeValue(rt, entry, raw);
    for (CompletableFuture<List<byte[]>> f : batches) {
      RpcClient.await(f).forEach(raw -> out.add(decode.apply(raw)));
    }
    return out;
  }
}
