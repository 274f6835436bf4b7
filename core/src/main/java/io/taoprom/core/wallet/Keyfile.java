package io.taoprom.core.wallet;

import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.sr25519.Sr25519Scheme;
import io.taoprom.core.keys.KeyFormatException;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Ss58;
import io.taoprom.untrusted.BoundedFiles;
import io.taoprom.untrusted.InputTooLargeException;
import io.taoprom.untrusted.NotRegularFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes Bittensor keyfiles (btcli's JSON: {@code secretPhrase}, {@code secretSeed},
 * {@code privateKey}, {@code publicKey}, {@code accountId}, {@code ss58Address}), plain or
 * {@code $NACL}-encrypted. Keys are sr25519.
 *
 * <pre>{@code
 * KeyfileContents hot = Keyfile.read(Path.of("~/.bittensor/wallets/default/hotkeys/default"), PasswordSource.standard());
 * Signer signer = hot.keyPair().orElseThrow();
 * }</pre>
 *
 * <p>The secret is taken from {@code secretPhrase}, else {@code secretSeed}, else {@code
 * privateKey}, and must give the {@code publicKey}, {@code accountId} and {@code ss58Address}
 * that the file states: a mismatch is an error, so a corrupted or hand-edited file never signs
 * as the wrong account. Legacy encryptions ({@code $ANSIBLE_VAULT}, Fernet {@code gAAAAA}) are
 * refused with a message that says how to convert them.
 */
public final class Keyfile {

  /** Keyfiles are a few hundred bytes; anything much larger is not one. */
  static final int MAX_SIZE = 64 * 1024;
  private static final String SCHEME = "sr25519";
  private static final HexFormat HEX = HexFormat.of();

  private Keyfile() {}

  /** Reads a keyfile, asking {@code passwords} if it is encrypted (with Bittensor's argon2i limits). */
  public static KeyfileContents read(Path path, PasswordSource passwords) {
    return read(path, passwords, NaclKeyfileCipher.BITTENSOR);
  }

  /**
   * Reads a keyfile with a given cipher for {@code $NACL} files.
   *
   * @throws KeyfileException when the file is missing, unreadable, not a keyfile, encrypted with
   *     an unsupported method or a wrong password, or inconsistent
   */
  public static KeyfileContents read(Path path, PasswordSource passwords, NaclKeyfileCipher cipher) {
    byte[] data;
    try {
      // Regular files only, and the cap enforced while reading: a link to /dev/zero states 0 bytes
      // and never ends, a FIFO would block until someone writes to it.
      data = BoundedFiles.read(path, MAX_SIZE);
    } catch (NoSuchFileException e) {
      throw new KeyfileException("keyfile " + path + " does not exist; check --wallet.path, --wallet.name and --wallet.hotkey");
    } catch (NotRegularFileException e) {
      throw new KeyfileException("keyfile " + path + " is " + e.kind() + ", not a regular file; point to the keyfile itself", e);
    } catch (InputTooLargeException e) {
      throw new KeyfileException(path + " is larger than " + MAX_SIZE + " bytes; a keyfile is a few hundred bytes, so this is not one", e);
    } catch (IOException e) {
      throw new KeyfileException("cannot read keyfile " + path + ": " + e.getMessage(), e);
    }
    try {
      return parse(path, data, passwords, cipher, permissionWarnings(path));
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  /** Parses keyfile bytes already in memory; {@code path} only names them in messages. */
  public static KeyfileContents parse(Path path, byte[] data, PasswordSource passwords, NaclKeyfileCipher cipher) {
    return parse(path, data, passwords, cipher, List.of());
  }

  private static KeyfileContents parse(Path path, byte[] data, PasswordSource passwords, NaclKeyfileCipher cipher,
      List<String> fileWarnings) {
    if (NaclKeyfileCipher.startsWith(data, "$ANSIBLE_VAULT") || NaclKeyfileCipher.startsWith(data, "gAAAAA")) {
      throw new KeyfileException(path + " uses a legacy encryption (" + (data[0] == '$' ? "Ansible Vault" : "Fernet")
          + ") that TaoProm does not read; re-encrypt it with a current btcli"
          + " (btcli wallet regen-coldkey / regen-hotkey, or bittensor-wallet's keyfile.encrypt()), which writes $NACL files");
    }
    boolean encrypted = NaclKeyfileCipher.isEncrypted(data);
    byte[] json = data;
    if (encrypted) {
      char[] password = passwords.password(path);
      byte[] pw = utf8(password);
      Arrays.fill(password, '\0');
      try {
        json = cipher.decrypt(data, pw);
      } catch (KeyfileException e) {
        throw new KeyfileException(path + ": " + e.getMessage(), e);
      } finally {
        Arrays.fill(pw, (byte) 0);
      }
    }
    try {
      return contents(path, json, encrypted, fileWarnings);
    } finally {
      if (encrypted) {
        Arrays.fill(json, (byte) 0);
      }
    }
  }

  private static KeyfileContents contents(Path path, byte[] json, boolean encrypted, List<String> fileWarnings) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(json)).toString();
    } catch (CharacterCodingException e) {
      throw new KeyfileException(path + " is neither a JSON keyfile nor $NACL-encrypted (it is not UTF-8 text)");
    }
    Map<String, String> fields;
    try {
      fields = FlatJson.parse(text);
    } catch (KeyfileException e) {
      throw new KeyfileException(path + ": " + e.getMessage()
          + (encrypted ? "" : " (a keyfile is JSON, or starts with $NACL when encrypted)"));
    }
    Optional<KeyPair> pair = secret(path, fields);
    byte[] stated = statedPublicKey(path, fields);
    if (pair.isEmpty() && stated == null) {
      throw new KeyfileException(path + " holds no key: expected secretPhrase, secretSeed, privateKey, publicKey,"
          + " accountId or ss58Address");
    }
    byte[] publicKey = pair.map(KeyPair::publicKey).orElse(stated);
    if (pair.isPresent() && stated != null && !Arrays.equals(stated, publicKey)) {
      throw new KeyfileException(path + ": the secret in the file does not belong to its stated public key 0x"
          + HEX.formatHex(stated) + "; the file is corrupt or was edited, do not use it");
    }
    List<String> warnings = pair.isPresent() ? fileWarnings : List.of();
    return new KeyfileContents(path, pair, publicKey, encrypted, warnings);
  }

  private static Optional<KeyPair> secret(Path path, Map<String, String> f) {
    Sr25519Scheme sr = new Sr25519Scheme();
    try {
      if (f.containsKey("secretPhrase")) {
        return Optional.of(Keys.fromPhrase(f.get("secretPhrase"), "", SCHEME));
      }
      if (f.containsKey("secretSeed")) {
        byte[] seed = hex(path, "secretSeed", f.get("secretSeed"));
        try {
          if (seed.length == 32) {
            return Optional.of(sr.fromSeed(seed));
          }
          if (seed.length == 64) {
            return Optional.of(sr.fromSecretKey(seed));
          }
          throw new KeyfileException(path + ": secretSeed must be 32 bytes (or a 64-byte secret key), got " + seed.length);
        } finally {
          Arrays.fill(seed, (byte) 0);
        }
      }
      if (f.containsKey("privateKey")) {
        return Optional.of(fromPrivateKey(path, f));
      }
    } catch (KeyFormatException | KeyException e) {
      throw new KeyfileException(path + ": " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  /**
   * The 64-byte {@code privateKey}: schnorrkel's canonical form (bittensor-wallet, substrate), or
   * the ed25519-style form (scalar times 8) older tools wrote; the stated public key decides.
   */
  private static KeyPair fromPrivateKey(Path path, Map<String, String> f) {
    byte[] raw = hex(path, "privateKey", f.get("privateKey"));
    Sr25519Scheme sr = new Sr25519Scheme();
    try {
      if (raw.length != 64) {
        throw new KeyfileException(path + ": privateKey must be 64 bytes (sr25519 scalar and nonce), got " + raw.length);
      }
      byte[] stated = statedPublicKey(path, f);
      KeyPair canonical = null;
      try {
        canonical = sr.fromSecretKey(raw);
        if (stated == null || Arrays.equals(canonical.publicKey(), stated)) {
          return canonical;
        }
      } catch (KeyException notCanonical) {
        // Fall through to the ed25519-style form.
      }
      try {
        KeyPair edStyle = sr.fromEd25519StyleSecretKey(raw);
        if (stated == null || Arrays.equals(edStyle.publicKey(), stated) || canonical == null) {
          return edStyle;
        }
      } catch (KeyException notEdStyle) {
        if (canonical == null) {
          throw new KeyfileException(path + ": privateKey is not an sr25519 secret key in either known form");
        }
      }
      return canonical; // neither matches: the caller reports the mismatch
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** The public key the file states, after checking that its statements agree with each other. */
  private static byte[] statedPublicKey(Path path, Map<String, String> f) {
    byte[] result = null;
    String from = null;
    for (String field : new String[] {"publicKey", "accountId", "ss58Address"}) {
      String v = f.get(field);
      if (v == null) {
        continue;
      }
      byte[] key;
      try {
        key = field.equals("ss58Address") ? Ss58.decodeAccountId(v) : hex(path, field, v);
      } catch (KeyFormatException e) {
        throw new KeyfileException(path + ": " + field + " is not a valid address: " + e.getMessage(), e);
      }
      if (key.length != 32) {
        throw new KeyfileException(path + ": " + field + " must be a 32-byte key, got " + key.length + " bytes");
      }
      if (result != null && !Arrays.equals(result, key)) {
        throw new KeyfileException(path + ": " + field + " and " + from + " name different accounts; the file is corrupt");
      }
      result = key;
      from = field;
    }
    return result;
  }

  private static byte[] hex(Path path, String field, String value) {
    String h = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
    if (h.length() % 2 != 0) {
      throw new KeyfileException(path + ": " + field + " must be hex with an even number of digits");
    }
    for (int i = 0; i < h.length(); i++) {
      if (!HexFormat.isHexDigit(h.charAt(i))) {
        throw new KeyfileException(path + ": " + field + " must be hex; character " + i + " is not a hex digit");
      }
    }
    return HEX.parseHex(h);
  }

  /** Warnings for a file others can read; empty when the file system has no POSIX permissions. */
  static List<String> permissionWarnings(Path path) {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view == null) {
      return List.of();
    }
    try {
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      List<String> who = new ArrayList<>();
      if (perms.contains(PosixFilePermission.GROUP_READ)) {
        who.add("its group");
      }
      if (perms.contains(PosixFilePermission.OTHERS_READ)) {
        who.add("all users");
      }
      if (who.isEmpty()) {
        return List.of();
      }
      return List.of("keyfile " + path + " holds a secret key and is readable by " + String.join(" and ", who)
          + "; restrict it with: chmod 600 " + path);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static byte[] utf8(char[] chars) {
    ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] out = new byte[b.remaining()];
    b.get(out);
    if (b.hasArray()) {
      Arrays.fill(b.array(), (byte) 0);
    }
    return out;
  }

  // ---------------------------------------------------------------- writing

  /**
   * The keyfile JSON for a key pair, in btcli's field order: {@code accountId}, {@code
   * publicKey}, {@code privateKey}, {@code secretPhrase} (when given), {@code secretSeed} (when
   * the key has one), {@code ss58Address} (prefix 42).
   */
  public static byte[] toJson(KeyPair pair, Optional<String> phrase) {
    if (!SCHEME.equals(pair.scheme())) {
      throw new KeyfileException("Bittensor keyfiles hold sr25519 keys, not " + pair.scheme());
    }
    if (phrase.isPresent() && !Arrays.equals(Keys.fromPhrase(phrase.get(), "", SCHEME).publicKey(), pair.publicKey())) {
      // A phrase that does not give this key would make the file unreadable (or sign as another account).
      throw new KeyfileException("the secret phrase given for the keyfile is not the phrase of this key pair"
          + " (a derived key, //hard or /soft, cannot be stored with its parent's phrase)");
    }
    Map<String, String> f = new LinkedHashMap<>();
    String pub = "0x" + HEX.formatHex(pair.publicKey());
    f.put("accountId", pub);
    f.put("publicKey", pub);
    byte[] secret = pair.secretKey();
    f.put("privateKey", "0x" + HEX.formatHex(secret));
    Arrays.fill(secret, (byte) 0);
    phrase.ifPresent(p -> f.put("secretPhrase", p));
    pair.seed().ifPresent(s -> {
      f.put("secretSeed", "0x" + HEX.formatHex(s));
      Arrays.fill(s, (byte) 0);
    });
    f.put("ss58Address", Ss58.encode(pair.publicKey(), Ss58.BITTENSOR));
    return FlatJson.write(f).getBytes(StandardCharsets.UTF_8);
  }

  /** The public-only JSON of {@code coldkeypub.txt}. */
  public static byte[] toPublicJson(byte[] publicKey) {
    Map<String, String> f = new LinkedHashMap<>();
    String pub = "0x" + HEX.formatHex(publicKey);
    f.put("accountId", pub);
    f.put("publicKey", pub);
    f.put("ss58Address", Ss58.encode(publicKey, Ss58.BITTENSOR));
    return FlatJson.write(f).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes a key pair's keyfile atomically with mode 0600 (see {@link KeyfileWriter}).
   *
   * @param overwrite replace an existing file; without it an existing file is an error
   */
  public static void write(Path path, KeyPair pair, Optional<String> phrase, boolean overwrite) {
    byte[] json = toJson(pair, phrase);
    try {
      KeyfileWriter.write(path, json, overwrite);
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }
}
