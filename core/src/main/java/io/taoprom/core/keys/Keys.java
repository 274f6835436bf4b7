package io.taoprom.core.keys;

import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeyScheme;
import io.taoprom.core.crypto.KeySchemes;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The entry point for making key pairs: from a secret URI, a mnemonic or a raw seed, for any
 * {@link KeyScheme} ({@code sr25519} by default, as Bittensor hotkeys and coldkeys use).
 *
 * <pre>{@code
 * KeyPair alice = Keys.fromUri("//Alice");                       // sr25519 dev account
 * KeyPair hot = Keys.fromUri("word1 ... word12//hot/0///pass", "sr25519");
 * String address = Ss58.encode(hot.publicKey(), Ss58.BITTENSOR);
 * }</pre>
 *
 * The results are {@link io.taoprom.core.crypto.Signer}s, which is all the chain module needs to
 * sign extrinsics.
 */
public final class Keys {

  /** Substrate's development phrase: what a secret URI without a phrase (like {@code //Alice}) means. */
  public static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

  /** The scheme Bittensor uses for hotkeys and coldkeys. */
  public static final String DEFAULT_SCHEME = "sr25519";

  private Keys() {}

  /** An sr25519 key pair from a secret URI. */
  public static KeyPair fromUri(String uri) {
    return fromUri(uri, DEFAULT_SCHEME);
  }

  /**
   * A key pair from a secret URI ({@code PHRASE|0xSEED} + {@code //hard}, {@code /soft},
   * {@code ///password}).
   *
   * @throws KeyFormatException when the URI, phrase or seed is malformed (the message hides the secret)
   * @throws io.taoprom.core.crypto.KeyException when the scheme is unknown or a junction is not
   *     supported (soft junctions on ed25519)
   */
  public static KeyPair fromUri(String uri, String scheme) {
    return fromUri(SecretUri.parse(uri), scheme);
  }

  /** A key pair from a parsed secret URI. */
  public static KeyPair fromUri(SecretUri uri, String scheme) {
    KeyScheme s = KeySchemes.named(scheme);
    String phrase = uri.phrase().orElse(DEV_PHRASE);
    KeyPair root;
    if (phrase.startsWith("0x")) {
      // Substrate ignores the ///password for a raw seed; so do we.
      byte[] seed = parseSeed(phrase.substring(2));
      try {
        root = s.fromSeed(seed);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
    } else {
      root = fromPhrase(phrase, uri.password().orElse(""), s);
    }
    return root.derive(uri.path());
  }

  /** A key pair from a BIP39 mnemonic and password, as Substrate's {@code Pair::from_phrase}. */
  public static KeyPair fromPhrase(String phrase, String password, String scheme) {
    return fromPhrase(phrase, password, KeySchemes.named(scheme));
  }

  private static KeyPair fromPhrase(String phrase, String password, KeyScheme scheme) {
    byte[] mini = Mnemonic.toMiniSecret(phrase, password);
    try {
      return scheme.fromSeed(mini);
    } finally {
      Arrays.fill(mini, (byte) 0);
    }
  }

  /** A key pair from a 32-byte seed (sr25519: a mini secret key). */
  public static KeyPair fromSeed(byte[] seed, String scheme) {
    return KeySchemes.named(scheme).fromSeed(seed);
  }

  private static byte[] parseSeed(String hex) {
    if (hex.length() != 64) {
      throw new KeyFormatException("a raw seed after 0x must be 64 hex digits (32 bytes), got " + hex.length() + " digits");
    }
    for (int i = 0; i < hex.length(); i++) {
      if (!HexFormat.isHexDigit(hex.charAt(i))) {
        throw new KeyFormatException(i + 2, "a hex digit in the seed");
      }
    }
    return HexFormat.of().parseHex(hex);
  }
}
