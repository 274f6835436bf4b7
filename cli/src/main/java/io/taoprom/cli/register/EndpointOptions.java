package io.taoprom.cli.register;

import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.chain.registration.Endpoint;
import io.taoprom.chain.registration.ExternalIp;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.cli.CommandFailure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What to register: {@code --ip} (else discovered), {@code --ip-type}, {@code --port} and the
 * version ({@code --version-as-int INT}, {@code --app-version X.Y.Z} or {@code --app-version-from
 * FILE}, the last two with {@code --version-scheme sn27|bittensor}),
 * plus the external-ip providers. A picocli mixin for {@code register}, {@code status} and
 * {@code serve --register}:
 *
 * <pre>{@code
 * @Mixin EndpointOptions endpointOptions;
 * Endpoint e = endpointOptions.endpoint(spec);   // validated; discovers the ip if --ip is absent
 * }</pre>
 */
public final class EndpointOptions {

  @Option(names = "--port", paramLabel = "PORT", description = "The port of this machine's /metrics endpoint (1-65535).")
  Integer port;

  @Option(names = "--ip", paramLabel = "ADDR",
      description = "The public IPv4 or IPv6 address to register (default: discovered, see --ip.provider).")
  String ip;

  @Option(names = "--ip-type", paramLabel = "4|6", description = "The ip_type (default: from the address).")
  Integer ipType;

  @Option(names = "--version-as-int", paramLabel = "INT",
      description = "The version number to register (a u32), as the neuron's __version_as_int__.")
  Long version;

  /** The name before --version-as-int: it clashed with taoprom --version. Still read, with a warning. */
  @Option(names = "--version", paramLabel = "INT", hidden = true)
  Long legacyVersion;

  @Option(names = "--app-version", paramLabel = "X.Y.Z",
      description = "A version string, turned into the number by --version-scheme.")
  String appVersion;

  @Option(names = "--app-version-from", paramLabel = "FILE",
      description = "Read the version string from FILE: a Python module with __version__ = \"x.y.z\" (NI Compute's"
          + " compute/__init__.py) or a file holding the version alone; turned into the number by --version-scheme.")
  Path appVersionFrom;

  @Option(names = "--version-scheme", paramLabel = "SCHEME", defaultValue = "sn27",
      description = "How --app-version and --app-version-from become a number: sn27 (100*major + 10*minor + patch)"
          + " or bittensor (1000-based) (default: ${DEFAULT-VALUE}).")
  String versionScheme;

  private boolean warned;

  @Option(names = "--ip.provider", paramLabel = "URL", split = ",",
      description = "Services that answer with this machine's address, tried in turn"
          + " (default: https://checkip.amazonaws.com, https://api.ipify.org, https://icanhazip.com).")
  List<URI> ipProviders;

  @Option(names = "--ip.timeout", paramLabel = "SECONDS", defaultValue = "3",
      description = "Deadline for each provider (default: ${DEFAULT-VALUE}).")
  double ipTimeoutSeconds;

  /**
   * The version number from {@code --version-as-int}, {@code --app-version} or {@code
   * --app-version-from} (the file read now), or null when none was given.
   */
  public Long versionOrNull(CommandSpec spec) {
    try {
      return choice(spec).nowOrNull();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The version options as given; the deprecated {@code --version} is read as {@code --version-as-int}, with a warning. */
  VersionChoice choice(CommandSpec spec) {
    Long number = version;
    if (legacyVersion != null) {
      if (version != null) {
        throw new ParameterException(spec.commandLine(), "--version-as-int and --version both give the version number;"
            + " use --version-as-int");
      }
      if (!warned) {
        warned = true;
        ConsoleLog.of(spec).warn("--version is deprecated (taoprom --version prints the program's"
            + " version); use --version-as-int");
      }
      number = legacyVersion;
    }
    return new VersionChoice(number, appVersion, appVersionFrom, versionScheme, "--", ParameterFlags.REGISTER);
  }

  /** Where the version was read from, for a note on stderr; empty unless {@code --app-version-from} was given. */
  public java.util.Optional<String> versionNote(CommandSpec spec) {
    if (appVersionFrom == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(choice(spec).describe());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The port, checked, or null when not given. */
  public Integer portOrNull(CommandSpec spec) {
    if (port == null) {
      return null;
    }
    try {
      Endpoint.checkPort(port, ParameterFlags.REGISTER);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return port;
  }

  /** {@code --ip} checked against {@code --ip-type}, or null when not given. */
  public IpAddress explicitIpOrNull(CommandSpec spec) {
    if (ip == null) {
      if (ipType != null && ipType != 4 && ipType != 6) {
        throw new ParameterException(spec.commandLine(), "--ip-type " + ipType + " is not 4 or 6");
      }
      return null;
    }
    try {
      return Endpoint.parseIp(ip, ipType, ParameterFlags.REGISTER);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The address: {@code --ip}, else discovered; a doubtful address is warned about on stderr. */
  public IpAddress ip(CommandSpec spec) {
    IpAddress explicit = explicitIpOrNull(spec);
    IpAddress chosen = explicit;
    ConsoleLog log = ConsoleLog.of(spec);
    if (chosen == null) {
      ExternalIp.Discovery d;
      try {
        d = discovery().discover(ParameterFlags.REGISTER);
      } catch (IllegalStateException e) {
        throw new CommandFailure(e.getMessage(), e);
      }
      chosen = d.address();
      if (ipType != null && ipType != chosen.type()) {
        throw new CommandFailure("the discovered address " + chosen + " is IPv" + chosen.type() + " but --ip-type is " + ipType
            + "; give the address with --ip");
      }
      log.info("external address " + chosen + " (from " + d.provider() + ")");
    }
    ExternalIp.warning(chosen, ParameterFlags.REGISTER).ifPresent(log::warn);
    return chosen;
  }

  /** Checks every option without discovering anything; {@code --port} and a version are required. */
  public void validate(CommandSpec spec) {
    explicitIpOrNull(spec);
    Integer p = portOrNull(spec);
    Long v = versionOrNull(spec);
    if (p == null) {
      throw new ParameterException(spec.commandLine(), "missing --port: the port of this machine's /metrics endpoint");
    }
    if (v == null) {
      throw new ParameterException(spec.commandLine(), "missing version: give --version-as-int INT, --app-version X.Y.Z"
          + " or --app-version-from FILE (with --version-scheme sn27 or bittensor)");
    }
  }

  /** The complete endpoint; {@code --port} and a version are required; discovers the ip without {@code --ip}. */
  public Endpoint endpoint(CommandSpec spec) {
    validate(spec);
    return Endpoint.of(ip(spec), portOrNull(spec), versionOrNull(spec));
  }

  /** The discovery configured by {@code --ip.provider} and {@code --ip.timeout}. */
  public ExternalIp discovery() {
    Duration timeout = Duration.ofMillis(Math.max(1, Math.round(ipTimeoutSeconds * 1000)));
    return ExternalIp.of(ipProviders == null || ipProviders.isEmpty() ? ExternalIp.DEFAULT_PROVIDERS : ipProviders, timeout);
  }
}
