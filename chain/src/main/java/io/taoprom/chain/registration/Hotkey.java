package io.taoprom.chain.registration;

import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.KeyFormatException;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Ss58;
import io.taoprom.core.wallet.Keyfile;
import io.taoprom.core.wallet.KeyfileContents;
import io.taoprom.core.wallet.KeyfileException;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import io.taoprom.core.wallet.Wallet;
import io.taoprom.untrusted.Excerpt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The hotkey a registration is signed with (or, for {@code status}, only its public key), resolved
 * from a secret URI, a btcli wallet or an SS58 address. Every problem is an {@link
 * IllegalArgumentException} whose one-line message names the input and the fix (in plain words, or
 * as the caller's {@link ParameterNames} say it) and never contains a secret.
 *
 * <pre>{@code
 * Hotkey dev = Hotkey.fromUri("//Alice");
 * Hotkey hot = Hotkey.fromWallet("~/.bittensor/wallets", "miner", "default", PasswordSource.standard(),
 *     NaclKeyfileCipher.BITTENSOR);
 * hot.warnings().forEach(System.err::println);
 * KeyPair signer = hot.keyPair().orElseThrow();
 * }</pre>
 *
 * @param publicKey the 32-byte account id
 * @param keyPair the key pair, absent for a hotkey given by its address
 * @param warnings problems that did not stop it (a keyfile readable by others)
 */
public record Hotkey(byte[] publicKey, Optional<KeyPair> keyPair, List<String> warnings) {

  public Hotkey {
    publicKey = publicKey.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The SS58 address (prefix 42). */
  public String ss58() {
    return Ss58.encode(publicKey, Ss58.BITTENSOR);
  }

  /** The key pair, or a message saying a secret is needed to sign. */
  public KeyPair signer() {
    return signer(ParameterNames.PLAIN);
  }

  /** {@link #signer()}, naming where a secret can come from as {@code names} do. */
  public KeyPair signer(ParameterNames names) {
    return keyPair.orElseThrow(() -> new IllegalArgumentException("hotkey " + ss58()
        + " was given as an address; signing needs its secret: use " + names.of(Parameter.HOTKEY_SECRET)));
  }

  /** From a secret URI ({@code //Alice}, a phrase, {@code 0xSEED}, with derivations). */
  public static Hotkey fromUri(String uri) {
    return fromUri(uri, ParameterNames.PLAIN);
  }

  /** {@link #fromUri(String)}, with messages naming the parameters as {@code names} do. */
  public static Hotkey fromUri(String uri, ParameterNames names) {
    try {
      KeyPair pair = Keys.fromUri(uri);
      return new Hotkey(pair.publicKey(), Optional.of(pair), List.of());
    } catch (KeyFormatException | KeyException e) {
      // The core's messages hide the secret; they say what is malformed.
      throw new IllegalArgumentException("invalid " + names.of(Parameter.SECRET_URI) + ": " + e.getMessage()
          + "; give a secret URI such as '//Alice' (development only) or 'PHRASE//derivation', or use "
          + names.of(Parameter.WALLET));
    }
  }

  /** From an SS58 address (public key only, for reading). */
  public static Hotkey fromAddress(String ss58) {
    return fromAddress(ss58, ParameterNames.PLAIN);
  }

  /** {@link #fromAddress(String)}, naming the parameter as {@code names} do. */
  public static Hotkey fromAddress(String ss58, ParameterNames names) {
    try {
      return new Hotkey(Ss58.decodeAccountId(ss58), Optional.empty(), List.of());
    } catch (KeyFormatException e) {
      throw new IllegalArgumentException("invalid " + names.of(Parameter.HOTKEY_ADDRESS) + " " + Excerpt.of(ss58, 80)
          + ": " + e.getMessage() + "; give the hotkey's SS58 address (it starts with 5)");
    }
  }

  /** From a btcli wallet: {@code <path>/<wallet>/hotkeys/<hotkey>}, plain or {@code $NACL}-encrypted. */
  public static Hotkey fromWallet(String path, String wallet, String hotkey, PasswordSource passwords,
      NaclKeyfileCipher cipher) {
    return fromWallet(path, wallet, hotkey, passwords, cipher, ParameterNames.PLAIN);
  }

  /**
   * {@link #fromWallet(String, String, String, PasswordSource, NaclKeyfileCipher)}, with messages
   * naming the parameters as {@code names} do.
   */
  public static Hotkey fromWallet(String path, String wallet, String hotkey, PasswordSource passwords,
      NaclKeyfileCipher cipher, ParameterNames names) {
    Wallet w;
    Path file;
    try {
      w = Wallet.of(path, wallet);
      file = w.hotkeyFile(hotkey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + names.of(Parameter.WALLET_NAME) + " or "
          + names.of(Parameter.WALLET_HOTKEY) + ": " + e.getMessage());
    }
    if (!Files.isDirectory(w.path())) {
      throw new IllegalArgumentException("wallet directory " + w.path() + " does not exist; check "
          + names.of(Parameter.WALLET_PATH) + " (btcli's default is " + Wallet.DEFAULT_PATH + ")");
    }
    if (!Files.isDirectory(w.path().resolve(wallet))) {
      throw new IllegalArgumentException("wallet '" + wallet + "' not found in " + w.path() + "; check "
          + names.of(Parameter.WALLET_NAME) + " (btcli wallet list shows your wallets)");
    }
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("hotkey '" + hotkey + "' of wallet '" + wallet + "' not found (" + file
          + " does not exist); check " + names.of(Parameter.WALLET_HOTKEY) + " (btcli wallet list shows your hotkeys)");
    }
    KeyfileContents c;
    try {
      c = Keyfile.read(file, passwords, cipher);
    } catch (KeyfileException e) {
      String m = e.getMessage();
      String fix = m.contains("wrong password") ? "; set " + PasswordSource.ENVIRONMENT_VARIABLE + " to the hotkey's password"
          : m.contains("-Xmx") ? "; with the taoprom launcher: TAOPROM_JAVA_OPTS=-Xmx1g" : "";
      throw new IllegalArgumentException("cannot read hotkey file " + file + ": " + m + fix);
    }
    if (c.keyPair().isEmpty()) {
      throw new IllegalArgumentException("hotkey file " + file + " holds only a public key, and signing needs the secret;"
          + " restore the hotkey with its secret (btcli wallet regen_hotkey) or use " + names.of(Parameter.SECRET_URI));
    }
    return new Hotkey(c.publicKey(), c.keyPair(), c.warnings());
  }
}
