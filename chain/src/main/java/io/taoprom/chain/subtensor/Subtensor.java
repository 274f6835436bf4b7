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
import io.taoprom.chain.tx.WaitFor;
import io.taoprom.core.crypto.Signer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The typed Subtensor client: what TaoProm reads from and writes to the Bittensor chain.
 *
 * <pre>{@code
 * try (Subtensor subtensor = Subtensor.builder().network("finney").build()) {
 *   ServeResult r = subtensor.servePrometheus(hotkey, 27, 100, IpAddress.parse("203.0.113.7"), 9400,
 *       WaitFor.FINALIZED);
 *   System.out.println(r.describe());
 *   PrometheusInfo mine = subtensor.prometheusInfo(27, hotkey.publicKey());
 *   List<PrometheusEndpoint> all = subtensor.prometheusEndpoints(27);
 * }
 * }</pre>
 *
 * Thread-safe; one instance per node connection.
 */
public final class Subtensor implements AutoCloseable {

  private static final String PALLET = "SubtensorModule";

  private final ChainClient chain;
  private final Storage storage;
  private final ServingRegistrar registrar;

  private Subtensor(ChainClient chain, RetryPolicy submitPolicy) {
    this.chain = chain;
    this.storage = new Storage(chain);
    this.registrar = new ServingRegistrar(chain, submitPolicy);
  }

  /** Connects to {@code finney}, {@code test}, {@code local} or a URL with the defaults. */
  public static Subtensor connect(String network) {
    return builder().network(network).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A Subtensor client over an existing chain client (tests, shared connections). */
  public static Subtensor over(ChainClient chain, RetryPolicy submitPolicy) {
    return new Subtensor(chain, submitPolicy);
  }

  /** The chain client underneath, for anything this class does not cover. */
  public ChainClient chain() {
    return chain;
  }

  /** The best block's number. */
  public long currentBlock() {
    return chain.header().number();
  }

  /** {@code SubtensorModule.serve_prometheus}, with the default options and this wait. */
  public ServeResult servePrometheus(Signer hotkey, int netuid, long version, IpAddress ip, int port,
      WaitFor wait) {
    return servePrometheus(hotkey, netuid, version, ip.value(), port, ip.type(),
        ServeOptions.defaults().withWaitFor(wait));
  }

  /**
   * Registers (or refreshes) the hotkey's Prometheus endpoint on {@code netuid}: reads what is on
   * chain, sends nothing when it is already this endpoint (unless {@code force}), checks
   * registration, address and rate limit first (unless {@code preflight} is off), then signs,
   * submits and watches {@code serve_prometheus}.
   */
  public ServeResult servePrometheus(Signer hotkey, int netuid, long version, BigInteger ip, int port,
      int ipType, ServeOptions options) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("netuid", netuid);
    args.put("version", version);
    args.put("ip", ip);
    args.put("port", port);
    args.put("ip_type", ipType);
    return registrar.serve(hotkey, ServingRegistrar.Kind.PROMETHEUS, netuid, args, options);
  }

  /** {@code SubtensorModule.serve_axon}, the same way as {@link #servePrometheus}. */
  public ServeResult serveAxon(Signer hotkey, int netuid, long version, BigInteger ip, int port, int ipType,
      int protocol, int placeholder1, int placeholder2, ServeOptions options) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("netuid", netuid);
    args.put("version", version);
    args.put("ip", ip);
    args.put("port", port);
    args.put("ip_type", ipType);
    args.put("protocol", protocol);
    args.put("placeholder1", placeholder1);
    args.put("placeholder2", placeholder2);
    return registrar.serve(hotkey, ServingRegistrar.Kind.AXON, netuid, args, options);
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

    /** {@code finney} (default), {@code test}, {@code local} or a node URL. */
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
