package io.taoprom.cli.key;

import io.taoprom.cli.CommandFailure;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Mnemonic;
import io.taoprom.core.wallet.Keyfile;
import io.taoprom.core.wallet.KeyfileException;
import io.taoprom.core.wallet.Wallet;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code taoprom key generate}: a new BIP39 mnemonic and its key. Without wallet options the
 * phrase is printed (write it down: it is the key); with {@code --wallet.*} the key is written as
 * a btcli hotkey file (mode 0600, never over an existing file unless {@code --force}) and the
 * phrase is not printed.
 *
 * <pre>
 * $ taoprom key generate --words 24
 * $ taoprom key generate --wallet.name miner --wallet.hotkey gpu0 --json
 * </pre>
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = "Generate a new mnemonic and key; print it, or save it as a btcli hotkey file.",
    footer = {"", "Examples:", "  taoprom key generate", "  taoprom key generate --words 24 --json",
        "  taoprom key generate --wallet.path ~/.bittensor/wallets --wallet.name miner --wallet.hotkey gpu0"})
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--words", paramLabel = "N", defaultValue = "12", description = "12, 15, 18, 21 or 24 (default: ${DEFAULT-VALUE}).")
  int words;

  @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "sr25519",
      description = "sr25519 or ed25519 (default: ${DEFAULT-VALUE}); wallet hotkeys are sr25519.")
  String scheme;

  @Option(names = "--network-prefix", paramLabel = "N", defaultValue = "42", description = "SS58 prefix (default: ${DEFAULT-VALUE}).")
  int networkPrefix;

  @Option(names = "--wallet.path", paramLabel = "PATH", description = "Wallet directory (default: " + Wallet.DEFAULT_PATH + ").")
  String walletPath;

  @Option(names = "--wallet.name", paramLabel = "NAME", description = "Wallet name (default: " + Wallet.DEFAULT_NAME + ").")
  String walletName;

  @Option(names = "--wallet.hotkey", paramLabel = "NAME", description = "Hotkey name (default: " + Wallet.DEFAULT_NAME + ").")
  String walletHotkey;

  @Option(names = "--force", description = "Replace an existing hotkey file.")
  boolean force;

  @Option(names = "--json", description = "Print JSON (with secretPhrase only when no wallet file is written).")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    KeyInput.checkPrefix(spec, networkPrefix);
    if (words != 12 && words != 15 && words != 18 && words != 21 && words != 24) {
      throw new ParameterException(spec.commandLine(), "invalid --words: a mnemonic has 12, 15, 18, 21 or 24 words, not " + words);
    }
    boolean toWallet = walletPath != null || walletName != null || walletHotkey != null;
    if (toWallet && !"sr25519".equalsIgnoreCase(scheme)) {
      throw new ParameterException(spec.commandLine(), "invalid --scheme: Bittensor wallet keys are sr25519, not " + scheme);
    }
    String phrase = Mnemonic.generate(words);
    KeyPair pair;
    try {
      pair = Keys.fromPhrase(phrase, "", scheme);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid --scheme: " + e.getMessage());
    }
    KeyOutput out = KeyOutput.account(pair.publicKey(), networkPrefix, pair.scheme());
    if (toWallet) {
      Wallet wallet;
      Path file;
      try {
        wallet = Wallet.of(walletPath == null ? Wallet.DEFAULT_PATH : walletPath, walletName == null ? Wallet.DEFAULT_NAME : walletName);
        file = wallet.hotkeyFile(walletHotkey == null ? Wallet.DEFAULT_NAME : walletHotkey);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "invalid wallet option: " + e.getMessage());
      }
      try {
        Keyfile.write(file, pair, Optional.of(phrase), force);
      } catch (KeyfileException e) {
        throw new CommandFailure(e.getMessage(), e);
      }
      out.put("keyfile", "Keyfile", file.toString());
      out.print(spec.commandLine().getOut(), json);
      if (!json) {
        spec.commandLine().getOut().println("The secret phrase is stored in the keyfile (mode 0600); back the file up.");
        spec.commandLine().getOut().flush();
      }
    } else {
      out.put("secretPhrase", "Secret phrase", phrase);
      pair.seed().ifPresent(s -> out.put("secretSeed", "Secret seed", KeyInput.toHex(s)));
      out.print(spec.commandLine().getOut(), json);
    }
    return 0;
  }
}
