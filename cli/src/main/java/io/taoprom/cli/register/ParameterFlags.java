package io.taoprom.cli.register;

import io.taoprom.chain.registration.Parameter;
import io.taoprom.chain.registration.ParameterNames;
import java.util.HashMap;
import java.util.Map;

/**
 * The CLI's names for the registration parameters the SDK's messages refer to: its flags. The SDK
 * says {@code ip} and {@code hotkey}; {@code taoprom register} says {@code --ip} and {@code
 * --wallet.hotkey / --uri}, {@code taoprom serve --register} says {@code --register.ip}.
 *
 * <pre>{@code
 * Registrar registrar = Registrar.over(subtensor).withNames(ParameterFlags.REGISTER);
 * Endpoint.parseIp(text, ipType, ParameterFlags.SERVE);   // "--register.ip … is an IPv6 address but --register.ip-type is 4"
 * }</pre>
 */
public final class ParameterFlags {

  private ParameterFlags() {}

  /** The flags of {@code taoprom register} and {@code taoprom status}. */
  public static final ParameterNames REGISTER = ParameterNames.of(common(Map.of(
      Parameter.NETUID, "--netuid",
      Parameter.IP, "--ip",
      Parameter.IP_TYPE, "--ip-type",
      Parameter.PORT, "--port",
      Parameter.VERSION, "--version-as-int",
      Parameter.WAIT_RATE_LIMIT, "--wait-rate-limit")));

  /** The flags of {@code taoprom serve --register}: the same under a {@code --register.} prefix. */
  public static final ParameterNames SERVE = ParameterNames.of(common(Map.of(
      Parameter.NETUID, "--register.netuid",
      Parameter.IP, "--register.ip",
      Parameter.IP_TYPE, "--register.ip-type",
      Parameter.PORT, "--register.port",
      Parameter.VERSION, "--register.version-as-int",
      // serve waits for the rate limit by itself; the flag is register's
      Parameter.WAIT_RATE_LIMIT, "--wait-rate-limit (taoprom register)")));

  private static Map<Parameter, String> common(Map<Parameter, String> own) {
    Map<Parameter, String> m = new HashMap<>(Map.ofEntries(
        Map.entry(Parameter.NETWORK, "--network"),
        Map.entry(Parameter.HOTKEY, "the hotkey (--wallet.hotkey / --uri)"),
        Map.entry(Parameter.HOTKEY_SECRET, "--uri or the --wallet.* options"),
        Map.entry(Parameter.SECRET_URI, "--uri"),
        Map.entry(Parameter.HOTKEY_ADDRESS, "--hotkey"),
        Map.entry(Parameter.WALLET, "the --wallet.* options"),
        Map.entry(Parameter.WALLET_PATH, "--wallet.path"),
        Map.entry(Parameter.WALLET_NAME, "--wallet.name"),
        Map.entry(Parameter.WALLET_HOTKEY, "--wallet.hotkey"),
        Map.entry(Parameter.STATUS, "run taoprom status"),
        Map.entry(Parameter.DEBUG, "with --debug")));
    m.putAll(own);
    return m;
  }
}
