package io.taoprom.chain.registration;

import static io.taoprom.chain.registration.Parameter.DEBUG;
import static io.taoprom.chain.registration.Parameter.HOTKEY;
import static io.taoprom.chain.registration.Parameter.IP;
import static io.taoprom.chain.registration.Parameter.NETUID;
import static io.taoprom.chain.registration.Parameter.NETWORK;
import static io.taoprom.chain.registration.Parameter.PORT;
import static io.taoprom.chain.registration.Parameter.STATUS;
import static io.taoprom.chain.registration.Parameter.WAIT_RATE_LIMIT;

/**
 * What an operator should do about each error a registration can end with, worded with the
 * caller's names for the parameters (flags in the CLI, plain words in the SDK).
 */
final class ErrorHints {

  private ErrorHints() {}

  /** The hint for an error name, or a general one. */
  static String forError(String error, ParameterNames n) {
    return switch (error) {
      case "HotKeyNotRegisteredInNetwork" -> "register the hotkey on the subnet first (btcli subnet register),"
          + " or check " + n.of(NETUID) + " and " + n.of(HOTKEY);
      case "HotKeyAccountNotExists" -> "the hotkey has no account on this chain; check " + n.of(NETWORK) + " and " + n.of(HOTKEY);
      case "ServingRateLimitExceeded" -> "wait until the rate limit has passed or add " + n.of(WAIT_RATE_LIMIT)
          + " (" + n.of(STATUS) + " to see when)";
      case "InvalidIpAddress" -> "give this machine's public address with " + n.of(IP)
          + "; 0, 127.0.0.1, ::1 and broadcast are rejected";
      case "InvalidIpType" -> "use an IPv4 (ip_type 4) or IPv6 (ip_type 6) address";
      case "InvalidPort" -> "give the port the exporter listens on with " + n.of(PORT) + " (1 to 65535)";
      case "SubnetNotExists", "SubNetworkDoesNotExist" -> "check " + n.of(NETUID) + " (btcli subnets list) and " + n.of(NETWORK);
      case "NodeUnreachable" -> "check that the node is running and that " + n.of(NETWORK)
          + " is right (finney, test, local, archive or ws://HOST:PORT)";
      case "WrongChain" -> n.of(NETWORK) + " points at a node of another chain; check the name or URL";
      case "FinalizationTimeout" -> "it may still be included: " + n.of(STATUS) + " before registering again";
      case "Unconfirmed" -> n.of(STATUS) + " to see what the chain holds before registering again";
      case "stale" -> "the nonce was already used (another transaction by this hotkey?); register again";
      case "future" -> "the node saw a nonce from the future; register again";
      case "badProof" -> "the signature did not verify on this chain; check " + n.of(NETWORK) + " (a node of another chain?)";
      case "payment" -> "the hotkey cannot pay the fee; serve_prometheus is free on subtensor, so check " + n.of(NETWORK);
      case "ChainError" -> "run again " + n.of(DEBUG) + " for details";
      default -> "see the error's documentation above; " + n.of(STATUS) + " to see what the chain holds";
    };
  }

  /** What to do about a rate limit that was reported, not waited for. */
  static String rateLimited(ParameterNames n) {
    return "Run again then, or add " + n.of(WAIT_RATE_LIMIT);
  }
}
