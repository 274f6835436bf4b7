package io.taoprom.chain.codec;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reading the plain values the {@link DynamicCodec} produces: typed accessors with messages that
 * say what was expected, and a readable {@code toString} (byte arrays in hex).
 *
 * <pre>{@code
 * Map<String, Object> info = Values.map(codec.decode(type, bytes));
 * long block = Values.longValue(info.get("block"));
 * }</pre>
 */
public final class Values {

  private Values() {}

  /** A composite with named fields. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new CodecException("expected a composite with named fields, found " + describe(value));
  }

  /** A sequence, tuple or array (not of bytes). */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Object value) {
    if (value instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw new CodecException("expected a sequence, found " + describe(value));
  }

  /** An enum value. */
  public static EnumValue enumValue(Object value) {
    if (value instanceof EnumValue e) {
      return e;
    }
    throw new CodecException("expected an enum value, found " + describe(value));
  }

  /** Bytes ({@code Vec<u8>}, {@code [u8; N]}, account ids, hashes). */
  public static byte[] bytes(Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    throw new CodecException("expected bytes, found " + describe(value));
  }

  /** Any integer value as a BigInteger. */
  public static BigInteger bigInteger(Object value) {
    if (value instanceof BigInteger b) {
      return b;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    throw new CodecException("expected an integer, found " + describe(value));
  }

  /** An integer value that must fit in a long. */
  public static long longValue(Object value) {
    BigInteger b = bigInteger(value);
    if (b.bitLength() > 63) {
      throw new CodecException("integer " + b + " does not fit in a long");
    }
    return b.longValue();
  }

  /** An integer value that must fit in an int. */
  public static int intValue(Object value) {
    long v = longValue(value);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new CodecException("integer " + v + " does not fit in an int");
    }
    return (int) v;
  }

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = toString(value);
    return value.getClass().getSimpleName() + " " + io.taoprom.untrusted.Excerpt.of(text, 80);
  }

  /** A readable rendering: bytes as hex, maps and lists recursively. */
  public static String toString(Object value) {
    if (value instanceof byte[] b) {
      return Hex.encode(b);
    }
    if (value instanceof boolean[] bits) {
      StringBuilder sb = new StringBuilder("bits:");
      for (boolean bit : bits) {
        sb.append(bit ? '1' : '0');
      }
      return sb.toString();
    }
    if (value instanceof Map<?, ?> m) {
      StringJoiner j = new StringJoiner(", ", "{", "}");
      m.forEach((k, v) -> j.add(k + "=" + toString(v)));
      return j.toString();
    }
    if (value instanceof List<?> l) {
      StringJoiner j = new StringJoiner(", ", "[", "]");
      l.forEach(v -> j.add(toString(v)));
      return j.toString();
    }
    return String.valueOf(value);
  }
}
