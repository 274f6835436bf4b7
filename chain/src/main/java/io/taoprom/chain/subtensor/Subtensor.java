package io.taoprom.chain.subtensor;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.RuntimeCache;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.rpc.RpcListener;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageItem;
import io.taoprom.chain.storage.StorageKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The typed Subtensor client: what TaoProm reads from the Bittensor chain (endpoints, uids, the
 * serving rate limit). Writing — {@code serve_prometheus} — has one path, {@link
 * io.taoprom.chain.registration.Registrar}, which decides before it signs.
 *
 * <pre>{@code
 * try (Subtensor subtensor = Subtensor.builder().network("finney").build()) {
 *   PrometheusInfo mine = subtensor.prometheusInfo(27, hotkey.publicKey());
 *   List<PrometheusEndpoint> all = subtensor.prometheusEndpoints(27);
 *   RegistrationOutcome out = Registrar.over(subtensor).register(hotkey, RegistrationRequest.of(27, endpoint));
 * }
 * }</pre>
 *
 * Thread-safe; one instance per node connection.
 */
public final class Subtensor implements AutoCloseable {

  private static final String PALLET = "SubtensorModule";

  private final ChainClient chain;
  private final Storage storage;
  private final RetryPolicy retryPolicy;

  private Subtensor(ChainClient chain, RetryPolicy retryPolicy) {
    this.chain = chain;
    this.storage = new Storage(chain);
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
  }

  /** Connects to {@code finney}, {@code test}, {@code archive}, {@code local} or a URL with the defaults. */
  public static Subtensor connect(String network) {
    return builder().network(network).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A Subtensor client over an existing chain client (tests, shared connections), with the retry
   * policy that registration's re-checks follow.
   */
  public static Subtensor over(ChainClient chain, RetryPolicy retryPolicy) {
    return new Subtensor(chain, retryPolicy);
  }

  /**
   * The retry policy of this client's reads, which registration also follows when it re-checks
   * the chain after a submission whose fate is unknown.
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The chain client underneath, for anything this class does not cover. */
  public ChainClient chain() {
    return chain;
  }

  /** The best block's number. */
  public long currentBlock() {
    return chain.header().number();
  }

  /** The hotkey's Prometheus endpoint on {@code netuid}, or null when it has none. */
  public PrometheusInfo prometheusInfo(int netuid, byte[] hotkey) {
    Object v = storage.read(storage.key(PALLET, "Prometheus", netuid, hotkey));
    return v == null ? null : PrometheusInfo.from(v);
  }

  /** The hotkey's axon on {@code netuid}, or null when it has none. */
  public AxonInfo axonInfo(int netuid, byte[] hotkey) {
    Object v = storage.read(storage.key(PALLET, "Axons", netuid, hotkey));
    return v == null ? null : AxonInfo.from(v);
  }

  /** The hotkey's uid on {@code netuid}, empty when it is not registered there. */
  public OptionalInt uid(int netuid, byte[] hotkey) {
    Object v = storage.read(storage.key(PALLET, "Uids", netuid, hotkey));
    return v == null ? OptionalInt.empty() : OptionalInt.of(Values.intValue(v));
  }

  /** Whether the hotkey is registered (has a uid) on {@code netuid}. */
  public boolean isHotkeyRegistered(int netuid, byte[] hotkey) {
    return uid(netuid, hotkey).isPresent();
  }

  /** Blocks that must pass between two serves of one hotkey on {@code netuid} (0: no limit). */
  public long servingRateLimit(int netuid) {
    return Values.longValue(storage.read(storage.key(PALLET, "ServingRateLimit", netuid)));
  }

  /** Every hotkey's Prometheus endpoint on {@code netuid}, read page by page at one block. */
  public List<PrometheusEndpoint> prometheusEndpoints(int netuid) {
    List<PrometheusEndpoint> out = new ArrayList<>();
    storage.forEachEntry(PALLET, "Prometheus", List.of(netuid), null, Storage.DEFAULT_PAGE_SIZE,
        (StorageItem item) -> out.add(new PrometheusEndpoint(netuid, Values.bytes(item.keys().get(1)),
            PrometheusInfo.from(item.value()))));
    return out;
  }

  /** The current runtime (metadata, spec version). */
  public ChainRuntime runtime() {
    return chain.runtime();
  }

  /** The storage key of the hotkey's {@code Prometheus} entry (for callers that batch reads). */
  public StorageKey prometheusKey(int netuid, byte[] hotkey) {
    return storage.key(PALLET, "Prometheus", netuid, hotkey);
  }

  @Override
  public void close() {
    chain.close();
  }

  /** Configures a {@link Subtensor}. */
  public static final class Builder {
    private String network = "finney";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RpcListener listener = RpcListener.NONE;
    private int maxMessageBytes = -1;
    private RuntimeCache runtimeCache = new RuntimeCache();
    private String expectedGenesis;

    /** {@code finney} (default), {@code test}, {@code archive}, {@code local} or a node URL. */
    public Builder network(String nameOrUrl) {
      this.network = Objects.requireNonNull(nameOrUrl, "network");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** Retries of reads and re-checked resubmissions; {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /** Observes requests, retries, connections and blocks (the CLI maps it to metrics). */
    public Builder listener(RpcListener rpcListener) {
      this.listener = Objects.requireNonNull(rpcListener, "listener");
      return this;
    }

    /** The largest message accepted from the node; see {@link RpcClient.Builder#maxMessageBytes}. */
    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = bytes;
      return this;
    }

    public Builder runtimeCache(RuntimeCache cache) {
      this.runtimeCache = Objects.requireNonNull(cache, "runtimeCache");
      return this;
    }

    /** Overrides the genesis hash to insist on (finney's is built in). */
    public Builder expectedGenesis(String genesisHash) {
      this.expectedGenesis = genesisHash;
      return this;
    }

    public Subtensor build() {
      Network.Endpoint e = Network.resolve(network);
      RpcClient.Builder b = RpcClient.builder(e.uri()).connectTimeout(connectTimeout).requestTimeout(requestTimeout)
          .retryPolicy(retryPolicy).listener(listener);
      if (maxMessageBytes > 0) {
        b.maxMessageBytes(maxMessageBytes);
      }
      RpcClient rpc = b.build();
      ChainClient chain = ChainClient.builder(rpc)
          .expectedGenesis(expectedGenesis != null ? expectedGenesis : e.expectedGenesis())
          .runtimeCache(runtimeCache).listener(listener).build();
      return new Subtensor(chain, retryPolicy);
    }
  }
}
