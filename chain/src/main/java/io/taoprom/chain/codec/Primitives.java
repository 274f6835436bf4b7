package io.taoprom.chain.codec;

import io.taoprom.chain.metadata.PrimitiveKind;
import io.taoprom.core.scale.ScaleDecodeException;
import io.taoprom.core.scale.ScaleReader;
import io.taoprom.core.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.List;

/** Primitive values and compacts, with the Java types {@link DynamicCodec} documents. */
final class Primitives {

  private Primitives() {}

  static Object read(PrimitiveKind kind, ScaleReader in) {
    switch (kind) {
      case BOOL: return in.readBool();
      case CHAR: {
        int at = in.position();
        int cp = in.readI32();
        if (!Character.isValidCodePoint(cp)) {
          throw new ScaleDecodeException(at, "a Unicode code point, found " + Integer.toUnsignedString(cp));
        }
        return new String(Character.toChars(cp));
      }
      case STR: return in.readString();
      case U8: return in.readU8();
      case U16: return in.readU16();
      case U32: return in.readU32();
      case U64: return in.readU64Big();
      case U128: return in.readU128();
      case U256: return in.readU256();
      case I8: return (int) in.readI8();
      case I16: return (int) in.readI16();
      case I32: return in.readI32();
      case I64: return in.readI64();
      case I128: return in.readI128();
      case I256: return in.readSigned(32);
      default: throw new IllegalStateException(kind.toString());
    }
  }

  /** A compact of {@code kind} (null: of a zero-sized type), as the Java type of {@code kind}. */
  static Object fromCompact(PrimitiveKind kind, ScaleReader in) {
    if (kind == null) {
      return null;
    }
    int at = in.position();
    BigInteger v = in.readCompact();
    if (v.bitLength() > kind.size() * 8) {
      throw new ScaleDecodeException(at, "a Compact<" + kind.rustName() + ">, found " + v);
    }
    return narrow(kind, v);
  }

  private static Object narrow(PrimitiveKind kind, BigInteger v) {
    switch (kind) {
      case U8:
      case U16:
        return v.intValue();
      case U32:
        return v.longValue();
      default:
        return v;
    }
  }

  static void write(PrimitiveKind kind, Object value, ScaleWriter out) {
    switch (kind) {
      case BOOL:
        if (!(value instanceof Boolean b)) {
          throw new CodecException("expected a Boolean for bool, found " + Values.describe(value));
        }
        out.writeBool(b);
        return;
      case CHAR: {
        int cp;
        if (value instanceof String s && s.codePointCount(0, s.length()) == 1) {
          cp = s.codePointAt(0);
        } else if (value instanceof Character c) {
          cp = c;
        } else {
          throw new CodecException("expected a one-character String for char, found " + Values.describe(value));
        }
        out.writeI32(cp);
        return;
      }
      case STR:
        if (!(value instanceof String s)) {
          throw new CodecException("expected a String for str, found " + Values.describe(value));
        }
        out.writeString(s);
        return;
      default:
        break;
    }
    BigInteger v = integer(kind, value);
    int bytes = kind.size();
    if (kind.isSigned()) {
      out.writeSigned(v, bytes);
    } else {
      out.writeUnsigned(v, bytes);
    }
  }

  static void writeCompact(PrimitiveKind kind, Object value, ScaleWriter out) {
    if (kind == null) {
      if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
        throw new CodecException("expected no value for a compact of a zero-sized type, found "
            + Values.describe(value));
      }
      return;
    }
    out.writeCompact(integer(kind, value));
  }

  /** The value as an integer within the range of {@code kind}. */
  static BigInteger integer(PrimitiveKind kind, Object value) {
    BigInteger v;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      v = BigInteger.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      v = b;
    } else {
      throw new CodecException("expected an integer for " + kind.rustName() + ", found " + Values.describe(value));
    }
    int bits = kind.size() * 8;
    boolean fits = kind.isSigned() ? v.bitLength() <= bits - 1 : v.signum() >= 0 && v.bitLength() <= bits;
    if (!fits) {
      throw new CodecException(v + " is out of range for " + kind.rustName());
    }
    return v;
  }
}
