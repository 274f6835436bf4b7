package io.taoprom.cli.status;

import io.taoprom.cli.log.ConsoleLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.registration.Hotkey;
import io.taoprom.chain.registration.RegistrationStatus;
import io.taoprom.chain.registration.Registrar;
import io.taoprom.chain.registration.RegistrationOutcome;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.cli.CommandFailure;
import io.taoprom.cli.chain.ChainConversation;
import io.taoprom.cli.register.EndpointOptions;
import io.taoprom.cli.register.HotkeyOptions;
import io.taoprom.cli.register.NetworkOptions;
import io.taoprom.cli.register.ParameterFlags;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code taoprom status}: what the chain holds for a hotkey on a subnet (PrometheusInfo, AxonInfo,
 * uid, the block of the last serve, blocks until the rate limit allows another) beside what this
 * machine would register, as a diff. Reads only; never signs.
 *
 * <pre>
 * $ taoprom status --network finney --netuid 27 --hotkey 5Grw… --port 7091 --app-version 1.8.3
 * hotkey:            5Grw…
 * uid:               12
 * prometheus:        203.0.113.7:7091 version 182
 * …
 * diff:              version 182 -> 183
 * </pre>
 *
 * <p>Exit codes: 0 shown, 1 the chain could not be read (or the netuid does not exist), 2 bad command line.
 */
@Command(
    name = "status",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Show what the chain holds for a hotkey on a subnet beside what this machine would register.",
    footer = {"", "Examples:",
        "  taoprom status --network finney --netuid 27 --wallet.name miner --port 7091 --app-version 1.8.3",
        "  taoprom status --network local --netuid 1 --hotkey 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --json"})
public final class StatusCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Mixin NetworkOptions network;

  @Option(names = "--netuid", paramLabel = "N", required = true, description = "The subnet.")
  int netuid;

  @Option(names = "--hotkey", paramLabel = "SS58", description = "The hotkey's address (no secret needed).")
  String hotkeyAddress;

  @Mixin HotkeyOptions hotkeyOptions;

  @Mixin EndpointOptions endpointOptions;

  @Option(names = "--no-discover", description = "Without --ip, do not ask the external-ip providers; leave the ip out of the diff.")
  boolean noDiscover;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PasswordSource passwords;
  private final NaclKeyfileCipher cipher;

  /** Built by picocli. */
  public StatusCommand() {
    this(PasswordSource.standard(), NaclKeyfileCipher.BITTENSOR);
  }

  /** For tests: a fixed password source and cipher. */
  public StatusCommand(PasswordSource passwords, NaclKeyfileCipher cipher) {
    this.passwords = passwords;
    this.cipher = cipher;
  }

  @Override
  public Integer call() {
    if (netuid < 0 || netuid > 65535) {
      throw new ParameterException(spec.commandLine(), "--netuid " + netuid + " is out of range; a netuid is from 0 to 65535");
    }
    if (hotkeyAddress != null && hotkeyOptions.given()) {
      throw new ParameterException(spec.commandLine(), "--hotkey and --uri/--wallet.* name two hotkeys; give one of them");
    }
    Long version = endpointOptions.versionOrNull(spec);
    Integer port = endpointOptions.portOrNull(spec);
    IpAddress explicit = endpointOptions.explicitIpOrNull(spec);
    Hotkey hotkey;
    if (hotkeyAddress != null) {
      try {
        hotkey = Hotkey.fromAddress(hotkeyAddress, ParameterFlags.REGISTER);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    } else {
      hotkey = hotkeyOptions.resolve(spec, passwords, cipher);
    }
    IpAddress ip = explicit;
    if (ip == null && !noDiscover) {
      try {
        ip = endpointOptions.ip(spec);
      } catch (CommandFailure e) {
        // Status still has something to show without this machine's address.
        ConsoleLog.of(spec).warn(e.getMessage());
      }
    }
    try (ChainConversation chain = network.converse(spec)) {
      RegistrationStatus status;
      try {
        IpAddress wantedIp = ip;
        status = chain.call(() -> Registrar.over(chain.subtensor()).status(hotkey.publicKey(), netuid, version, wantedIp,
            port));
      } catch (ChainException e) {
        throw new CommandFailure(Registrar.failure(e, RegistrationOutcome.Stage.NOT_SENT, ParameterFlags.REGISTER).describe()
            + chain.hint(e), e);
      }
      if (json) {
        try {
          spec.commandLine().getOut().println(JSON.writeValueAsString(status.toMap()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      } else {
        status.lines(ParameterFlags.REGISTER).forEach(spec.commandLine().getOut()::println);
      }
      spec.commandLine().getOut().flush();
      if (!status.subnetExists()) {
        ConsoleLog.of(spec).error("netuid " + netuid + " does not exist on "
            + network.name() + "; check --netuid (btcli subnets list) and --network");
        return 1;
      }
      return 0;
    }
  }
}
