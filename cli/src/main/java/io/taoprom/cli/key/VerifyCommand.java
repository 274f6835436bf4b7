package io.taoprom.cli.key;

import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyScheme;
import io.taoprom.core.crypto.KeySchemes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code taoprom key verify}: checks a signature. Exit code 0 when it is valid, 1 when it is not,
 * 2 when the input is malformed (bad hex, bad address, unknown scheme).
 *
 * <pre>
 * $ taoprom key verify --public 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --message 0x1234 --signature 0x...
 * valid
 * </pre>
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = "Verify a signature; exit code 0 if valid, 1 if not, 2 for malformed input.",
    footer = {"", "Example:", "  taoprom key verify --public 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --message 0x1234 --signature 0x..."})
final class VerifyCommand implements Callable<Integer> {

  @Option(names = "--public", paramLabel = "KEY", required = true, description = "Public key (0x-hex) or SS58 address of the signer.")
  String publicKey;

  @Option(names = "--message", paramLabel = "HEX", required = true, description = "The signed bytes, as hex (0x optional).")
  String message;

  @Option(names = "--signature", paramLabel = "HEX", required = true, description = "The 64-byte signature, as hex.")
  String signature;

  @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "sr25519", description = "sr25519 or ed25519 (default: ${DEFAULT-VALUE}).")
  String scheme;

  @Option(names = "--json", description = "Print JSON: valid, publicKey, scheme.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    KeyScheme s;
    try {
      s = KeySchemes.named(scheme);
    } catch (KeyException e) {
      throw new ParameterException(spec.commandLine(), "invalid --scheme: " + e.getMessage());
    }
    byte[] key = KeyInput.publicKey(spec, "--public", publicKey);
    byte[] msg = KeyInput.hex(spec, "--message", message);
    byte[] sig = KeyInput.hex(spec, "--signature", signature);
    if (sig.length != 64) {
      throw new ParameterException(spec.commandLine(), "invalid --signature: a signature has 64 bytes (128 hex digits), got " + sig.length);
    }
    boolean valid = s.verify(key, msg, sig);
    if (json) {
      new KeyOutput().put("valid", "Valid", valid).put("publicKey", "Public key", KeyInput.toHex(key))
          .put("scheme", "Scheme", s.name()).print(spec.commandLine().getOut(), true);
    } else {
      spec.commandLine().getOut().println(valid ? "valid" : "invalid");
      spec.commandLine().getOut().flush();
    }
    return valid ? 0 : 1;
  }
}
