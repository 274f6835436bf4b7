package io.taoprom.core.scale;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

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
 * <p>Composite types take a {@link Decoder} for the inner type:
 *
 * <pre>{@code
 * List<Integer> uids = r.readVec(ScaleReader::readU16, 2);
 * Optional<Long> limit = r.readOption(ScaleReader::readU32);
 * }</pre>
 *
 * Not thread-safe.
 */
public final class ScaleReader {

  /** Reads one value of type {@code T}; method references such as {@code ScaleReader::readU32} fit. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(ScaleReader reader);
  }

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
    need(16, "u128");
    long lo = le64(pos);
    long hi = le64(pos + 8);
    pos += 16;
    // Most on-chain u128s (balances, IPv4 addresses) fit a long: skip the byte[] round trip.
    if (hi == 0 && lo >= 0) {
      return BigInteger.valueOf(lo);
    }
    byte[] be = new byte[16];
    for (int i = 0; i < 16; i++) {
      be[i] = data[pos - 1 - i];
    }
    return new BigInteger(1, be);
  }

  private static BigInteger unsignedLong(long v) {
    BigInteger b = BigInteger.valueOf(v & Long.MAX_VALUE);
    return v < 0 ? b.setBit(63) : b;
  }

  private long le64(int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[at + i] & 0xff);
    }
    return v;
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
    if ((first & 0b11) != 0b11 || (first >>> 2) + 4 <= 8) {
      long v = readCompactSmall();
      return v >= 0 ? BigInteger.valueOf(v) : unsignedLong(v);
    }
    pos += 1;
    int len = (first >>> 2) + 4;
    BigInteger v = unsigned(readFixed(len, "compact integer body"));
    if (v.bitLength() <= (len - 1) * 8) {
      pos = at;
      throw new ScaleDecodeException(at, "canonical compact, but " + v + " has a shorter encoding");
    }
    return v;
  }

  /**
   * Compact integers of at most 8 bytes, as raw 64 bits (the common case: lengths, nonces,
   * indices), without going through BigInteger.
   */
  private long readCompactSmall() {
    int at = pos;
    int first = data[pos] & 0xff;
    switch (first & 0b11) {
      case 0b00:
        pos += 1;
        return first >>> 2;
      case 0b01: {
        need(2, "compact integer in two-byte mode");
        int v = readU16() >>> 2;
        if (v < 1 << 6) {
          pos = at;
          throw new ScaleDecodeException(at, "canonical compact, but " + v + " fits in one byte");
        }
        return v;
      }
      case 0b10: {
        need(4, "compact integer in four-byte mode");
        long v = readU32() >>> 2;
        if (v < 1 << 14) {
          pos = at;
          throw new ScaleDecodeException(at, "canonical compact, but " + v + " fits in two bytes");
        }
        return v;
      }
      default: {
        int len = (first >>> 2) + 4;
        if (end - pos < 1 + len) {
          // The message is built only on failure: this path is hot for nonces and balances.
          need(1 + len, "compact integer of " + len + " bytes after its length byte");
        }
        long v = 0;
        for (int i = len; i >= 1; i--) {
          v = (v << 8) | (data[pos + i] & 0xff);
        }
        int bits = 64 - Long.numberOfLeadingZeros(v);
        if (bits <= (len - 1) * 8 || bits <= 30) {
          throw new ScaleDecodeException(at, "canonical compact, but " + Long.toUnsignedString(v)
              + " has a shorter encoding");
        }
        pos += 1 + len;
        return v;
      }
    }
  }

  /** A compact integer that must fit in a non-negative int (lengths, indices). */
  public int readCompactInt() {
    int at = pos;
    long v = readCompactLong();
    if (v > Integer.MAX_VALUE) {
      throw new ScaleDecodeException(at, "compact length below 2^31, found " + v);
    }
    return (int) v;
  }

  /** A compact integer that must fit in a non-negative long. */
  public long readCompactLong() {
    int at = pos;
    need(1, "compact integer");
    int first = data[pos] & 0xff;
    if ((first & 0b11) == 0b11 && (first >>> 2) + 4 > 8) {
      BigInteger big = readCompact();
      throw new ScaleDecodeException(at, "compact value below 2^63, found " + big);
    }
    long v = readCompactSmall();
    if (v < 0) {
      throw new ScaleDecodeException(at, "compact value below 2^63, found " + Long.toUnsignedString(v));
    }
    return v;
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
          "a sequence of " + n + " elements of at least " + minElementSize + " bytes each, but only "
              + remaining() + " bytes remain");
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

  /** {@code n} raw bytes of a fixed-size array such as {@code [u8; 32]}. */
  public byte[] readFixedBytes(int n) {
    return readBytes(n);
  }

  /** An {@code Option<T>} (also {@code Option<bool>}, which is a normal option in Rust). */
  public <T> Optional<T> readOption(Decoder<? extends T> inner) {
    if (!readOptionTag()) {
      return Optional.empty();
    }
    int at = pos;
    T v = inner.decode(this);
    if (v == null) {
      throw new ScaleDecodeException(at, "a value inside Some, but the decoder produced none");
    }
    return Optional.of(v);
  }

  /** parity-scale-codec's {@code OptionBool} shim, one byte: 0 none, 1 true, 2 false. */
  public Optional<Boolean> readOptionBool() {
    int at = pos;
    int b = readU8();
    switch (b) {
      case 0:
        return Optional.empty();
      case 1:
        return Optional.of(Boolean.TRUE);
      case 2:
        return Optional.of(Boolean.FALSE);
      default:
        throw new ScaleDecodeException(at, "OptionBool byte 0, 1 or 2, found " + b);
    }
  }

  /** A {@code Result<T, E>}: tag 0 then the ok value, tag 1 then the error value. */
  public <T, E> ScaleResult<T, E> readResult(Decoder<? extends T> ok, Decoder<? extends E> err) {
    int at = pos;
    int tag = readU8();
    switch (tag) {
      case 0:
        return ScaleResult.ok(ok.decode(this));
      case 1:
        return ScaleResult.err(err.decode(this));
      default:
        throw new ScaleDecodeException(at, "Result tag 0 (Ok) or 1 (Err), found " + tag);
    }
  }

  /**
   * A {@code Vec<T>}. The length prefix is checked against {@code minElementSize} times the
   * bytes that remain before anything is allocated (use 1 when unsure, 0 only for zero-sized
   * elements, which are then capped at the bytes that remain plus one).
   */
  public <T> List<T> readVec(Decoder<? extends T> element, int minElementSize) {
    int at = pos;
    int n = readLength(minElementSize);
    if (minElementSize <= 0 && n > remaining() + 1) {
      throw new ScaleDecodeException(at, "a sequence of zero-sized elements no longer than the input, found " + n);
    }
    return readElements(n, element);
  }

  /** A fixed-length array {@code [T; n]} (no length prefix). */
  public <T> List<T> readArray(int n, Decoder<? extends T> element) {
    if (n < 0) {
      throw new IllegalArgumentException("array length must be non-negative: " + n);
    }
    return readElements(n, element);
  }

  private <T> List<T> readElements(int n, Decoder<? extends T> element) {
    if (n == 0) {
      return Collections.emptyList();
    }
    // Capacity bounded by the input, so a hostile length cannot force a large allocation.
    List<T> out = new ArrayList<>(Math.min(n, remaining() + 1));
    for (int i = 0; i < n; i++) {
      out.add(element.decode(this));
    }
    return out;
  }

  /** The variant index of an enum with {@code variantCount} variants (indices 0..count-1). */
  public int readEnumIndex(int variantCount) {
    int at = pos;
    int idx = readU8();
    if (idx >= variantCount) {
      throw new ScaleDecodeException(at, "an enum variant index below " + variantCount + ", found " + idx);
    }
    return idx;
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
