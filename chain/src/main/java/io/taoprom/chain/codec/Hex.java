package io.taoprom.chain.codec;

/**
 * {@code 0x}-prefixed lowercase hex, the way Substrate's JSON-RPC writes bytes.
 *
 * <pre>{@code
 * byte[] key = Hex.decode("0x658faa38...");
 * String param = Hex.encode(extrinsic);
 * }</pre>
 */
public final class Hex {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** {@code 0x} followed by two lowercase digits per byte. */
  public static String encode(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = DIGITS[(bytes[i] >>> 4) & 0xf];
      out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes hex with or without {@code 0x}, ignoring surrounding whitespace.
   *
   * @throws IllegalArgumentException naming the offset of the first bad character
   */
  public static byte[] decode(CharSequence text) {
    String s = text.toString().strip();
    int start = s.startsWith("0x") || s.startsWith("0X") ? 2 : 0;
    int digits = s.length() - start;
    if (digits % 2 != 0) {
      throw new IllegalArgumentException("hex of odd length " + digits + " (after any 0x)");
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(s, start + 2 * i);
      int lo = digit(s, start + 2 * i + 1);
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  private static int digit(String s, int at) {
    char c = s.charAt(at);
    // ASCII digits only: Character.digit also takes other scripts' digits ('٥' would read as 5)
    if (!java.util.HexFormat.isHexDigit(c)) {
      throw new IllegalArgumentException("not a hex digit at offset " + at + ": "
          + io.taoprom.untrusted.Excerpt.quoted(String.valueOf(s.charAt(at)), 8));
    }
    return java.util.HexFormat.fromHexDigit(c);
  }
}
