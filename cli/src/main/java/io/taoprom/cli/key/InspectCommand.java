package io.taoprom.cli.key;

import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.wallet.KeyfileContents;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code taoprom key inspect}: the public key, account id and SS58 address of a secret URI, a
 * keyfile, or a public key. Never prints a secret.
 *
 * <pre>
 * $ taoprom key inspect //Alice --json
 * {"publicKey": "0xd435...", "accountId": "0xd435...", "ss58Address": "5Grw...", "scheme": "sr25519"}
 * $ taoprom key inspect --keyfile ~/.bittensor/wallets/default/hotkeys/default
 * $ taoprom key inspect --public 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --network-prefix 0
 * </pre>
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = "Show the public key, account id and SS58 address of a secret URI, a keyfile or a public key.",
    footer = {"", "Examples:", "  taoprom key inspect //Alice", "  echo \"$SURI\" | taoprom key inspect -",
        "  taoprom key inspect --keyfile ~/.bittensor/wallets/default/hotkeys/default --json",
        "  taoprom key inspect --public 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --network-prefix 0"})
final class InspectCommand implements Callable<Integer> {

  static final class Source {
    @Parameters(paramLabel = "URI", arity = "0..1",
        description = "A secret URI: PHRASE or 0xSEED, then //hard, /soft and ///password parts ('-' reads it from stdin).")
    String uri;

    @Option(names = "--keyfile", paramLabel = "PATH", description = "A Bittensor keyfile (plain or $NACL-encrypted).")
    Path keyfile;

    @Option(names = "--public", paramLabel = "KEY", description = "A public key (0x-hex) or SS58 address.")
    String publicKey;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "sr25519",
      description = "sr25519 or ed25519 (default: ${DEFAULT-VALUE}); keyfiles are always sr25519.")
  String scheme;

  @Option(names = "--network-prefix", paramLabel = "N", defaultValue = "42",
      description = "SS58 network prefix for the address (default: ${DEFAULT-VALUE}, Bittensor and generic Substrate).")
  int networkPrefix;

  @Option(names = "--json", description = "Print JSON: publicKey, accountId, ss58Address, scheme.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    KeyInput.checkPrefix(spec, networkPrefix);
    byte[] publicKey;
    String shownScheme = scheme;
    if (source.keyfile != null) {
      KeyfileContents c = KeyInput.fromKeyfile(spec, KeyInput.parent(spec), source.keyfile);
      publicKey = c.publicKey();
      shownScheme = "sr25519";
    } else if (source.publicKey != null) {
      publicKey = KeyInput.publicKey(spec, "--public", source.publicKey);
    } else {
      KeyPair pair = KeyInput.fromUri(spec, "URI", source.uri, scheme, System.in);
      publicKey = pair.publicKey();
      shownScheme = pair.scheme();
    }
    KeyOutput.account(publicKey, networkPrefix, shownScheme).print(spec.commandLine().getOut(), json);
    return 0;
  }
}
