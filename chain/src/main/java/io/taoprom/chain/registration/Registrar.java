package io.taoprom.chain.registration;

import io.taoprom.chain.ChainException;
import io.taoprom.chain.WrongChainException;
import io.taoprom.chain.rpc.Deadline;
import io.taoprom.chain.rpc.RpcException;
import io.taoprom.chain.rpc.RpcTransportException;
import io.taoprom.chain.subtensor.AxonInfo;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.chain.tx.TxException;
import io.taoprom.core.crypto.Signer;
import io.taoprom.core.keys.Ss58;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one registration path of a Prometheus endpoint ({@code SubtensorModule.serve_prometheus}):
 * it reads the chain state ({@link ChainState}: uid, {@code Prometheus} entry, rate limit, subnet,
 * nonce, in one round trip), decides — the difference against chain, whether the hotkey is
 * registered, whether the address would be accepted, whether the rate limit has passed — and only
 * then builds, signs and submits ({@link Submission}). A dry run, {@link WaitMode#NONE} and
 * letting the chain decide ({@link RegistrationRequest#withPreflight}) are modes of the same path;
 * {@link RegistrationLoop} runs it round after round. Every result, chain errors, an unreachable
 * node, the wrong chain and a finalization timeout included, is one {@link RegistrationOutcome}.
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
 * <p>Messages name the caller's parameters in plain words ({@code ip}, {@code hotkey}); {@link
 * #withNames} gives them the caller's own names (the CLI's flags). Thread-safe as the client
 * underneath is; it keeps no state between calls.
 */
public final class Registrar {

  /** Bittensor's target block time. */
  static final Duration BLOCK_TIME = Duration.ofSeconds(12);

  private final Subtensor subtensor;
  private final Duration pollInterval;
  private final Consumer<String> progress;
  private final ParameterNames names;

  private Registrar(Subtensor subtensor, Duration pollInterval, Consumer<String> progress, ParameterNames names) {
    this.subtensor = Objects.requireNonNull(subtensor, "subtensor");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** A registrar over this client; it polls the best block every 6 s while waiting for a rate limit. */
  public static Registrar over(Subtensor subtensor) {
    return new Registrar(subtensor, Duration.ofSeconds(6), m -> { }, ParameterNames.PLAIN);
  }

  /** How often the best block is read while waiting for the rate limit to pass. */
  public Registrar withPollInterval(Duration interval) {
    return new Registrar(subtensor, interval, progress, names);
  }

  /** Receives progress lines (waiting for the rate limit, submitting). */
  public Registrar withProgress(Consumer<String> sink) {
    return new Registrar(subtensor, pollInterval, sink, names);
  }

  /** How outcomes name the parameters to change ({@link ParameterNames#PLAIN} by default). */
  public Registrar withNames(ParameterNames parameterNames) {
    return new Registrar(subtensor, pollInterval, progress, parameterNames);
  }

  /** The client underneath. */
  public Subtensor subtensor() {
    return subtensor;
  }

  /** The names messages use for parameters. */
  public ParameterNames names() {
    return names;
  }

  /**
   * Registers {@code request.endpoint()} for {@code hotkey} on {@code request.netuid()}, or says why
   * not. Never throws for chain or connection trouble: that is a {@link RegistrationOutcome.Failed}.
   */
  public RegistrationOutcome register(Signer hotkey, RegistrationRequest request) {
    boolean[] sending = {false};
    try {
      return registerOrThrow(hotkey, request, sending);
    } catch (RuntimeException e) {
      return failure(e, sending[0] ? RegistrationOutcome.Stage.UNCONFIRMED : RegistrationOutcome.Stage.NOT_SENT, names);
    }
  }

  private RegistrationOutcome registerOrThrow(Signer hotkey, RegistrationRequest request, boolean[] sending) {
    int netuid = request.netuid();
    Endpoint wanted = request.endpoint();
    byte[] account = hotkey.publicKey();
    PalletDocs docs = new PalletDocs(subtensor.chain());
    while (true) {
      ChainState s = ChainState.read(subtensor.chain(), netuid, account, !request.dryRun());
      if (request.preflight() && !s.subnetExists()) {
        return subnetMissing(netuid, docs);
      }
      EndpointDiff diff = EndpointDiff.between(s.prometheus(), wanted);
      if (request.dryRun()) {
        return new RegistrationOutcome.DryRun(callText(netuid, wanted), Ss58.encode(account, Ss58.BITTENSOR), diff,
            verdict(s, diff, request, account, netuid));
      }
      if (request.preflight()) {
        if (s.uid().isEmpty()) {
          return notRegistered(account, netuid, docs);
        }
        String ipProblem = wanted.ip().validationError();
        if (ipProblem != null) {
          String name = wanted.ip().type() == 4 || wanted.ip().type() == 6 ? "InvalidIpAddress" : "InvalidIpType";
          return new RegistrationOutcome.Failed(name, RegistrationOutcome.Stage.NOT_SENT,
              "(not sent) " + ipProblem + docs.appended(name), ErrorHints.forError(name, names));
        }
      }
      if (diff.isEmpty() && !request.force()) {
        return new RegistrationOutcome.UpToDate(s.prometheus());
      }
      if (request.preflight() && s.limitedNow()) {
        RegistrationOutcome.RateLimited limited = new RegistrationOutcome.RateLimited(s.prometheus().block(),
            s.rateLimit(), s.block(), s.allowedAt(), diff, ErrorHints.rateLimited(names));
        if (!request.waitRateLimit()) {
          return limited;
        }
        waitForBlock(s.allowedAt() - 1, limited);
        continue; // read again: the nonce, the era's block and what the chain holds may all have changed
      }
      progress.accept("submitting serve_prometheus for " + Ss58.encode(account, Ss58.BITTENSOR) + " on netuid " + netuid
          + ": " + diff.describe());
      sending[0] = true;
      return new Submission(subtensor.chain(), subtensor.retryPolicy(), docs, names).send(hotkey, request, s, diff);
    }
  }

  /**
   * What the chain holds for {@code hotkey} on {@code netuid} beside what this machine would register.
   * Fields of the wanted endpoint that are null are not compared. Chain or connection trouble is
   * thrown as the chain module's {@link ChainException}; see {@link #failure} to describe it.
   */
  public RegistrationStatus status(byte[] hotkey, int netuid, Long version, IpAddress ip, Integer port) {
    ChainState s = ChainState.read(subtensor.chain(), netuid, hotkey, false);
    AxonInfo axon = s.subnetExists() ? subtensor.axonInfo(netuid, hotkey) : null;
    boolean wantsSomething = version != null || ip != null || port != null;
    return new RegistrationStatus(Ss58.encode(hotkey, Ss58.BITTENSOR), netuid, s.subnetExists(),
        s.uid().isPresent() ? s.uid().getAsInt() : null, s.prometheus(), axon, s.block(), s.rateLimit(),
        s.blocksUntilAllowed(), version, ip, port,
        wantsSomething ? EndpointDiff.between(s.prometheus(), version, ip, port) : null);
  }

  private String verdict(ChainState s, EndpointDiff diff, RegistrationRequest request, byte[] account, int netuid) {
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
    // A wait the caller asked for (waitRateLimit): it does not spend the RPC deadline, but each
    // poll is bounded by what remained of it.
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

  private RegistrationOutcome subnetMissing(int netuid, PalletDocs docs) {
    String name = docs.firstKnown("SubnetNotExists", "SubNetworkDoesNotExist");
    return new RegistrationOutcome.Failed(name, RegistrationOutcome.Stage.NOT_SENT, "netuid " + netuid
        + " does not exist on this network" + docs.appended(name), ErrorHints.forError(name, names));
  }

  private RegistrationOutcome notRegistered(byte[] account, int netuid, PalletDocs docs) {
    String name = "HotKeyNotRegisteredInNetwork";
    return new RegistrationOutcome.Failed(name, RegistrationOutcome.Stage.NOT_SENT, "hotkey "
        + Ss58.encode(account, Ss58.BITTENSOR) + " is not registered on netuid " + netuid + " (not sent)"
        + docs.appended(name), ErrorHints.forError(name, names));
  }

  /** {@link #failure(RuntimeException, RegistrationOutcome.Stage, ParameterNames)} before anything was sent, in plain words. */
  public static RegistrationOutcome.Failed failure(RuntimeException e) {
    return failure(e, RegistrationOutcome.Stage.NOT_SENT, ParameterNames.PLAIN);
  }

  /**
   * A chain or connection failure as an outcome: {@code NodeUnreachable}, {@code WrongChain},
   * {@code FinalizationTimeout}, the node's RPC error, or {@code ChainError}.
   *
   * @param stage how far the registration had come when it happened
   * @throws RuntimeException {@code e} itself when it is not the chain module's
   */
  public static RegistrationOutcome.Failed failure(RuntimeException e, RegistrationOutcome.Stage stage,
      ParameterNames names) {
    String error;
    String hint;
    if (e instanceof WrongChainException) {
      error = "WrongChain";
      hint = error;
    } else if (e instanceof RpcTransportException) {
      error = "NodeUnreachable";
      hint = error;
    } else if (e instanceof TxException) {
      error = "FinalizationTimeout";
      hint = error;
    } else if (e instanceof RpcException) {
      error = "RpcError";
      hint = "ChainError";
    } else if (e instanceof ChainException) {
      error = "ChainError";
      hint = error;
    } else {
      throw e;
    }
    return new RegistrationOutcome.Failed(error, stage, oneLine(e.getMessage()), ErrorHints.forError(hint, names));
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
