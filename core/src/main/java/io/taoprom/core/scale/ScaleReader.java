package io.taoprom.core.scale;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Reads SCALE-encoded values from a byte array, front to back. Every read checks the bytes that
 * remain first, so truncated or hostile input fails with a {@link ScaleDecodeException} naming
 * the offset, never with an index error or a huge allocation.
 *
 * <pre>{@code
 * ScaleReader r = new ScaleReader(bytes);
 * int netuid = r.readU16();
 * long version = r.readU32();
 * BigInteger ip = r.readU128();
 * }</pre>
 *
 * Not thread-safe.
 */
public final class ScaleReader {

  private final byte[] data;
  private final int end;
  private int pos;

  public ScaleReader(byte[] data) {
    this(data, 0, data.length);
  }

  public ScaleReader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > data.length) {
      throw new IllegalArgumentException("range outside array");
    }
    this.data = data;
    this.pos = offset;
    this.end = offset + length;
  }

  /** The current offset into the underlying array. */
  public int position() {
    return pos;
  }

  /** Bytes not yet read. */
  public int remaining() {
    return end - pos;
  }

  public boolean hasRemaining() {
    return pos < end;
  }

  /** Fails unless every byte was consumed (for decoding a whole value). */
  public void expectEnd() {
    if (pos != end) {
      throw new ScaleDecodeException(pos, "end of input, but " + remaining() + " bytes remain");
    }
  }

  private void need(int n, String what) {
    if (n < 0 || end - pos < n) {
      throw new ScaleDecodeException(pos, what + " (" + n + " bytes), but only " + remaining() + " remain");
    }
  }

  public int readU8() {
    need(1, "u8");
    return data[pos++] & 0xff;
  }

  public byte readI8() {
    need(1, "i8");
    return data[pos++];
  }

  public boolean readBool() {
    int at = pos;
    int b = readU8();
    if (b > 1) {
      throw new ScaleDecodeException(at, "bool 0 or 1, found " + b);
    }
    return b == 1;
  }

  public int readU16() {
    need(2, "u16");
    int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  public short readI16() {
    return (short) readU16();
  }

  /** A u32 as a non-negative long. */
  public long readU32() {
    return readI32() & 0xffffffffL;
  }

  public int readI32() {
    need(4, "32-bit integer");
    int v = (data[pos] & 0xff)
        | (data[pos + 1] & 0xff) << 8
        | (data[pos + 2] & 0xff) << 16
        | (data[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  /** A u64 as the raw 64 bits; use {@link Long#toUnsignedString} or {@link #readU64Big}. */
  public long readI64() {
    need(8, "64-bit integer");
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[pos + i] & 0xff);
    }
    pos += 8;
    return v;
  }

  public long readU64() {
    return readI64();
  }

  public BigInteger readU64Big() {
    return unsigned(readFixed(8, "u64"));
  }

  public BigInteger readU128() {
    return unsigned(readFixed(16, "u128"));
  }

  public BigInteger readI128() {
    return signed(readFixed(16, "i128"));
  }

  public BigInteger readU256() {
    return unsigned(readFixed(32, "u256"));
  }

  /** Reads a little-endian unsigned integer of the given width in bytes. */
  public BigInteger readUnsigned(int bytes) {
    return unsigned(readFixed(bytes, "u" + bytes * 8));
  }

  /** Reads a little-endian two's-complement integer of the given width in bytes. */
  public BigInteger readSigned(int bytes) {
    return signed(readFixed(bytes, "i" + bytes * 8));
  }

  private byte[] readFixed(int n, String what) {
    need(n, what);
    byte[] be = new byte[n];
    for (int i = 0; i < n; i++) {
      be[n - 1 - i] = data[pos + i];
    }
    pos += n;
    return be;
  }

  private static BigInteger unsigned(byte[] bigEndian) {
    return new BigInteger(1, bigEndian);
  }

  private static BigInteger signed(byte[] bigEndian) {
    return new BigInteger(bigEndian);
  }

  /** A compact integer of any size (up to 2^536 - 1). */
  public BigInteger readCompact() {
    int at = pos;
    need(1, "compact integer");
    int first = data[pos] & 0xff;
    switch (first & 0b11) {
      case 0b00:
        pos += 1;
        return BigInteger.valueOf(first >>> 2);
      case 0b01: {
        int v = readU16() >>> 2;
        if (v < 1 << 6) {
          throw new ScaleDecodeException(at, "canonical compact, but " + v + " fits in one byte");
        }
        return BigInteger.valueOf(v);
      }
      case 0b10: {
        long v = readU32() >>> 2;
        if (v < 1 << 14) {
          throw new ScaleDecodeException(at, "canonical compact, but " + v + " fits in two bytes");
        }
        return BigInteger.valueOf(v);
      }
      default: {
        pos += 1;
        int len = (first >>> 2) + 4;
        BigInteger v = unsigned(readFixed(len, "compact big-integer body"));
        if (v.bitLength() <= 30 || v.bitLength() <= (len - 1) * 8) {
          throw new ScaleDecodeException(at, "canonical compact, but " + v + " has a shorter encoding");
        }
        return v;
      }
    }
  }

  /** A compact integer that must fit in a non-negative int (lengths, indices). */
  public int readCompactInt() {
    int at = pos;
    BigInteger v = readCompact();
    if (v.bitLength() > 31) {
      throw new ScaleDecodeException(at, "compact length below 2^31, found " + v);
    }
    return v.intValue();
  }

  /** A compact integer that must fit in a long. */
  public long readCompactLong() {
    int at = pos;
    BigInteger v = readCompact();
    if (v.bitLength() > 63) {
      throw new ScaleDecodeException(at, "compact value below 2^63, found " + v);
    }
    return v.longValue();
  }

  /**
   * A length prefix for {@code elementSize}-byte elements, checked against the bytes that remain
   * before anything is allocated. Use a minimum element size of 1 for variable-sized elements.
   */
  public int readLength(int minElementSize) {
    int at = pos;
    int n = readCompactInt();
    if (minElementSize > 0 && (long) n * minElementSize > remaining()) {
      throw new ScaleDecodeException(at,
          "a sequence of " + n + " elements, but only " + remaining() + " bytes remain");
    }
    return n;
  }

  /** {@code n} raw bytes. */
  public byte[] readBytes(int n) {
    need(n, "byte array");
    byte[] out = new byte[n];
    System.arraycopy(data, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** Skips {@code n} bytes. */
  public void skip(int n) {
    need(n, "bytes to skip");
    pos += n;
  }

  /** A {@code Vec<u8>}: compact length then the bytes. */
  public byte[] readByteVec() {
    return readBytes(readLength(1));
  }

  /** A UTF-8 string: compact length then the bytes; invalid UTF-8 is an error. */
  public String readString() {
    int at = pos;
    byte[] b = readByteVec();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ScaleDecodeException(at, "a UTF-8 string");
    }
  }

  /** The tag of an {@code Option}: true for {@code Some}. */
  public boolean readOptionTag() {
    int at = pos;
    int b = readU8();
    if (b > 1) {
      throw new ScaleDecodeException(at, "Option tag 0 or 1, found " + b);
    }
    return b == 1;
  }
}
