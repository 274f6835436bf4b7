package io.taoprom.cli.register;

import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.chain.registration.Hotkey;
import io.taoprom.cli.CommandFailure;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import io.taoprom.core.wallet.Wallet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The hotkey options shared by {@code register}, {@code status} and {@code serve --register}: a
 * secret URI ({@code --uri}) or a btcli wallet ({@code --wallet.path}, {@code --wallet.name},
 * {@code --wallet.hotkey}, btcli's defaults: {@code ~/.bittensor/wallets}, with {@code ~} the
 * {@code $HOME} of the environment as Python's, wallet {@code default}, hotkey {@code default}). Use as a picocli mixin:
 *
 * <pre>{@code
 * @Mixin HotkeyOptions hotkeyOptions;
 * Hotkey hotkey = hotkeyOptions.resolve(spec, PasswordSource.standard(), NaclKeyfileCipher.BITTENSOR);
 * }</pre>
 *
 * A malformed URI is a usage error (exit 2); a wallet that cannot be read is a command failure
 * (exit 1). Neither message contains a secret.
 */
public final class HotkeyOptions {

  @Option(names = "--uri", paramLabel = "SECRET_URI",
      description = "Sign with this secret URI (development: //Alice). It is visible to other users in 'ps';"
          + " prefer a wallet in production.")
  String uri;

  @Option(names = "--wallet.path", paramLabel = "DIR", description = "Wallet directory (default: " + Wallet.DEFAULT_PATH + ").")
  String walletPath;

  @Option(names = "--wallet.name", paramLabel = "NAME", description = "Wallet name (default: default).")
  String walletName;

  @Option(names = "--wallet.hotkey", paramLabel = "NAME", description = "Hotkey name in the wallet (default: default).")
  String walletHotkey;

  /** Whether any hotkey option was given. */
  public boolean given() {
    return uri != null || walletPath != null || walletName != null || walletHotkey != null;
  }

  /** The hotkey, with its warnings printed to standard error. */
  public Hotkey resolve(CommandSpec spec, PasswordSource passwords, NaclKeyfileCipher cipher) {
    boolean wallet = walletPath != null || walletName != null || walletHotkey != null;
    if (uri != null && wallet) {
      throw new ParameterException(spec.commandLine(), "--uri and --wallet.* name two hotkeys; give one of them");
    }
    Hotkey hotkey;
    if (uri != null) {
      try {
        hotkey = Hotkey.fromUri(uri, ParameterFlags.REGISTER);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    } else {
      try {
        hotkey = Hotkey.fromWallet(walletPath != null ? walletPath : Wallet.DEFAULT_PATH,
            walletName != null ? walletName : Wallet.DEFAULT_NAME, walletHotkey != null ? walletHotkey : Wallet.DEFAULT_NAME,
            passwords, cipher, ParameterFlags.REGISTER);
      } catch (IllegalArgumentException e) {
        String why = e.getMessage();
        if (!wallet) {
          why += "; no hotkey option was given, so btcli's default wallet and hotkey ('" + Wallet.DEFAULT_NAME
              + "') were looked for: give --wallet.name/--wallet.hotkey (and --wallet.path), or --uri";
        }
        throw new CommandFailure(why, e);
      }
    }
    ConsoleLog log = ConsoleLog.of(spec);
    hotkey.warnings().forEach(log::warn);
    return hotkey;
  }
}
