package io.taoprom.cli.key;

import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.wallet.KeyfileContents;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taoprom key sign}: signs hex bytes with a secret URI or a keyfile and prints the 0x
 * signature (sr25519 signatures are randomized: each run prints a different valid one).
 *
 * <pre>
 * $ taoprom key sign --uri //Alice --message 0x1234
 * 0x5e8b...8a
 * </pre>
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = "Sign hex bytes with a secret URI or a keyfile; print the 0x signature.",
    footer = {"", "Examples:", "  taoprom key sign --uri //Alice --message 0x1234",
        "  echo \"$SURI\" | taoprom key sign --uri - --message 0x1234",
        "  taoprom key sign --keyfile ~/.bittensor/wallets/default/hotkeys/default --message 0x1234 --json"})
final class SignCommand implements Callable<Integer> {

  static final class Key {
    @Option(names = "--uri", paramLabel = "URI", required = true,
        description = "Secret URI of the signing key ('-' reads it from stdin).")
    String uri;

    @Option(names = "--keyfile", paramLabel = "PATH", required = true, description = "A Bittensor keyfile with a secret.")
    Path keyfile;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Key key;

  @Option(names = "--message", paramLabel = "HEX", required = true, description = "The bytes to sign, as hex (0x optional).")
  String message;

  @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "sr25519", description = "sr25519 or ed25519 (default: ${DEFAULT-VALUE}).")
  String scheme;

  @Option(names = "--json", description = "Print JSON: signature, publicKey, scheme.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    byte[] msg = KeyInput.hex(spec, "--message", message);
    KeyPair pair;
    if (key.keyfile != null) {
      KeyfileContents c = KeyInput.fromKeyfile(spec, KeyInput.parent(spec), key.keyfile);
      pair = c.keyPair().orElseThrow(() -> new io.taoprom.cli.CommandFailure(key.keyfile
          + " holds only a public key; signing needs a keyfile with a secret"));
    } else {
      pair = KeyInput.fromUri(spec, "--uri", key.uri, scheme, System.in);
    }
    String signature = KeyInput.toHex(pair.sign(msg));
    if (json) {
      new KeyOutput().put("signature", "Signature", signature).put("publicKey", "Public key", KeyInput.toHex(pair.publicKey()))
          .put("scheme", "Scheme", pair.scheme()).print(spec.commandLine().getOut(), true);
    } else {
      spec.commandLine().getOut().println(signature);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
