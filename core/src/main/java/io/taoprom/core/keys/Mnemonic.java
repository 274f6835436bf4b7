package io.taoprom.core.keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP39 English mnemonics, and the Substrate way of turning one into a key seed.
 *
 * <p>Substrate (and so Bittensor and polkadot-js) does not use BIP39's seed: it runs
 * PBKDF2-HMAC-SHA512 over the mnemonic's <em>entropy</em> with the salt {@code "mnemonic" +
 * password}, 2048 rounds, and keeps the first 32 bytes as the mini secret key.
 *
 * <pre>{@code
 * String phrase = Mnemonic.generate(12);
 * byte[] miniSecret = Mnemonic.toMiniSecret(phrase, "");
 * }</pre>
 *
 * The English word list is BIP39's ({@code bip39-english.txt}, SHA-256 {@code 2f5eed53...dbda}).
 */
public final class Mnemonic {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> WORDS = loadWords();
  private static final Map<String, Integer> INDEX = indexWords(WORDS);

  private Mnemonic() {}

  /** A new random mnemonic of 12, 15, 18, 21 or 24 words. */
  public static String generate(int words) {
    return generate(words, RANDOM);
  }

  /** A new mnemonic of 12, 15, 18, 21 or 24 words from {@code random}. */
  public static String generate(int words, SecureRandom random) {
    int entropyBytes = entropyBytesFor(words);
    if (entropyBytes < 0) {
      throw new IllegalArgumentException("a mnemonic has 12, 15, 18, 21 or 24 words, not " + words);
    }
    byte[] entropy = new byte[entropyBytes];
    random.nextBytes(entropy);
    try {
      return fromEntropy(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /** The mnemonic for 16, 20, 24, 28 or 32 bytes of entropy. */
  public static String fromEntropy(byte[] entropy) {
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
      throw new IllegalArgumentException("BIP39 entropy has 16, 20, 24, 28 or 32 bytes, got " + entropy.length);
    }
    int checksumBits = entropy.length / 4;
    byte[] hash = sha256(entropy);
    int totalBits = entropy.length * 8 + checksumBits;
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < totalBits / 11; w++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        int bit = w * 11 + b;
        index = (index << 1) | bitAt(entropy, hash, bit);
      }
      if (w > 0) {
        sb.append(' ');
      }
      sb.append(WORDS.get(index));
    }
    return sb.toString();
  }

  /**
   * The entropy a mnemonic encodes, after checking its words and checksum.
   *
   * @throws KeyFormatException naming the word number (not the word) that is wrong, a wrong
   *     word count, or a checksum mismatch
   */
  public static byte[] toEntropy(String phrase) {
    String[] words = split(phrase);
    int entropyBytes = entropyBytesFor(words.length);
    if (entropyBytes < 0) {
      throw new KeyFormatException("a BIP39 mnemonic of 12, 15, 18, 21 or 24 words, got " + words.length + " words");
    }
    int totalBits = words.length * 11;
    byte[] bits = new byte[(totalBits + 7) / 8];
    for (int w = 0; w < words.length; w++) {
      Integer index = INDEX.get(words[w]);
      if (index == null) {
        throw new KeyFormatException("word " + (w + 1) + " of the mnemonic is not in the BIP39 English word list"
            + " (words are lower case; check its spelling)");
      }
      for (int b = 0; b < 11; b++) {
        if ((index >>> (10 - b) & 1) != 0) {
          int bit = w * 11 + b;
          bits[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
        }
      }
    }
    byte[] entropy = Arrays.copyOf(bits, entropyBytes);
    byte[] hash = sha256(entropy);
    int checksumBits = entropyBytes / 4;
    for (int i = 0; i < checksumBits; i++) {
      int bit = entropyBytes * 8 + i;
      int actual = (bits[bit >>> 3] >>> (7 - (bit & 7))) & 1;
      int expected = (hash[i >>> 3] >>> (7 - (i & 7))) & 1;
      if (actual != expected) {
        Arrays.fill(bits, (byte) 0);
        Arrays.fill(entropy, (byte) 0);
        throw new KeyFormatException("the mnemonic's checksum does not match: a word is wrong or the words are out of order");
      }
    }
    Arrays.fill(bits, (byte) 0);
    return entropy;
  }

  /** Whether {@code phrase} is a valid BIP39 English mnemonic. */
  public static boolean isValid(String phrase) {
    try {
      Arrays.fill(toEntropy(phrase), (byte) 0);
      return true;
    } catch (KeyFormatException e) {
      return false;
    }
  }

  /**
   * Substrate's mini secret key for a mnemonic and password: the first 32 bytes of
   * {@code PBKDF2-HMAC-SHA512(entropy, "mnemonic" + password, 2048)}. The password is used as
   * given (UTF-8, not normalized), as substrate-bip39 and polkadot-js do.
   */
  public static byte[] toMiniSecret(String phrase, String password) {
    byte[] entropy = toEntropy(phrase);
    try {
      return Arrays.copyOf(seedFromEntropy(entropy, password == null ? "" : password), 32);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /** The 64-byte PBKDF2 output of substrate-bip39's {@code seed_from_entropy}. */
  static byte[] seedFromEntropy(byte[] entropy, String password) {
    String salt = "mnemonic" + password;
    PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
    pbkdf2.init(entropy, salt.getBytes(StandardCharsets.UTF_8), 2048);
    return ((KeyParameter) pbkdf2.generateDerivedParameters(512)).getKey();
  }

  /** The words of a phrase: NFKD-normalized and split on any whitespace. */
  private static String[] split(String phrase) {
    String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip();
    return normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
  }

  private static int entropyBytesFor(int words) {
    return switch (words) {
      case 12 -> 16;
      case 15 -> 20;
      case 18 -> 24;
      case 21 -> 28;
      case 24 -> 32;
      default -> -1;
    };
  }

  private static int bitAt(byte[] entropy, byte[] hash, int bit) {
    int entropyBits = entropy.length * 8;
    if (bit < entropyBits) {
      return (entropy[bit >>> 3] >>> (7 - (bit & 7))) & 1;
    }
    int h = bit - entropyBits;
    return (hash[h >>> 3] >>> (7 - (h & 7))) & 1;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The 2048 English words, in order. */
  public static List<String> englishWords() {
    return WORDS;
  }

  private static List<String> loadWords() {
    try (InputStream in = Mnemonic.class.getResourceAsStream("bip39-english.txt")) {
      if (in == null) {
        throw new IllegalStateException("bip39-english.txt is missing from the taoprom-core jar");
      }
      List<String> words = new ArrayList<>(2048);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          words.add(line.strip());
        }
      }
      if (words.size() != 2048) {
        throw new IllegalStateException("bip39-english.txt must hold 2048 words, found " + words.size());
      }
      return List.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> indexWords(List<String> words) {
    Map<String, Integer> m = new HashMap<>(4096);
    for (int i = 0; i < words.size(); i++) {
      m.put(words.get(i), i);
    }
    return m;
  }
}
