package io.taoprom.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.metadata.MetadataDecoder;
import io.taoprom.chain.metadata.MetadataException;
import io.taoprom.chain.metadata.RuntimeMetadata;
import io.taoprom.chain.rpc.Delivery;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.rpc.RpcException;
import io.taoprom.chain.rpc.RpcListener;
import io.taoprom.chain.rpc.Subscription;
import io.taoprom.core.keys.Ss58;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A node of one chain, with its current runtime: the layer between raw JSON-RPC and the things
 * that need metadata (storage, extrinsics). It fetches the genesis hash and the runtime's
 * metadata once, keeps them per spec version, and notices a runtime upgrade — from {@code
 * state_subscribeRuntimeVersion} when {@link #followRuntimeUpgrades()} is on, or when a caller
 * reports a spec version it read ({@link #noticeSpecVersion}).
 *
 * <pre>{@code
 * try (ChainClient chain = ChainClient.builder(RpcClient.builder(url).build())
 *     .expectedGenesis(Network.FINNEY.genesisHash()).build()) {
 *   ChainRuntime runtime = chain.runtime();
 *   int pallet = runtime.metadata().pallet("SubtensorModule").index();
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class ChainClient implements AutoCloseable {

  private static final Pattern BLOCK_HASH = Pattern.compile("0x[0-9a-f]{64}");

  private final RpcClient rpc;
  private final String expectedGenesis;
  private final RuntimeCache cache;
  private final RpcListener listener;
  private final boolean closeRpc;
  private final Object lock = new Object();
  private volatile String genesis;
  private volatile ChainRuntime current;
  private volatile Subscription upgrades;

  private ChainClient(Builder b) {
    this.rpc = b.rpc;
    this.expectedGenesis = b.expectedGenesis;
    this.cache = b.cache;
    this.listener = b.listener;
    this.closeRpc = b.closeRpc;
  }

  public static Builder builder(RpcClient rpc) {
    return new Builder(rpc);
  }

  public RpcClient rpc() {
    return rpc;
  }

  /** The genesis hash ({@code 0x…}), checked against the expected one on first use. */
  public String genesisHash() {
    String g = genesis;
    if (g == null) {
      JsonNode answer = rpc.request("chain_getBlockHash", 0);
      g = answer == null ? "" : answer.asText().toLowerCase(Locale.ROOT);
      if (!BLOCK_HASH.matcher(g).matches()) {
        throw new ChainException("the node at " + rpc.endpoint() + " answered chain_getBlockHash(0) with "
            + FromNode.json(answer) + ", not a block hash; is this a Substrate node?");
      }
      if (expectedGenesis != null && !expectedGenesis.equalsIgnoreCase(g)) {
        throw new WrongChainException(rpc.endpoint(), expectedGenesis, g);
      }
      genesis = g;
    }
    return g;
  }

  /** The current runtime, loaded (and cached) on first use and after an upgrade was noticed. */
  public ChainRuntime runtime() {
    ChainRuntime r = current;
    if (r != null) {
      return r;
    }
    synchronized (lock) {
      if (current == null) {
        current = load(null);
      }
      return current;
    }
  }

  /** Asks the node for its runtime version and reloads the metadata if it changed. */
  public ChainRuntime refreshRuntime() {
    synchronized (lock) {
      current = load(null);
      return current;
    }
  }

  /**
   * Tells the client the chain runs {@code specVersion} (read from storage, a notification or
   * an error); if that is not the cached runtime, the next {@link #runtime()} reloads.
   */
  public void noticeSpecVersion(long specVersion) {
    ChainRuntime r = current;
    if (r != null && r.specVersion() != specVersion) {
      synchronized (lock) {
        if (current == r) {
          current = null;
        }
      }
    }
  }

  /** The runtime that executed block {@code blockHash} (for reads at old blocks). */
  public ChainRuntime runtimeAt(String blockHash) {
    Objects.requireNonNull(blockHash, "blockHash");
    return load(blockHash);
  }

  private ChainRuntime load(String at) {
    String g = genesisHash();
    JsonNode v = rpc.request("state_getRuntimeVersion", params(at));
    long spec = v.path("specVersion").asLong(-1);
    long tx = v.path("transactionVersion").asLong(-1);
    if (spec < 0 || tx < 0) {
      throw new ChainException("state_getRuntimeVersion on " + rpc.endpoint()
          + " did not return specVersion and transactionVersion: " + FromNode.json(v));
    }
    ChainRuntime cached = cache.get(g, spec);
    if (cached != null) {
      return cached;
    }
    RuntimeMetadata md = fetchMetadata(at);
    ChainRuntime r = ChainRuntime.of(v.path("specName").asText(""), spec, tx, md);
    cache.put(g, r);
    return r;
  }

  /** V15 through the Metadata runtime API where the runtime has it, else V14. */
  private RuntimeMetadata fetchMetadata(String at) {
    try {
      JsonNode opaque = rpc.request("state_call", params("Metadata_metadata_at_version", "0x0f000000", at));
      return MetadataDecoder.decodeOpaqueOption(FromNode.hex(rpc.endpoint(), "Metadata_metadata_at_version", opaque));
    } catch (RpcException | MetadataException noV15) {
      // Older runtimes: no metadata_at_version, or no V15 (None).
    }
    JsonNode hex = rpc.request("state_getMetadata", params(at));
    return MetadataDecoder.decode(FromNode.hex(rpc.endpoint(), "state_getMetadata", hex));
  }

  /** Follows {@code state_subscribeRuntimeVersion} so an upgrade is noticed without polling. */
  public void followRuntimeUpgrades() {
    if (!rpc.supportsSubscriptions() || upgrades != null) {
      return;
    }
    upgrades = rpc.subscribe("state_subscribeRuntimeVersion", List.of(),
        "state_unsubscribeRuntimeVersion", v -> noticeSpecVersion(v.path("specVersion").asLong(-1)));
  }

  /** Follows new best blocks; each header also goes to the listener's {@code onBlock}. */
  public Subscription subscribeNewHeads(Consumer<BlockHeader> onHead) {
    return subscribeHeads("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", onHead);
  }

  /** Follows finalized blocks. */
  public Subscription subscribeFinalizedHeads(Consumer<BlockHeader> onHead) {
    return subscribeHeads("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", onHead);
  }

  private Subscription subscribeHeads(String method, String unsubscribe, Consumer<BlockHeader> onHead) {
    return rpc.subscribe(method, List.of(), unsubscribe, h -> {
      long number = parseNumber(h.path("number"));
      listener.onBlock(number);
      onHead.accept(new BlockHeader(number, h.path("parentHash").asText()));
    });
  }

  /** The header of the best block. */
  public BlockHeader header() {
    return header(null);
  }

  /** The header of block {@code blockHash} (null: the best block). */
  public BlockHeader header(String blockHash) {
    JsonNode h = rpc.request("chain_getHeader", params(blockHash));
    if (h == null || h.isNull()) {
      throw new ChainException("the node at " + rpc.endpoint() + " has no header for block " + blockHash);
    }
    long number = parseNumber(h.path("number"));
    listener.onBlock(number);
    return new BlockHeader(number, h.path("parentHash").asText());
  }

  /** The hash of block {@code number}, or null when the node has no such block. */
  public String blockHash(long number) {
    JsonNode h = rpc.request("chain_getBlockHash", number);
    return h == null || h.isNull() ? null : h.asText();
  }

  /** The best block's hash ({@code 0x…}, lower case), checked to be one: a single request. */
  public String bestHash() {
    JsonNode h = rpc.request("chain_getBlockHash");
    String hash = h == null ? "" : h.asText().toLowerCase(Locale.ROOT);
    if (!BLOCK_HASH.matcher(hash).matches()) {
      throw new ChainException("chain_getBlockHash on " + rpc.endpoint() + " answered " + FromNode.json(h)
          + ", not a block hash");
    }
    return hash;
  }

  /** The hash of the last finalized block. */
  public String finalizedHead() {
    return rpc.request("chain_getFinalizedHead").asText();
  }

  /** The next nonce of an account, counting transactions in the node's pool. */
  public long accountNextIndex(byte[] accountId) {
    return rpc.request("system_accountNextIndex", Ss58.encode(accountId, Ss58.BITTENSOR)).asLong();
  }

  /** Block {@code blockHash}: its number and extrinsics. */
  public Block block(String blockHash) {
    JsonNode b = rpc.request("chain_getBlock", blockHash);
    JsonNode list = b == null ? null : b.path("block").path("extrinsics");
    if (list == null || !list.isArray()) {
      throw new ChainException("the node at " + rpc.endpoint() + " has no block " + blockHash);
    }
    List<String> out = new ArrayList<>(list.size());
    list.forEach(x -> out.add(x.asText().toLowerCase(Locale.ROOT)));
    long number = parseNumber(b.path("block").path("header").path("number"));
    listener.onBlock(number);
    return new Block(blockHash, number, List.copyOf(out));
  }

  /** Submits a signed extrinsic once (never re-sent); returns its hash. */
  public String submitExtrinsic(byte[] extrinsic) {
    return RpcClient.await(rpc.requestAsync("author_submitExtrinsic", List.of(Hex.encode(extrinsic)),
        Delivery.AT_MOST_ONCE)).asText();
  }

  /** Block numbers come as hex strings in headers (and as numbers from some nodes). */
  static long parseNumber(JsonNode n) {
    return FromNode.blockNumber(n);
  }

  /** Positional parameters with trailing nulls left out (an absent optional block hash). */
  static Object[] params(Object... p) {
    int n = p.length;
    while (n > 0 && p[n - 1] == null) {
      n--;
    }
    return Arrays.copyOf(p, n);
  }

  public RpcListener listener() {
    return listener;
  }

  @Override
  public void close() {
    Subscription s = upgrades;
    if (s != null) {
      s.unsubscribe();
    }
    if (closeRpc) {
      rpc.close();
    }
  }

  /** Configures a {@link ChainClient}. */
  public static final class Builder {
    private final RpcClient rpc;
    private String expectedGenesis;
    private RuntimeCache cache = new RuntimeCache();
    private RpcListener listener = RpcListener.NONE;
    private boolean closeRpc = true;

    Builder(RpcClient rpc) {
      this.rpc = Objects.requireNonNull(rpc, "rpc");
    }

    /** Fail with {@link WrongChainException} unless the node's genesis hash is this one. */
    public Builder expectedGenesis(String genesisHash) {
      this.expectedGenesis = genesisHash;
      return this;
    }

    /** Share decoded runtimes with other clients. */
    public Builder runtimeCache(RuntimeCache runtimeCache) {
      this.cache = Objects.requireNonNull(runtimeCache, "runtimeCache");
      return this;
    }

    /** Receives block numbers seen in headers (the RPC client has its own listener). */
    public Builder listener(RpcListener rpcListener) {
      this.listener = Objects.requireNonNull(rpcListener, "listener");
      return this;
    }

    /** Whether {@link ChainClient#close()} closes the RPC client too (default true). */
    public Builder closeRpcOnClose(boolean close) {
      this.closeRpc = close;
      return this;
    }

    public ChainClient build() {
      return new ChainClient(this);
    }
  }
}
