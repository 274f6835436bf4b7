package io.taoprom.cli.chainmetrics;

import io.taoprom.chainmetrics.ChainMetrics;
import io.taoprom.chainmetrics.metagraph.MetagraphPlugin;
import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.cli.targets.CachedTargets;
import io.taoprom.cli.chain.ChainOptions;
import io.taoprom.chain.discovery.SubnetDiscovery;
import io.taoprom.chain.registration.Endpoint;
import io.taoprom.chain.registration.ExternalIp;
import io.taoprom.chain.registration.Hotkey;
import io.taoprom.chain.registration.Registrar;
import io.taoprom.chain.registration.RegistrationListener;
import io.taoprom.chain.registration.RegistrationLoop;
import io.taoprom.chain.registration.RegistrationRequest;
import io.taoprom.cli.register.ParameterFlags;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.exporter.TaoPromExporter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The chain side of {@code taoprom serve}, beside the exporter: {@code /sd}, {@code --register},
 * the chain connection of the {@code metagraph} collector, and the {@code taoprom_chain_*} series. Nothing here can stop {@code /metrics}: the chain is read on
 * background threads, and a node that is down, slow or wrong only shows in logs, metrics and a
 * stale or 503 {@code /sd}.
 *
 * <pre>{@code
 * ServeChain chain = ServeChain.prepare(options, exporterBuilder, spec); // checks, hotkey, /sd
 * TaoPromExporter exporter = exporterBuilder.buildAndStart();
 * chain.start(exporter, log);                                      // metrics, first read of the chain
 * ...
 * chain.close();
 * }</pre>
 */
public final class ServeChain implements AutoCloseable {

  /** Bittensor's target block time: how often the registration loop looks at the best block. */
  static final Duration BLOCK_TIME = Duration.ofSeconds(12);
  private static final System.Logger LOG = System.getLogger("io.taoprom.cli.register");

  private final ServeChainOptions options;
  private final AtomicReference<SubnetDiscovery> discovery = new AtomicReference<>();
  private final CachedTargets sd;
  private Subtensor subtensor;
  private ChainMetrics metrics;
  private Hotkey hotkey;
  private RegistrationLoop registration;
  private CommandSpec spec;
  private MetagraphPlugin metagraph;

  private ServeChain(ServeChainOptions options) {
    this.options = options;
    if (options.sd().enabled()) {
      List<Integer> netuids = options.sd().netuids();
      boolean all = options.sd().all();
      this.sd = new CachedTargets(() -> {
        SubnetDiscovery d = discovery.get();
        if (d == null) {
          throw new IllegalStateException("not connected yet");
        }
        // Each read is bounded by --chain.timeout, so a silent node cannot hold the refresher.
        return options.chain().deadline().call(() -> all ? d.discoverAll() : d.discover(netuids));
      }, options.sd().refreshInterval());
    } else {
      this.sd = null;
    }
  }

  /**
   * Checks the options and resolves the hotkey (a bad {@code --network}, a missing wallet or a
   * wrong password fails here, before anything listens) and adds the routes to the exporter
   * being built.
   */
  public static ServeChain prepare(ServeChainOptions options, TaoPromExporter.Builder builder, CommandSpec spec) {
    ServeChain chain = new ServeChain(options);
    chain.spec = spec;
    if (options.anyChainFeature()) {
      ChainOptions.resolve(options.network(), spec);
      options.chain().validate(spec);
    }
    RegisterOptions register = options.register();
    register.validate(spec);
    if (register.enabled()) {
      chain.hotkey = register.hotkey().resolve(spec, PasswordSource.standard(), NaclKeyfileCipher.BITTENSOR);
    }
    if (chain.sd != null) {
      builder.route("/sd", chain.sd.handler());
    }
    return chain;
  }

  /**
   * Hands serve's chain connection to the {@code metagraph} collector when it starts (call before
   * {@link #start}); the collector reads in the background, at most once per block.
   */
  public void metagraph(MetagraphPlugin plugin) {
    this.metagraph = plugin;
  }

  /** Registers the metrics in the exporter's registry and starts reading (and writing) the chain. */
  public void start(TaoPromExporter exporter, ConsoleLog log) {
    if (!options.anyChainFeature() && metagraph == null) {
      return;
    }
    metrics = ChainMetrics.register(exporter.registry(), options.register().enabled());
    // Lazily connecting: a node that is down makes the first read fail, not this call.
    subtensor = options.chain().open(options.network(), metrics, spec);
    if (sd != null) {
      discovery.set(new SubnetDiscovery(subtensor));
      sd.start();
      log.info("serving service discovery of netuid " + options.sd().describe()
          + " from " + ChainOptions.describe(options.network()) + " at /sd (http_sd_configs), refreshed every "
          + options.sd().refreshInterval().toMillis() / 1000.0 + " s");
    }
    if (metagraph != null) {
      metagraph.connect(subtensor.chain());
      log.info("reading the metagraph from " + ChainOptions.describe(options.network())
          + " in the background, at most once per block");
    }
    if (options.register().enabled()) {
      startRegistration(exporter.port(), log);
    }
  }

  private void startRegistration(int listenPort, ConsoleLog log) {
    RegisterOptions o = options.register();
    int port = o.port() != null ? o.port() : listenPort;
    // The loop replaces the address (explicit or discovered) and the version (given, or read from the
    // neuron's file) at every round; these are placeholders (TEST-NET-1, 0) that are never sent.
    RegistrationRequest template = RegistrationRequest.of(o.netuid(),
        Endpoint.of(IpAddress.parse("192.0.2.1"), port, 0)).withWait(o.waitMode());
    IpAddress explicit = o.explicitIp();
    Supplier<IpAddress> address;
    if (explicit != null) {
      ExternalIp.warning(explicit, ParameterFlags.SERVE).ifPresent(log::warn);
      address = () -> explicit;
    } else {
      ExternalIp discovery = o.externalIp();
      Integer ipType = o.ipType();
      AtomicReference<IpAddress> warned = new AtomicReference<>();
      address = () -> {
        IpAddress ip = discovery.discover(ParameterFlags.SERVE).address();
        if (ipType != null && ipType != ip.type()) {
          throw new IllegalStateException("the discovered address " + ip + " is IPv" + ip.type()
              + " but --register.ip-type is " + ipType + "; give the address with --register.ip");
        }
        if (!ip.equals(warned.getAndSet(ip))) {
          ExternalIp.warning(ip, ParameterFlags.SERVE)
              .ifPresent(w -> LOG.log(System.Logger.Level.WARNING, "registration: " + w));
        }
        return ip;
      };
    }
    String version;
    try {
      version = o.versionChoice().describe();
    } catch (IllegalArgumentException e) { // the file changed since prepare(): the loop says so at its first round
      version = "the version of " + o.versionChoice().file();
    }
    Registrar registrar = Registrar.over(subtensor).withNames(ParameterFlags.SERVE).withPollInterval(BLOCK_TIME);
    registration = RegistrationLoop.builder(registrar, hotkey.signer(ParameterFlags.SERVE), template)
        .address(address).version(o.versionChoice().source()).listener(RegistrationListener.all(metrics, new RegistrationLog()))
        .intervalBlocks(o.intervalBlocks()).tick(BLOCK_TIME).addressCheck(o.ipCheckInterval())
        .roundTimeout(options.chain().timeout()).build();
    registration.start();
    log.info("registering " + hotkey.ss58() + " on netuid " + o.netuid() + " of "
        + ChainOptions.describe(options.network()) + " with port " + port + " and " + version + ", at start and every "
        + o.intervalBlocks() + " blocks");
  }

  /** The {@code /sd} cache, when {@code --sd.netuid} was given. */
  public CachedTargets sd() {
    return sd;
  }

  /** The metrics, once started with a chain feature. */
  public ChainMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    if (registration != null) {
      registration.close();
    }
    if (sd != null) {
      sd.close();
    }
    if (subtensor != null) {
      subtensor.close();
    }
  }
}
