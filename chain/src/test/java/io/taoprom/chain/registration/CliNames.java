package io.taoprom.chain.registration;

import java.util.Map;

/**
 * The names {@code taoprom register} gives the parameters (the CLI's {@code ParameterFlags}), for
 * tests that check a message names the flag to change exactly as the CLI prints it.
 */
final class CliNames {

  private CliNames() {}

  static final ParameterNames FLAGS = ParameterNames.of(Map.ofEntries(
      Map.entry(Parameter.NETWORK, "--network"),
      Map.entry(Parameter.NETUID, "--netuid"),
      Map.entry(Parameter.HOTKEY, "the hotkey (--wallet.hotkey / --uri)"),
      Map.entry(Parameter.HOTKEY_SECRET, "--uri or the --wallet.* options"),
      Map.entry(Parameter.SECRET_URI, "--uri"),
      Map.entry(Parameter.HOTKEY_ADDRESS, "--hotkey"),
      Map.entry(Parameter.WALLET, "the --wallet.* options"),
      Map.entry(Parameter.WALLET_PATH, "--wallet.path"),
      Map.entry(Parameter.WALLET_NAME, "--wallet.name"),
      Map.entry(Parameter.WALLET_HOTKEY, "--wallet.hotkey"),
      Map.entry(Parameter.IP, "--ip"),
      Map.entry(Parameter.IP_TYPE, "--ip-type"),
      Map.entry(Parameter.PORT, "--port"),
      Map.entry(Parameter.VERSION, "--version-as-int"),
      Map.entry(Parameter.WAIT_RATE_LIMIT, "--wait-rate-limit"),
      Map.entry(Parameter.STATUS, "run taoprom status"),
      Map.entry(Parameter.DEBUG, "with --debug")));
}
