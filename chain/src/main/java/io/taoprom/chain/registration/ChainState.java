package io.taoprom.chain.registration;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.BlockHeader;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.FromNode;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.rpc.Delivery;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.core.keys.Ss58;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * What a registration decides on, read at one moment: the best header, then one storage batch
 * (the hotkey's uid, its {@code Prometheus} entry, the subnet's {@code ServingRateLimit}, whether the
 * subnet exists, and the last runtime upgrade) and the hotkey's next nonce, the three sent together
 * so that they cost one round trip of latency. A runtime upgrade since the metadata was cached is
 * noticed here and the read starts over once with the new runtime.
 *
 * @param header the best block's header (the era of a submission is counted from its parent)
 * @param subnetExists whether the subnet exists (true when the runtime cannot say)
 * @param uid the hotkey's uid, empty when it is not registered on the subnet
 * @param prometheus the hotkey's {@code Prometheus} entry, or null
 * @param rateLimit blocks between two serves of one hotkey on the subnet (0: none)
 * @param nonce the hotkey's next nonce, or -1 when not read (a dry run signs nothing)
 */
record ChainState(BlockHeader header, boolean subnetExists, OptionalInt uid, PrometheusInfo prometheus, long rateLimit,
    long nonce) {

  private static final String PALLET = "SubtensorModule";

  /** Reads the state of {@code account} on {@code netuid}; the nonce only when {@code withNonce}. */
  static ChainState read(ChainClient chain, int netuid, byte[] account, boolean withNonce) {
    for (boolean mayReload = true; ; mayReload = false) {
      RpcClient rpc = chain.rpc();
      // The header needs no metadata: it is asked first, and while the runtime loads (cold) it is on its way.
      CompletableFuture<JsonNode> headerF = rpc.requestAsync("chain_getHeader", List.of(), Delivery.AT_LEAST_ONCE);
      ChainRuntime rt = runtime(chain, headerF);
      List<StorageKey> keys = new ArrayList<>(List.of(
          StorageKey.of(rt.metadata(), rt.codec(), PALLET, "Uids", netuid, account),
          StorageKey.of(rt.metadata(), rt.codec(), PALLET, "Prometheus", netuid, account),
          StorageKey.of(rt.metadata(), rt.codec(), PALLET, "ServingRateLimit", netuid),
          StorageKey.of(rt.metadata(), rt.codec(), "System", "LastRuntimeUpgrade")));
      boolean checksSubnet;
      try {
        keys.add(StorageKey.of(rt.metadata(), rt.codec(), PALLET, "NetworksAdded", netuid));
        checksSubnet = true;
      } catch (RuntimeException noSuchEntry) {
        checksSubnet = false; // a runtime without NetworksAdded: let the chain decide
      }
      CompletableFuture<JsonNode> nonceF = withNonce ? rpc.requestAsync("system_accountNextIndex",
          List.of(Ss58.encode(account, Ss58.BITTENSOR)), Delivery.AT_LEAST_ONCE) : null;
      CompletableFuture<List<byte[]>> storageF =
          new Storage(chain).rawAllAsync(keys.stream().map(StorageKey::bytes).toList(), null);
      JsonNode h = RpcClient.await(headerF);
      List<byte[]> raw = RpcClient.await(storageF);
      long nonce = nonceF == null ? -1 : RpcClient.await(nonceF).asLong();
      BlockHeader header = new BlockHeader(FromNode.blockNumber(h.path("number")), h.path("parentHash").asText());
      chain.listener().onBlock(header.number());

      if (raw.get(3) != null && mayReload) {
        Object upgrade = Storage.decodeValue(rt, keys.get(3).entry(), raw.get(3));
        long spec = Values.longValue(Values.map(upgrade).get("spec_version"));
        if (spec != rt.specVersion()) {
          chain.noticeSpecVersion(spec);
          continue;
        }
      }
      Object uid = Storage.decodeValue(rt, keys.get(0).entry(), raw.get(0));
      Object info = Storage.decodeValue(rt, keys.get(1).entry(), raw.get(1));
      long rateLimit = Values.longValue(Storage.decodeValue(rt, keys.get(2).entry(), raw.get(2)));
      // A hotkey with a uid proves the subnet; only without one does NetworksAdded tell a missing
      // subnet from an unregistered hotkey.
      boolean exists = uid != null || !checksSubnet
          || Boolean.TRUE.equals(Storage.decodeValue(rt, keys.get(4).entry(), raw.get(4)));
      return new ChainState(header, exists, uid == null ? OptionalInt.empty() : OptionalInt.of(Values.intValue(uid)),
          info == null ? null : PrometheusInfo.from(info), rateLimit, nonce);
    }
  }

  /**
   * The runtime; when loading it fails and so did the header asked before it, the header's failure
   * is the one reported: it is what was asked first (a node that refuses everything fails there).
   */
  private static ChainRuntime runtime(ChainClient chain, CompletableFuture<JsonNode> headerF) {
    try {
      return chain.runtime();
    } catch (RuntimeException e) {
      RpcClient.await(headerF);
      throw e;
    }
  }

  /** The best block's number. */
  long block() {
    return header.number();
  }

  /** The first block that may include another serve, or -1 when nothing limits it. */
  long allowedAt() {
    if (prometheus == null || prometheus.block() == 0 || rateLimit == 0) {
      return -1;
    }
    return prometheus.block() + rateLimit;
  }

  /** Whether the next block (the earliest that could include a serve) is still inside the rate limit. */
  boolean limitedNow() {
    long a = allowedAt();
    return a > 0 && block() + 1 < a;
  }

  /** Blocks still to be produced before a serve can be included. */
  long blocksUntilAllowed() {
    long a = allowedAt();
    return a < 0 ? 0 : Math.max(0, a - (block() + 1));
  }
}
