package io.taoprom.cli.chainmetrics;

import io.taoprom.chain.registration.Endpoint;
import io.taoprom.cli.ConsoleText;
import io.taoprom.chain.rpc.Deadline;
import io.taoprom.chain.registration.Registrar;
import io.taoprom.chain.registration.RegistrationOutcome;
import io.taoprom.chain.registration.RegistrationRequest;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.crypto.Signer;
import io.taoprom.core.keys.Ss58;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code serve --register}: keeps the exporter's endpoint registered on chain, on a thread of its
 * own beside the exporter. It registers at start, then every {@code intervalBlocks} blocks, at
 * once when the external address changes, and at the first allowed block after a rate limit.
 * Every round's outcome goes to the log (on a change of outcome) and to {@link ChainMetrics}; no
 * failure — node down, slow, rejecting, no external address — ends the loop or touches
 * {@code /metrics}.
 *
 * <pre>{@code
 * RegistrationLoop loop = new RegistrationLoop(subtensor, hotkey, request, () -> externalIp(), metrics,
 *     25, Duration.ofSeconds(12), Duration.ofMinutes(5));
 * loop.start();
 * ...
 * loop.close();
 * }</pre>
 */
public final class RegistrationLoop implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.taoprom.cli.register");
  /** The default bound of a round: the default of {@code --chain.timeout}. */
  static final Duration DEFAULT_ROUND_TIMEOUT = Duration.ofSeconds(15);

  private final Subtensor subtensor;
  private final Registrar registrar;
  private final Signer hotkey;
  private final RegistrationRequest template;
  private final Supplier<IpAddress> address;
  private final ChainMetrics metrics;
  private final long intervalBlocks;
  private final Duration tick;
  private final long ticksPerAddressCheck;
  private final Thread thread;
  private final Duration roundTimeout;
  private volatile boolean closed;
  private volatile RegistrationOutcome last;
  private volatile int rounds;
  private volatile String addressError = "not asked yet";

  /**
   * @param template netuid, port, version, wait mode (its endpoint's ip is replaced by {@code address}'s)
   * @param address the address to register, asked at each round and every {@code addressCheck}
   *     (the explicit {@code --ip}, or external-ip discovery); may throw
   * @param intervalBlocks blocks between two rounds when nothing changes
   * @param tick how often the best block is read (one block time)
   * @param addressCheck how often the address is asked for between rounds
   */
  public RegistrationLoop(Subtensor subtensor, Signer hotkey, RegistrationRequest template, Supplier<IpAddress> address,
      ChainMetrics metrics, long intervalBlocks, Duration tick, Duration addressCheck) {
    this(subtensor, hotkey, template, address, metrics, intervalBlocks, tick, addressCheck, DEFAULT_ROUND_TIMEOUT);
  }

  /**
   * As above, with each conversation with the chain — a round, a look at the best block — bounded
   * by {@code roundTimeout} ({@code --chain.timeout}); waits a round asks for (finalization) do not count.
   */
  public RegistrationLoop(Subtensor subtensor, Signer hotkey, RegistrationRequest template, Supplier<IpAddress> address,
      ChainMetrics metrics, long intervalBlocks, Duration tick, Duration addressCheck, Duration roundTimeout) {
    this.roundTimeout = Objects.requireNonNull(roundTimeout, "roundTimeout");
    this.subtensor = Objects.requireNonNull(subtensor, "subtensor");
    this.registrar = Registrar.over(subtensor).withPollInterval(tick);
    this.hotkey = Objects.requireNonNull(hotkey, "hotkey");
    this.template = Objects.requireNonNull(template, "template");
    this.address = Objects.requireNonNull(address, "address");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    if (intervalBlocks < 1) {
      throw new IllegalArgumentException("--register.interval-blocks must be at least 1, not " + intervalBlocks);
    }
    this.intervalBlocks = intervalBlocks;
    this.tick = tick;
    this.ticksPerAddressCheck = Math.max(1, addressCheck.toMillis() / Math.max(1, tick.toMillis()));
    this.thread = new Thread(this::run, "taoprom-register");
    this.thread.setDaemon(true);
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
    IpAddress address = null;      // the latest address obtained
    IpAddress registeredIp = null; // the address of the latest round that left chain current
    long nextBlock = -1;           // the block at which the next round is due; -1: at once
    long ticks = 0;
    while (!closed) {
      if (address == null || ticks % ticksPerAddressCheck == 0) {
        try {
          IpAddress ip = this.address.get();
          if (registeredIp != null && !ip.equals(registeredIp)) {
            LOG.log(Level.INFO, "registration: the address changed from " + registeredIp + " to " + ip
                + "; registering the new one");
            nextBlock = -1;
          }
          address = ip;
        } catch (RuntimeException e) { // NOPMD: no address this time; the next tick asks again
          addressError = oneLine(e);
        }
      }
      long block = currentBlock();
      boolean due = nextBlock < 0 || (block >= 0 && block >= nextBlock);
      if (due && address == null) {
        note("no_address", "cannot determine the address to register: " + addressError, false);
      } else if (due) {
        RegistrationRequest request =
            template.withEndpoint(Endpoint.of(address, template.endpoint().port(), template.endpoint().version()));
        RegistrationOutcome outcome = Deadline.after(roundTimeout).call(() -> registrar.register(hotkey, request));
        boolean current = outcome instanceof RegistrationOutcome.Registered || outcome instanceof RegistrationOutcome.UpToDate;
        // What chain holds first, then the outcome: a scrape that sees registered 1 also sees
        // the prometheus_info series that says what is registered.
        refreshChainHolds();
        note(outcome.name().toLowerCase(Locale.ROOT), outcome.describe(), current);
        if (current) {
          registeredIp = address;
        }
        // Published after the metrics, so that whoever sees the outcome sees them too.
        last = outcome;
        rounds++;
        long now = currentBlock();
        if (outcome instanceof RegistrationOutcome.RateLimited r) {
          nextBlock = r.allowedAtBlock();
        } else if (now >= 0) {
          nextBlock = now + intervalBlocks;
        } else {
          nextBlock = -1; // the node is unreachable: try again at the next tick
        }
      }
      ticks++;
      sleep(tick);
    }
  }

  private long currentBlock() {
    try {
      long b = Deadline.after(roundTimeout).call(subtensor::currentBlock);
      metrics.block(b);
      return b;
    } catch (RuntimeException e) { // NOPMD: the node is down; the round reports it
      return -1;
    }
  }

  private void refreshChainHolds() {
    try {
      byte[] account = hotkey.publicKey();
      metrics.chainHolds(template.netuid(), Ss58.encode(account, Ss58.BITTENSOR),
          Deadline.after(roundTimeout).call(() -> subtensor.prometheusInfo(template.netuid(), account)));
    } catch (RuntimeException e) { // NOPMD: what chain holds stays as last seen
      LOG.log(Level.DEBUG, "registration: cannot read the registered endpoint: " + oneLine(e));
    }
  }

  private String lastLogged;

  // One log line per change of outcome: a node down for a day must not write 7000 lines.
  private void note(String outcome, String message, boolean current) {
    metrics.registrationAttempt(outcome, current);
    String key = outcome + (current ? "" : message);
    if (!key.equals(lastLogged)) {
      LOG.log(current ? Level.INFO : Level.WARNING, "registration: " + ConsoleText.line(message));
      lastLogged = key;
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
    return ConsoleText.of(e, ConsoleText.MAX_CHARS);
  }

  /** Stops the loop (a submission under way is abandoned with the thread). */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
