package io.taoprom.chain.registration;

import io.taoprom.chain.rpc.Deadline;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.crypto.Signer;
import io.taoprom.core.keys.Ss58;
import io.taoprom.untrusted.Excerpt;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a Prometheus endpoint registered, on a thread of its own: it runs the {@link Registrar}'s
 * one path at start, then every {@code intervalBlocks} blocks, at once when the address or the
 * version changes, and at the first allowed block after a rate limit. Each round's outcome, and
 * why a round could not run, goes to the {@link RegistrationListener}; no failure — node down,
 * slow, rejecting, no address, a version file half written — ends the loop.
 *
 * <pre>{@code
 * Registrar registrar = Registrar.over(subtensor);
 * RegistrationLoop loop = RegistrationLoop.builder(registrar, hotkey,
 *         RegistrationRequest.of(27, Endpoint.of(IpAddress.parse("203.0.113.7"), 7091, 183)))
 *     .version(() -> VersionScheme.SN27.toInt(myVersion()))   // asked at every tick
 *     .listener(outcomeLogger)
 *     .build();
 * loop.start();
 * ...
 * loop.close();
 * }</pre>
 *
 * <p>The address is asked for at start and every {@code addressCheck}; the version at every tick
 * (one block time), so a neuron that updates itself is followed within a block of the update, or
 * at the first block the serving rate limit allows.
 */
public final class RegistrationLoop implements AutoCloseable {

  private final Registrar registrar;
  private final Signer hotkey;
  private final RegistrationRequest template;
  private final Supplier<IpAddress> address;
  private final LongSupplier version;
  private final RegistrationListener listener;
  private final long intervalBlocks;
  private final Duration tick;
  private final long ticksPerAddressCheck;
  private final Duration roundTimeout;
  private final Thread thread;
  private volatile boolean closed;
  private volatile RegistrationOutcome last;
  private volatile int rounds;

  private RegistrationLoop(Builder b) {
    this.registrar = b.registrar;
    this.hotkey = b.hotkey;
    this.template = b.template;
    IpAddress fixed = b.template.endpoint().ip();
    this.address = b.address != null ? b.address : () -> fixed;
    long fixedVersion = b.template.endpoint().version();
    this.version = b.version != null ? b.version : () -> fixedVersion;
    this.listener = b.listener;
    this.intervalBlocks = b.intervalBlocks;
    this.tick = b.tick;
    this.ticksPerAddressCheck = Math.max(1, b.addressCheck.toMillis() / Math.max(1, b.tick.toMillis()));
    this.roundTimeout = b.roundTimeout;
    this.thread = new Thread(this::run, "taoprom-register");
    this.thread.setDaemon(true);
  }

  /**
   * A loop that registers for {@code hotkey} what {@code template} asks for (netuid, port, version,
   * wait mode); its address and version are replaced by those of {@link Builder#address} and
   * {@link Builder#version} at every round when they are given.
   */
  public static Builder builder(Registrar registrar, Signer hotkey, RegistrationRequest template) {
    return new Builder(registrar, hotkey, template);
  }

  /** Starts the first round at once, on the loop's own thread. */
  public void start() {
    thread.start();
  }

  /** The latest round's outcome, or null before the first one ended. */
  public RegistrationOutcome lastOutcome() {
    return last;
  }

  /** How many rounds have ended. */
  public int rounds() {
    return rounds;
  }

  private void run() {
    IpAddress ip = null;           // the latest address obtained
    IpAddress registeredIp = null; // the address of the latest round that left chain current
    Long wanted = null;            // the latest version obtained
    String addressError = "not asked yet";
    String versionError = "not asked yet";
    long nextBlock = -1;           // the block at which the next round is due; -1: at once
    for (long ticks = 0; !closed; ticks++) {
      if (ip == null || ticks % ticksPerAddressCheck == 0) {
        try {
          IpAddress now = address.get();
          if (registeredIp != null && !now.equals(registeredIp)) {
            listener.onAddressChanged(registeredIp, now);
            nextBlock = -1;
          }
          ip = now;
        } catch (RuntimeException e) { // NOPMD: no address this time; the next check asks again
          addressError = oneLine(e);
        }
      }
      try {
        long now = version.getAsLong();
        if (wanted != null && now != wanted) {
          listener.onVersionChanged(wanted, now);
          nextBlock = -1;
        }
        wanted = now;
      } catch (RuntimeException e) { // NOPMD: a file half written, a bad value: the next tick reads again
        versionError = oneLine(e);
        if (wanted != null) {
          listener.onWarning("cannot read the version (" + versionError + "); still registering version " + wanted);
        }
      }
      long block = currentBlock();
      boolean due = nextBlock < 0 || (block >= 0 && block >= nextBlock);
      if (due && ip == null) {
        listener.onNoAddress("cannot determine the address to register: " + addressError);
      } else if (due && wanted == null) {
        listener.onNoVersion("cannot determine the version to register: " + versionError);
      } else if (due) {
        RegistrationOutcome outcome = round(ip, wanted);
        if (outcome.isCurrent()) {
          registeredIp = ip;
        }
        long now = currentBlock();
        if (outcome instanceof RegistrationOutcome.RateLimited r) {
          nextBlock = r.allowedAtBlock();
        } else if (now >= 0) {
          nextBlock = now + intervalBlocks;
        } else {
          nextBlock = -1; // the node is unreachable: try again at the next tick
        }
      }
      sleep(tick);
    }
  }

  private RegistrationOutcome round(IpAddress ip, long wantedVersion) {
    RegistrationOutcome outcome;
    try {
      RegistrationRequest request = template.withEndpoint(Endpoint.of(ip, template.endpoint().port(), wantedVersion));
      outcome = Deadline.after(roundTimeout).call(() -> registrar.register(hotkey, request));
    } catch (IllegalArgumentException e) { // a version out of the u32 range, from the version source
      outcome = new RegistrationOutcome.Failed("InvalidVersion", RegistrationOutcome.Stage.NOT_SENT, oneLine(e),
          "fix the version's source");
    }
    // What chain holds first, then the outcome: whoever sees the outcome has seen what it left on chain.
    refreshChainHolds();
    listener.onRound(outcome);
    // Published after the listener's calls, so that whoever sees the outcome sees their effects too.
    last = outcome;
    rounds++;
    return outcome;
  }

  private long currentBlock() {
    try {
      Subtensor subtensor = registrar.subtensor();
      long b = Deadline.after(roundTimeout).call(subtensor::currentBlock);
      listener.onBlock(b);
      return b;
    } catch (RuntimeException e) { // NOPMD: the node is down; the round reports it
      return -1;
    }
  }

  private void refreshChainHolds() {
    try {
      byte[] account = hotkey.publicKey();
      int netuid = template.netuid();
      listener.onChainHolds(netuid, Ss58.encode(account, Ss58.BITTENSOR),
          Deadline.after(roundTimeout).call(() -> registrar.subtensor().prometheusInfo(netuid, account)));
    } catch (RuntimeException e) { // NOPMD: what chain holds stays as last seen; the round's outcome says why
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      closed = true;
      Thread.currentThread().interrupt();
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    return Excerpt.of(m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip(), 400);
  }

  /** Stops the loop (a submission under way is abandoned with the thread). */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }

  /** Configures a {@link RegistrationLoop}. */
  public static final class Builder {
    private final Registrar registrar;
    private final Signer hotkey;
    private final RegistrationRequest template;
    private Supplier<IpAddress> address;
    private LongSupplier version;
    private RegistrationListener listener = RegistrationListener.NONE;
    private long intervalBlocks = 25;
    private Duration tick = Registrar.BLOCK_TIME;
    private Duration addressCheck = Duration.ofMinutes(5);
    private Duration roundTimeout = Duration.ofSeconds(15);

    private Builder(Registrar registrar, Signer hotkey, RegistrationRequest template) {
      this.registrar = Objects.requireNonNull(registrar, "registrar");
      this.hotkey = Objects.requireNonNull(hotkey, "hotkey");
      this.template = Objects.requireNonNull(template, "template");
    }

    /**
     * Where the address comes from (an explicit one, or external-ip discovery), asked at start and
     * every {@link #addressCheck}; it may throw, and is asked again. Default: the template's.
     */
    public Builder address(Supplier<IpAddress> source) {
      this.address = Objects.requireNonNull(source, "address");
      return this;
    }

    /**
     * Where the version comes from (such as a {@link VersionFile}), asked at every tick; it may
     * throw, and the last version it gave is kept meanwhile. Default: the template's.
     */
    public Builder version(LongSupplier source) {
      this.version = Objects.requireNonNull(source, "version");
      return this;
    }

    /** Who hears of rounds, blocks and problems; {@link RegistrationListener#NONE} by default. */
    public Builder listener(RegistrationListener l) {
      this.listener = Objects.requireNonNull(l, "listener");
      return this;
    }

    /** Blocks between two rounds when nothing changes (default 25, about 5 minutes). */
    public Builder intervalBlocks(long blocks) {
      if (blocks < 1) {
        throw new IllegalArgumentException("intervalBlocks must be at least 1, not " + blocks);
      }
      this.intervalBlocks = blocks;
      return this;
    }

    /** How often the best block (and the version) is read (default one block time, 12 s). */
    public Builder tick(Duration interval) {
      this.tick = Objects.requireNonNull(interval, "tick");
      return this;
    }

    /** How often the address is asked for between rounds (default 5 minutes). */
    public Builder addressCheck(Duration interval) {
      this.addressCheck = Objects.requireNonNull(interval, "addressCheck");
      return this;
    }

    /**
     * The bound of each conversation with the chain — a round, a look at the best block (default
     * 15 s); waits a round asks for (finalization) do not count.
     */
    public Builder roundTimeout(Duration timeout) {
      this.roundTimeout = Objects.requireNonNull(timeout, "roundTimeout");
      return this;
    }

    /** The loop, not started. */
    public RegistrationLoop build() {
      return new RegistrationLoop(this);
    }
  }
}
