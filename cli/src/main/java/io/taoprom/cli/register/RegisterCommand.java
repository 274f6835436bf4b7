package io.taoprom.cli.register;

import io.taoprom.cli.log.ConsoleLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.taoprom.chain.registration.Endpoint;
import io.taoprom.chain.registration.Hotkey;
import io.taoprom.chain.registration.RegistrationOutcome;
import io.taoprom.chain.registration.RegistrationRequest;
import io.taoprom.chain.registration.Registrar;
import io.taoprom.chain.registration.WaitMode;
import io.taoprom.cli.chain.ChainConversation;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code taoprom register}: registers (or refreshes) this machine's Prometheus endpoint on chain
 * with {@code serve_prometheus}, once, and says in one line what happened.
 *
 * <pre>
 * $ taoprom register --network finney --netuid 27 --port 7091 --app-version 1.8.3 \
 *     --wallet.name miner --wallet.hotkey default
 * registered in block #4123456 (0x…), finalized; version (none) -> 183, ip (none) -> 203.0.113.7, …
 * $ taoprom register … (again)
 * already up to date: 203.0.113.7:7091 v183 @block 4123456; nothing sent
 * </pre>
 *
 * <p>Exit codes: 0 registered, up to date or dry run; 1 failed (the chain's error or a connection
 * problem, named with what to do); 2 the command line was wrong; 3 the serving rate limit has not
 * passed (nothing sent; try again later or add {@code --wait-rate-limit}).
 */
@Command(
    name = "register",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Register this machine's Prometheus endpoint on chain (SubtensorModule.serve_prometheus), once.",
    footer = {"", "Exit codes: 0 registered or already up to date, 1 failed, 2 bad command line, 3 rate-limited.",
        "", "Examples:",
        "  taoprom register --network finney --netuid 27 --port 7091 --app-version 1.8.3 --wallet.name miner",
        "  taoprom register --network finney --netuid 27 --port 7091 --app-version-from ~/compute-subnet/compute/__init__.py"
            + " --wallet.name validator",
        "  taoprom register --network local --netuid 1 --port 7091 --ip 203.0.113.7 --version-as-int 100 --uri //Alice"
            + " --dry-run"})
public final class RegisterCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Mixin NetworkOptions network;

  @Option(names = "--netuid", paramLabel = "N", required = true, description = "The subnet.")
  int netuid;

  @Mixin EndpointOptions endpointOptions;

  @Mixin HotkeyOptions hotkeyOptions;

  @Option(names = "--wait", paramLabel = "MODE", defaultValue = "finalization",
      description = "finalization, inclusion or none (submit once and return without watching)"
          + " (default: ${DEFAULT-VALUE}).")
  String waitMode;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "How long to wait for inclusion or finalization (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--wait-rate-limit", description = "If the serving rate limit has not passed, wait for the first allowed block.")
  boolean waitRateLimit;

  @Option(names = "--force", description = "Send even when the chain already holds exactly this endpoint.")
  boolean force;

  @Option(names = "--dry-run", description = "Show the call and the difference against chain; sign and send nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the outcome as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PasswordSource passwords;
  private final NaclKeyfileCipher cipher;

  /** Built by picocli: passwords from TAOPROM_KEYFILE_PASSWORD or a prompt, Bittensor's $NACL limits. */
  public RegisterCommand() {
    this(PasswordSource.standard(), NaclKeyfileCipher.BITTENSOR);
  }

  /** For tests: a fixed password source and cipher. */
  public RegisterCommand(PasswordSource passwords, NaclKeyfileCipher cipher) {
    this.passwords = passwords;
    this.cipher = cipher;
  }

  @Override
  public Integer call() {
    // Cheap checks first, then the hotkey (a wallet may take seconds to decrypt), then the network.
    endpointOptions.validate(spec);
    ConsoleLog log = ConsoleLog.of(spec);
    endpointOptions.versionNote(spec).ifPresent(log::info);
    Hotkey hotkey = hotkeyOptions.resolve(spec, passwords, cipher);
    RegistrationRequest request = request();
    RegistrationOutcome outcome;
    String hint;
    try (ChainConversation chain = network.converse(spec)) {
      Registrar registrar = Registrar.over(chain.subtensor()).withNames(ParameterFlags.REGISTER).withProgress(log::info);
      // One deadline for every read, the submission and the re-checks; the waits asked for
      // (--wait-rate-limit, --wait with --timeout) do not spend it.
      outcome = chain.call(() -> registrar.register(hotkey.signer(ParameterFlags.REGISTER), request));
      hint = outcome instanceof RegistrationOutcome.Failed f ? chain.hint(f.docs()) : "";
    }
    // After the conversation is closed: no progress line can follow the outcome's.
    print(outcome, hint);
    return outcome.exitCode();
  }

  private RegistrationRequest request() {
    if (netuid < 0 || netuid > 65535) {
      throw new ParameterException(spec.commandLine(), "--netuid " + netuid + " is out of range; a netuid is from 0 to 65535");
    }
    WaitMode wait;
    try {
      wait = WaitMode.named(waitMode);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid --wait: " + e.getMessage());
    }
    if (timeoutSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be positive, got " + timeoutSeconds);
    }
    Endpoint endpoint = endpointOptions.endpoint(spec);
    return RegistrationRequest.of(netuid, endpoint).withWait(wait).withWaitRateLimit(waitRateLimit).withForce(force)
        .withDryRun(dryRun).withTimeout(Duration.ofSeconds(timeoutSeconds));
  }

  private void print(RegistrationOutcome outcome, String hint) {
    if (json) {
      try {
        spec.commandLine().getOut().println(JSON.writeValueAsString(outcome.toMap()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else if (outcome.isSuccess()) {
      spec.commandLine().getOut().println(outcome.describe());
    } else {
      ConsoleLog.of(spec).error(outcome.describe() + hint);
    }
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
  }
}
