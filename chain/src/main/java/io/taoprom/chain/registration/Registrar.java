package io.taoprom.chain.registration;

import io.taoprom.chain.BlockHeader;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.WrongChainException;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.metadata.Pallet;
import io.taoprom.chain.rpc.Deadline;
import io.taoprom.chain.rpc.InvalidTransaction;
import io.taoprom.chain.rpc.RpcException;
import io.taoprom.chain.rpc.RpcTransportException;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.chain.subtensor.AxonInfo;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.ServeOptions;
import io.taoprom.chain.subtensor.ServeResult;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.chain.subtensor.SubtensorTransactionError;
import io.taoprom.chain.tx.Author;
import io.taoprom.chain.tx.ExtrinsicBuilder;
import io.taoprom.chain.tx.SignedExtrinsic;
import io.taoprom.chain.tx.TxException;
import io.taoprom.core.crypto.Signer;
import io.taoprom.core.keys.Ss58;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * One-shot registration of a Prometheus endpoint, and the status of one, over a {@link
 * Subtensor} client. It adds what an operator needs to {@link Subtensor#servePrometheus}: a
 * check that the subnet exists, the difference against chain, a dry run, a rate limit that is
 * reported (or waited for) rather than sent into, and every failure — chain errors, an
 * unreachable node, the wrong chain, a finalization timeout — as a {@link
 * RegistrationOutcome.Failed} with what it means and what to do.
 *
 * <pre>{@code
 * try (Subtensor subtensor = Subtensor.connect("finney")) {
 *   Registrar registrar = Registrar.over(subtensor).withProgress(System.err::println);
 *   RegistrationOutcome out = registrar.register(Hotkey.fromUri("//Alice").signer(),
 *       RegistrationRequest.of(27, Endpoint.parse("203.0.113.7", null, 7091, 183)).withWaitRateLimit(true));
 *   System.out.println(out.describe());
 *   RegistrationStatus s = registrar.status(hotkeyPublicKey, 27, wantedVersion, wantedIp, wantedPort);
 * }
 * }</pre>
 *
 * Thread-safe as the client underneath is; it keeps no state between calls.
 */
public final class Registrar {

  private static final String PALLET = "SubtensorModule";
  /** Bittensor's target block time. */
  static final Duration BLOCK_TIME = Duration.ofSeconds(12);

  private final Subtensor subtensor;
  private final Duration pollInterval;
  private final Consumer<String> progress;

  private Registrar(Subtensor subtensor, Duration pollInterval, Consumer<String> progress) {
    this.subtensor = Objects.requireNonNull(subtensor, "subtensor");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** A registrar over this client; it polls the best block every 6 s while waiting for a rate limit. */
  public static Registrar over(Subtensor subtensor) {
    return new Registrar(subtensor, Duration.ofSeconds(6), m -> { });
  }

  /** How often the best block is read while waiting for the rate limit to pass. */
  public Registrar withPollInterval(Duration interval) {
    return new Registrar(subtensor, interval, progress);
  }

  /** Receives progress lines (waiting for the rate limit, submitting). */
  public Registrar withProgress(Consumer<String> sink) {
    return new Registrar(subtensor, pollInterval, sink);
  }

  /** The chain state the flow decides on, read at one moment. */
  private record Snapshot(long block, boolean subnetExists, OptionalInt uid, PrometheusInfo prometheus, long rateLimit) {
    /** The first block that may include another serve, or -1 when nothing limits it. */
    long allowedAt() {
      if (prometheus == null || prometheus.block() == 0 || rateLimit == 0) {
        return -1;
      }
      return prometheus.block() + rateLimit;
    }

    boolean limitedNow() {
      long a = allowedAt();
      return a > 0 && block + 1 < a;
    }
  }

  /**
   * Registers {@code request.endpoint()} for {@code hotkey} on {@code request.netuid()}, or says why
   * not. Never throws for chain or connection trouble: that is a {@link RegistrationOutcome.Failed}.
   */
  public RegistrationOutcome register(Signer hotkey, RegistrationRequest request) {
    try {
      return registerOrThrow(hotkey, request);
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  private RegistrationOutcome registerOrThrow(Signer hotkey, RegistrationRequest request) {
    int netuid = request.netuid();
    Endpoint wanted = request.endpoint();
    byte[] account = hotkey.publicKey();
    Snapshot s = snapshot(netuid, account);
    if (!s.subnetExists()) {
      return subnetMissing(netuid);
    }
    EndpointDiff diff = EndpointDiff.between(s.prometheus(), wanted);
    if (request.dryRun()) {
      return new RegistrationOutcome.DryRun(callText(netuid, wanted), Ss58.encode(account, Ss58.BITTENSOR), diff,
          verdict(s, diff, request, account, netuid));
    }
    if (s.uid().isEmpty()) {
      return notRegistered(account, netuid);
    }
    if (diff.isEmpty() && !request.force()) {
      return new RegistrationOutcome.UpToDate(s.prometheus());
    }
    if (s.limitedNow()) {
      RegistrationOutcome.RateLimited limited = new RegistrationOutcome.RateLimited(s.prometheus().block(), s.rateLimit(),
          s.block(), s.allowedAt(), diff);
      if (!request.waitRateLimit()) {
        return limited;
      }
      waitForBlock(s.allowedAt() - 1, limited);
    }
    progress.accept("submitting serve_prometheus for " + Ss58.encode(account, Ss58.BITTENSOR) + " on netuid " + netuid
        + ": " + diff.describe());
    if (request.waitMode() == WaitMode.NONE) {
      return submitOnly(hotkey, netuid, wanted, diff);
    }
    ServeOptions options = ServeOptions.defaults().withWaitFor(request.waitMode().waitFor()).withTimeout(request.timeout())
        .withForce(request.force());
    ServeResult r = subtensor.servePrometheus(hotkey, netuid, wanted.version(), wanted.ip().value(), wanted.port(),
        wanted.ip().type(), options);
    return map(r, diff, request);
  }

  /**
   * {@code --wait none}: sign with a fresh nonce (mortal for 64 blocks) and submit once, without
   * watching. The checks before it are the same as for a watched registration.
   */
  private RegistrationOutcome submitOnly(Signer hotkey, int netuid, Endpoint wanted, EndpointDiff diff) {
    ChainClient chain = subtensor.chain();
    ChainRuntime rt = chain.runtime();
    IpAddress ip = wanted.ip();
    String ipProblem = ip.validationError();
    if (ipProblem != null) {
      String name = ip.type() == 4 || ip.type() == 6 ? "InvalidIpAddress" : "InvalidIpType";
      return new RegistrationOutcome.Failed(name, "(not sent) " + ipProblem + docsOf(name), ErrorHints.forError(name));
    }
    BlockHeader header = chain.header();
    long nonce = chain.accountNextIndex(hotkey.publicKey());
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("netuid", netuid);
    args.put("version", wanted.version());
    args.put("ip", ip.value());
    args.put("port", wanted.port());
    args.put("ip_type", ip.type());
    ExtrinsicBuilder b = ExtrinsicBuilder.forRuntime(rt, chain.genesisHash()).call(PALLET, "serve_prometheus", args)
        .signer(hotkey).nonce(nonce);
    if (header.number() > 0) {
      b.mortal(64, header.number() - 1, header.parentHash());
    }
    SignedExtrinsic xt = b.build();
    try {
      String hash = new Author(chain).submit(xt);
      return new RegistrationOutcome.Submitted(hash, nonce, diff);
    } catch (RpcException e) {
      InvalidTransaction why = e.invalidTransaction().orElse(null);
      if (why == null) {
        throw e;
      }
      String name = why.customCode().isPresent() && SubtensorTransactionError.nameOf(why.customCode().getAsInt()) != null
          ? SubtensorTransactionError.nameOf(why.customCode().getAsInt()) : why.describe();
      return new RegistrationOutcome.Failed(name, "(rejected by the transaction pool)" + docsOf(name),
          ErrorHints.forError(name));
    } catch (RpcTransportException e) {
      // It may have reached the node: never sent again blindly.
      return new RegistrationOutcome.Failed("Unconfirmed", "the connection failed while submitting extrinsic "
          + xt.hashHex() + " (nonce " + nonce + "); it may have reached the node", ErrorHints.forError("Unconfirmed"));
    }
  }

  private RegistrationOutcome map(ServeResult r, EndpointDiff diff, RegistrationRequest request) {
    if (r instanceof ServeResult.Served s) {
      return new RegistrationOutcome.Registered(s.outcome().blockNumber(), s.outcome().blockHash(), s.outcome().finalized(),
          s.outcome().extrinsicHash(), diff);
    }
    if (r instanceof ServeResult.ServedUnwatched u) {
      return new RegistrationOutcome.Registered(u.servedAtBlock(), null, false, u.extrinsicHash(), diff);
    }
    if (r instanceof ServeResult.Unchanged u) {
      // The chain changed between our read and the client's: someone else registered it meanwhile.
      Endpoint e = request.endpoint();
      return new RegistrationOutcome.UpToDate(new PrometheusInfo(u.servedAtBlock(), e.version(), e.ip().value(), e.port(),
          e.ip().type()));
    }
    ServeResult.Failed f = (ServeResult.Failed) r;
    if (f.error().equals("ServingRateLimitExceeded") && f.stage() == ServeResult.Stage.PREFLIGHT && f.retryAtBlock() > 0) {
      long now = subtensor.currentBlock();
      long limit = subtensor.servingRateLimit(request.netuid());
      return new RegistrationOutcome.RateLimited(f.retryAtBlock() - limit, limit, now, f.retryAtBlock(), diff);
    }
    String where = switch (f.stage()) {
      case PREFLIGHT -> "not sent";
      case POOL -> "rejected by the transaction pool";
      case DISPATCH -> "failed in block #" + f.outcome().blockNumber() + " " + f.outcome().blockHash();
      case UNCONFIRMED -> "unconfirmed";
    };
    return new RegistrationOutcome.Failed(f.error(), "(" + where + ") " + (f.docs() == null ? "" : f.docs()),
        ErrorHints.forError(f.error()));
  }

  /**
   * What the chain holds for {@code hotkey} on {@code netuid} beside what this machine would register.
   * Fields of the wanted endpoint that are null are not compared. Chain or connection trouble is
   * thrown as the chain module's {@link ChainException}; see {@link #failure} to describe it.
   */
  public RegistrationStatus status(byte[] hotkey, int netuid, Long version, IpAddress ip, Integer port) {
    Snapshot s = snapshot(netuid, hotkey);
    AxonInfo axon = s.subnetExists() ? subtensor.axonInfo(netuid, hotkey) : null;
    long allowedAt = s.allowedAt();
    long remaining = allowedAt < 0 ? 0 : Math.max(0, allowedAt - (s.block() + 1));
    boolean wantsSomething = version != null || ip != null || port != null;
    return new RegistrationStatus(Ss58.encode(hotkey, Ss58.BITTENSOR), netuid, s.subnetExists(),
        s.uid().isPresent() ? s.uid().getAsInt() : null, s.prometheus(), axon, s.block(), s.rateLimit(), remaining,
        version, ip, port, wantsSomething ? EndpointDiff.between(s.prometheus(), version, ip, port) : null);
  }

  /** The best block, then one storage batch: subnet, uid, Prometheus entry and rate limit. */
  private Snapshot snapshot(int netuid, byte[] account) {
    long block = subtensor.currentBlock();
    Storage storage = new Storage(subtensor.chain());
    List<StorageKey> keys = new ArrayList<>(List.of(storage.key(PALLET, "Uids", netuid, account),
        subtensor.prometheusKey(netuid, account), storage.key(PALLET, "ServingRateLimit", netuid)));
    boolean checksSubnet;
    try {
      keys.add(storage.key(PALLET, "NetworksAdded", netuid));
      checksSubnet = true;
    } catch (RuntimeException noSuchEntry) {
      checksSubnet = false; // a runtime without NetworksAdded: let the chain decide
    }
    List<Object> v = storage.readAll(keys, null);
    boolean exists = !checksSubnet || Boolean.TRUE.equals(v.get(3));
    if (!exists) {
      return new Snapshot(block, false, OptionalInt.empty(), null, 0);
    }
    OptionalInt uid = v.get(0) == null ? OptionalInt.empty() : OptionalInt.of(Values.intValue(v.get(0)));
    PrometheusInfo info = v.get(1) == null ? null : PrometheusInfo.from(v.get(1));
    return new Snapshot(block, true, uid, info, Values.longValue(v.get(2)));
  }

  private String verdict(Snapshot s, EndpointDiff diff, RegistrationRequest request, byte[] account, int netuid) {
    if (s.uid().isEmpty()) {
      return "a real run would fail: hotkey " + Ss58.encode(account, Ss58.BITTENSOR) + " is not registered on netuid " + netuid;
    }
    if (diff.isEmpty() && !request.force()) {
      return "a real run would send nothing: already up to date";
    }
    if (s.limitedNow()) {
      return "a real run would be rate-limited until block #" + s.allowedAt()
          + (request.waitRateLimit() ? " and wait for it" : "");
    }
    return "a real run would send it now";
  }

  private static String callText(int netuid, Endpoint e) {
    return "SubtensorModule.serve_prometheus(netuid=" + netuid + ", version=" + e.version() + ", ip=" + e.ip().value()
        + " (" + e.ip() + "), port=" + e.port() + ", ip_type=" + e.ip().type() + ")";
  }

  private void waitForBlock(long block, RegistrationOutcome.RateLimited limited) {
    progress.accept("rate-limited: waiting for block #" + block + " (" + limited.blocksRemaining() + " blocks, about "
        + aboutBlocks(limited.blocksRemaining()) + ") before sending");
    // A wait the operator asked for (--wait-rate-limit): it does not spend the RPC deadline, but
    // each poll is bounded by what remained of it.
    Deadline.pausedIfAny(() -> {
      while (subtensor.currentBlock() < block) {
        try {
          Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ChainException("interrupted while waiting for the rate limit", e);
        }
      }
      return null;
    });
  }

  /** {@code 12 min} for 60 blocks, at 12 s a block. */
  static String aboutBlocks(long blocks) {
    long seconds = blocks * BLOCK_TIME.toSeconds();
    return seconds < 120 ? seconds + " s" : (seconds + 30) / 60 + " min";
  }

  private RegistrationOutcome subnetMissing(int netuid) {
    String name = palletErrorName("SubnetNotExists", "SubNetworkDoesNotExist");
    return new RegistrationOutcome.Failed(name, "netuid " + netuid + " does not exist on this network"
        + docsOf(name), ErrorHints.forError(name));
  }

  private RegistrationOutcome notRegistered(byte[] account, int netuid) {
    String name = "HotKeyNotRegisteredInNetwork";
    return new RegistrationOutcome.Failed(name, "hotkey " + Ss58.encode(account, Ss58.BITTENSOR)
        + " is not registered on netuid " + netuid + " (not sent)" + docsOf(name), ErrorHints.forError(name));
  }

  private String palletErrorName(String... candidates) {
    try {
      Pallet p = subtensor.runtime().metadata().pallet(PALLET);
      for (String c : candidates) {
        try {
          p.error(c);
          return c;
        } catch (RuntimeException absent) {
          // try the next spelling
        }
      }
    } catch (RuntimeException e) {
      // fall through to the first name
    }
    return candidates[0];
  }

  private String docsOf(String error) {
    try {
      String d = subtensor.runtime().metadata().pallet(PALLET).error(error).docText();
      return d == null || d.isBlank() ? "" : " (" + d.strip() + ")";
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * A chain or connection failure as an outcome: {@code NodeUnreachable}, {@code WrongChain},
   * {@code FinalizationTimeout}, the node's RPC error, or {@code ChainError}.
   */
  public static RegistrationOutcome.Failed failure(RuntimeException e) {
    if (e instanceof WrongChainException w) {
      return new RegistrationOutcome.Failed("WrongChain", oneLine(w.getMessage()), ErrorHints.forError("WrongChain"));
    }
    if (e instanceof RpcTransportException t) {
      return new RegistrationOutcome.Failed("NodeUnreachable", oneLine(t.getMessage()), ErrorHints.forError("NodeUnreachable"));
    }
    if (e instanceof TxException t) {
      return new RegistrationOutcome.Failed("FinalizationTimeout", oneLine(t.getMessage()),
          ErrorHints.forError("FinalizationTimeout"));
    }
    if (e instanceof RpcException r) {
      return new RegistrationOutcome.Failed("RpcError", oneLine(r.getMessage()), ErrorHints.forError("ChainError"));
    }
    if (e instanceof ChainException c) {
      return new RegistrationOutcome.Failed("ChainError", oneLine(c.getMessage()), ErrorHints.forError("ChainError"));
    }
    throw e;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
