package io.taoprom.chain.registration;

import java.util.Map;

/** What an operator should do about each error a registration can end with. */
final class ErrorHints {

  private ErrorHints() {}

  private static final Map<String, String> HINTS = Map.ofEntries(
      Map.entry("HotKeyNotRegisteredInNetwork", "register the hotkey on the subnet first (btcli subnet register --netuid N),"
          + " or check --netuid and the hotkey (--wallet.hotkey / --uri)"),
      Map.entry("HotKeyAccountNotExists", "the hotkey has no account on this chain; check --network and the hotkey"),
      Map.entry("ServingRateLimitExceeded", "wait until the rate limit has passed (taoprom status shows when) or add --wait-rate-limit"),
      Map.entry("InvalidIpAddress", "give this machine's public address with --ip; 0, 127.0.0.1, ::1 and broadcast are rejected"),
      Map.entry("InvalidIpType", "use an IPv4 (ip_type 4) or IPv6 (ip_type 6) address"),
      Map.entry("InvalidPort", "give the port taoprom serve listens on with --port (1 to 65535)"),
      Map.entry("SubnetNotExists", "check --netuid (btcli subnets list) and --network"),
      Map.entry("SubNetworkDoesNotExist", "check --netuid (btcli subnets list) and --network"),
      Map.entry("NodeUnreachable", "check that the node is running and that --network is right (finney, test, local or ws://HOST:PORT)"),
      Map.entry("WrongChain", "--network points at a node of another chain; check the name or URL"),
      Map.entry("FinalizationTimeout", "it may still be included: run taoprom status before registering again"),
      Map.entry("Unconfirmed", "run taoprom status to see what the chain holds before registering again"),
      Map.entry("stale", "the nonce was already used (another transaction by this hotkey?); run register again"),
      Map.entry("future", "the node saw a nonce from the future; run register again"),
      Map.entry("badProof", "the signature did not verify on this chain; check --network (a node of another chain?)"),
      Map.entry("payment", "the hotkey cannot pay the fee; serve_prometheus is free on subtensor, so check --network"),
      Map.entry("ChainError", "run again with --debug for details"));

  /** The hint for an error name, or a general one. */
  static String forError(String error) {
    String h = HINTS.get(error);
    if (h != null) {
      return h;
    }
    return "see the error's documentation above; run taoprom status to see what the chain holds";
  }
}
