package io.taoprom.core.wallet;

import io.taoprom.core.crypto.KeyPair;
import java.nio.file.Path;

/**
 * A btcli wallet on disk: {@code <path>/<name>/coldkey}, {@code <path>/<name>/coldkeypub.txt} and
 * {@code <path>/<name>/hotkeys/<hotkey>}, with btcli's defaults ({@code ~/.bittensor/wallets},
 * wallet {@code default}, hotkey {@code default}), {@code ~} being {@code $HOME} as for btcli.
 *
 * <pre>{@code
 * Wallet wallet = Wallet.of("~/.bittensor/wallets", "miner");
 * KeyPair hotkey = wallet.hotkey("default", PasswordSource.standard());
 * }</pre>
 *
 * @param path the directory that holds wallets
 * @param name the wallet's name (its directory)
 */
public record Wallet(Path path, String name) {

  /** btcli's default wallet directory, before {@code ~} expansion. */
  public static final String DEFAULT_PATH = "~/.bittensor/wallets";
  /** btcli's default wallet and hotkey name. */
  public static final String DEFAULT_NAME = "default";

  public Wallet {
    if (name == null || name.isEmpty() || name.contains("/") || name.equals("..") || name.equals(".")) {
      throw new IllegalArgumentException("a wallet name is one path segment, got '" + name + "'");
    }
  }

  /** A wallet from a path that may start with {@code ~} (the user's home). */
  public static Wallet of(String path, String name) {
    return new Wallet(expandHome(path), name);
  }

  /** The default wallet in the default directory. */
  public static Wallet defaults() {
    return of(DEFAULT_PATH, DEFAULT_NAME);
  }

  /** The file of a hotkey. */
  public Path hotkeyFile(String hotkey) {
    if (hotkey == null || hotkey.isEmpty() || hotkey.contains("/") || hotkey.equals("..") || hotkey.equals(".")) {
      throw new IllegalArgumentException("a hotkey name is one path segment, got '" + hotkey + "'");
    }
    return path.resolve(name).resolve("hotkeys").resolve(hotkey);
  }

  /** The coldkey's file (usually encrypted). */
  public Path coldkeyFile() {
    return path.resolve(name).resolve("coldkey");
  }

  /** The coldkey's public half, readable without a password. */
  public Path coldkeyPubFile() {
    return path.resolve(name).resolve("coldkeypub.txt");
  }

  /**
   * The hotkey's key pair.
   *
   * @throws KeyfileException when the file is missing, holds no secret, or cannot be decrypted
   */
  public KeyPair hotkey(String hotkey, PasswordSource passwords) {
    Path file = hotkeyFile(hotkey);
    return Keyfile.read(file, passwords).keyPair()
        .orElseThrow(() -> new KeyfileException(file + " holds only a public key; a hotkey file needs its secret"));
  }

  /** The coldkey's public key, from {@code coldkeypub.txt}. */
  public byte[] coldkeyPublicKey() {
    return Keyfile.read(coldkeyPubFile(), PasswordSource.none()).publicKey();
  }

  /**
   * {@code path} with a leading {@code ~} replaced by the home directory as btcli sees it: {@code
   * $HOME} when it is set (Python's {@code Path.home()} and {@code expanduser} read it), else the
   * account's home ({@code user.home}). The two differ under {@code sudo -E}, in containers and in
   * services that set {@code HOME}: the wallet is where btcli put it.
   */
  public static Path expandHome(String path) {
    return expandHome(path, System.getenv("HOME"), System.getProperty("user.home"));
  }

  /** {@link #expandHome(String)} with the environment's {@code HOME} and {@code user.home} given (tests). */
  static Path expandHome(String path, String homeVariable, String userHome) {
    if (path.equals("~") || path.startsWith("~/")) {
      String home = homeVariable != null && !homeVariable.isEmpty() ? homeVariable : userHome;
      return Path.of(home + path.substring(1));
    }
    return Path.of(path);
  }
}
