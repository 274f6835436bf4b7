package io.taoprom.core.crypto;

import io.taoprom.core.hash.Blake2b;
import io.taoprom.core.scale.ScaleWriter;
import java.util.Arrays;

/**
 * One step of a derivation path: a 32-byte chain code and whether the step is hard ({@code //})
 * or soft ({@code /}). Chain codes are computed exactly as Substrate's {@code DeriveJunction}
 * does: the SCALE encoding of the junction (a {@code u64} when the text is a decimal number
 * that fits, otherwise the string), zero-padded to 32 bytes, or its blake2-256 hash when longer.
 *
 * <pre>{@code
 * DeriveJunction hard = DeriveJunction.parse("/Alice");  // the text after the first '/' of "//Alice"
 * DeriveJunction soft = DeriveJunction.parse("0");
 * }</pre>
 *
 * <p>Note: polkadot-js differs from Substrate for junctions that look like hex ({@code 0x..},
 * which it takes as raw bytes) and for decimal numbers of 2^64 and above; TaoProm follows
 * Substrate, which is what the chain and {@code subkey} do.
 *
 * @param chainCode the 32-byte chain code (the array is not copied; treat it as read-only)
 * @param hard whether this is a hard junction
 */
public record DeriveJunction(byte[] chainCode, boolean hard) {

  /** Length of a chain code in bytes. */
  public static final int CHAIN_CODE_LENGTH = 32;

  public DeriveJunction {
    if (chainCode.length != CHAIN_CODE_LENGTH) {
      throw new KeyException("a chain code has " + CHAIN_CODE_LENGTH + " bytes, got " + chainCode.length);
    }
  }

  /**
   * A junction from path text as it follows one {@code /} in a secret URI: {@code "/name"} is
   * hard (the URI had {@code //name}), {@code "name"} is soft.
   */
  public static DeriveJunction parse(String text) {
    boolean hard = text.startsWith("/");
    String code = hard ? text.substring(1) : text;
    if (code.isEmpty()) {
      throw new KeyException("an empty derivation junction");
    }
    return new DeriveJunction(chainCodeOf(code), hard);
  }

  /** A soft junction from already-encoded bytes (hashed when longer than 32 bytes). */
  public static DeriveJunction soft(byte[] encoded) {
    return new DeriveJunction(fit(encoded), false);
  }

  /** A hard junction from already-encoded bytes (hashed when longer than 32 bytes). */
  public static DeriveJunction hard(byte[] encoded) {
    return new DeriveJunction(fit(encoded), true);
  }

  private static byte[] chainCodeOf(String code) {
    ScaleWriter w = new ScaleWriter(code.length() + 8);
    Long number = parseRustU64(code);
    if (number != null) {
      w.writeU64(number);
    } else {
      w.writeString(code);
    }
    return fit(w.toByteArray());
  }

  /** What Rust's {@code str::parse::<u64>} accepts: an optional '+' and ASCII digits, below 2^64. */
  private static Long parseRustU64(String s) {
    String digits = s.startsWith("+") ? s.substring(1) : s;
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseUnsignedLong(digits);
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  private static byte[] fit(byte[] encoded) {
    if (encoded.length > CHAIN_CODE_LENGTH) {
      return Blake2b.hash256(encoded);
    }
    return Arrays.copyOf(encoded, CHAIN_CODE_LENGTH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeriveJunction j && j.hard == hard && Arrays.equals(j.chainCode, chainCode);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(chainCode) * 31 + (hard ? 1 : 0);
  }

  /** Only the kind: a hard path can be as secret as a password, so the chain code is not shown. */
  @Override
  public String toString() {
    return hard ? "DeriveJunction[hard]" : "DeriveJunction[soft]";
  }
}
