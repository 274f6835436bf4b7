package io.taoprom.core.keys;

import java.util.Arrays;

/** Base58 with the Bitcoin alphabet, as SS58 uses it. */
final class Base58 {

  private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEXES[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  static String encode(byte[] input) {
    if (input.length == 0) {
      return "";
    }
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    byte[] digits = Arrays.copyOf(input, input.length);
    char[] out = new char[input.length * 2];
    int outStart = out.length;
    int start = zeros;
    while (start < digits.length) {
      out[--outStart] = ALPHABET[divmod(digits, start, 256, 58)];
      if (digits[start] == 0) {
        start++;
      }
    }
    while (outStart < out.length && out[outStart] == ALPHABET[0]) {
      outStart++;
    }
    while (--zeros >= 0) {
      out[--outStart] = ALPHABET[0];
    }
    return new String(out, outStart, out.length - outStart);
  }

  /**
   * @throws KeyFormatException naming the first character outside the alphabet
   */
  static byte[] decode(String input, int maxBytes) {
    if (input.length() > maxBytes * 2) {
      throw new KeyFormatException("an SS58 address of at most " + maxBytes * 2 + " characters, got " + input.length());
    }
    byte[] in58 = new byte[input.length()];
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new KeyFormatException(i, "character '" + printable(c) + "' is not in the base58 alphabet"
            + " (which has no 0, O, I or l)");
      }
      in58[i] = (byte) digit;
    }
    int zeros = 0;
    while (zeros < in58.length && in58[zeros] == 0) {
      zeros++;
    }
    byte[] decoded = new byte[input.length()];
    int outStart = decoded.length;
    int start = zeros;
    while (start < in58.length) {
      decoded[--outStart] = (byte) divmod(in58, start, 58, 256);
      if (in58[start] == 0) {
        start++;
      }
    }
    while (outStart < decoded.length && decoded[outStart] == 0) {
      outStart++;
    }
    return Arrays.copyOfRange(decoded, outStart - zeros, decoded.length);
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }

  /** Divides the number in {@code number[firstDigit..]} (base {@code base}) by {@code divisor}; returns the remainder. */
  private static int divmod(byte[] number, int firstDigit, int base, int divisor) {
    int remainder = 0;
    for (int i = firstDigit; i < number.length; i++) {
      int temp = remainder * base + (number[i] & 0xff);
      number[i] = (byte) (temp / divisor);
      remainder = temp % divisor;
    }
    return remainder;
  }
}
