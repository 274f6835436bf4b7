package io.taoprom.cli.chainmetrics;

import io.taoprom.cli.register.HotkeyOptions;
import io.taoprom.cli.register.ParameterFlags;
import io.taoprom.cli.register.VersionChoice;
import io.taoprom.cli.targets.DurationConverter;
import io.taoprom.chain.registration.Endpoint;
import io.taoprom.chain.registration.ExternalIp;
import io.taoprom.chain.registration.WaitMode;
import io.taoprom.chain.subtensor.IpAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code serve --register} options: those of {@code taoprom register} under a
 * {@code --register.} prefix, and the hotkey options ({@code --uri}, {@code --wallet.*}) as they are,
 * with btcli's default wallet and hotkey ({@code default}) when none is given, as {@code register} does.
 *
 * <pre>
 * $ taoprom serve --register --register.netuid 27 --register.app-version-from ~/compute-subnet/compute/__init__.py \
 *     --wallet.name validator --wallet.hotkey default
 * </pre>
 */
public final class RegisterOptions {

  @Option(names = "--register", description = "Keep this exporter's endpoint registered on chain (serve_prometheus,"
      + " signed by the hotkey): at start, every --register.interval-blocks blocks, and when the address or the"
      + " version (--register.app-version-from) changes.")
  boolean enabled;

  @Option(names = "--register.netuid", paramLabel = "N", description = "The subnet to register on (required with --register).")
  Integer netuid;

  @Option(names = "--register.port", paramLabel = "PORT",
      description = "The port to register (default: the port serve listens on).")
  Integer port;

  @Option(names = "--register.ip", paramLabel = "ADDR",
      description = "The public address to register (default: discovered through --register.ip-provider, re-checked"
          + " every --register.ip-check-interval).")
  String ip;

  @Option(names = "--register.ip-type", paramLabel = "4|6", description = "The ip_type (default: from the address).")
  Integer ipType;

  @Option(names = {"--register.version-as-int", "--register.version"}, paramLabel = "INT",
      description = "The version number to register (a u32), as the neuron's __version_as_int__.")
  Long version;

  @Option(names = "--register.app-version", paramLabel = "X.Y.Z",
      description = "A version string, turned into the number by --register.version-scheme.")
  String appVersion;

  @Option(names = "--register.app-version-from", paramLabel = "FILE",
      description = "Read the version string from FILE at every check, so that the registered version follows the"
          + " neuron's updates: a Python module with __version__ = \"x.y.z\" (NI Compute's compute/__init__.py) or a"
          + " file holding the version alone; turned into the number by --register.version-scheme.")
  Path appVersionFrom;

  @Option(names = "--register.version-scheme", paramLabel = "SCHEME", defaultValue = "sn27",
      description = "sn27 (100*major + 10*minor + patch) or bittensor (1000-based) (default: ${DEFAULT-VALUE}).")
  String versionScheme;

  @Option(names = "--register.wait", paramLabel = "MODE", defaultValue = "finalization",
      description = "finalization, inclusion or none (default: ${DEFAULT-VALUE}).")
  String waitMode;

  @Option(names = "--register.interval-blocks", paramLabel = "N", defaultValue = "25",
      description = "Blocks between two checks of the registration (default: ${DEFAULT-VALUE}, about 5 minutes).")
  long intervalBlocks;

  @Option(names = "--register.ip-provider", paramLabel = "URL", split = ",",
      description = "Services that answer with this machine's address, tried in turn (default: https://checkip.amazonaws.com,"
          + " https://api.ipify.org, https://icanhazip.com).")
  List<URI> ipProviders;

  @Option(names = "--register.ip-check-interval", paramLabel = "DURATION", defaultValue = "5m",
      converter = DurationConverter.class,
      description = "How often the external address is re-checked between registrations (default: ${DEFAULT-VALUE}).")
  Duration ipCheckInterval;

  @Mixin HotkeyOptions hotkey;

  public boolean enabled() {
    return enabled;
  }

  /** Checks the options that need no network; a wrong one is a command-line error. */
  void validate(CommandSpec spec) {
    if (!enabled) {
      return;
    }
    fail(spec, netuid == null, "--register needs --register.netuid N: the subnet to register on");
    fail(spec, netuid < 0 || netuid > 65535, "--register.netuid " + netuid + " is out of range; use 0 to 65535");
    fail(spec, intervalBlocks < 1, "--register.interval-blocks must be at least 1, not " + intervalBlocks);
    try {
      if (port != null) {
        Endpoint.checkPort(port, ParameterFlags.SERVE);
      }
      explicitIp();
      version();
    } catch (IllegalArgumentException e) {
      // The SDK's messages name the parameter as ParameterFlags.SERVE says it: --register.ip, …
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try {
      WaitMode.named(waitMode);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid --register.wait: " + e.getMessage());
    }
  }

  private static void fail(CommandSpec spec, boolean condition, String message) {
    if (condition) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /** {@code --register.ip} checked against {@code --register.ip-type}, or null. */
  IpAddress explicitIp() {
    return ip == null ? null : Endpoint.parseIp(ip, ipType, ParameterFlags.SERVE);
  }

  /** The version options as given. */
  VersionChoice versionChoice() {
    return new VersionChoice(version, appVersion, appVersionFrom, versionScheme, "--register.", ParameterFlags.SERVE);
  }

  /** The version now (the file, if one was given, read once). */
  long version() {
    return versionChoice().now();
  }

  int netuid() {
    return netuid;
  }

  Integer port() {
    return port;
  }

  Integer ipType() {
    return ipType;
  }

  WaitMode waitMode() {
    return WaitMode.named(waitMode);
  }

  long intervalBlocks() {
    return intervalBlocks;
  }

  Duration ipCheckInterval() {
    return ipCheckInterval;
  }

  ExternalIp externalIp() {
    return ExternalIp.of(ipProviders == null || ipProviders.isEmpty() ? ExternalIp.DEFAULT_PROVIDERS : ipProviders,
        ExternalIp.DEFAULT_TIMEOUT);
  }

  HotkeyOptions hotkey() {
    return hotkey;
  }
}
