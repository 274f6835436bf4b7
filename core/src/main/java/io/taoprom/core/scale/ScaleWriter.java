package io.taoprom.core.scale;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Writes SCALE-encoded values into a growing byte buffer.
 *
 * <pre>{@code
 * byte[] args = new ScaleWriter()
 *     .writeU16(netuid).writeU32(version).writeU128(ip).writeU16(port).writeU8(ipType)
 *     .toByteArray();
 * }</pre>
 *
 * <p>Structs and tuples are their fields written one after the other; {@code Option}, {@code
 * Result}, {@code Vec}, fixed arrays and enums have helpers that take an {@link Encoder} for the
 * inner type. Out-of-range arguments raise {@link IllegalArgumentException} naming the value, so
 * a caller bug never turns into silently truncated bytes on chain.
 *
 * <p>Not thread-safe.
 */
public final class ScaleWriter {

  /** Writes one value of type {@code T}; method references such as {@code ScaleWriter::writeU32} fit. */
  @FunctionalInterface
  public interface Encoder<T> {
    void encode(ScaleWriter writer, T value);
  }

  private static final BigInteger MAX_COMPACT = BigInteger.ONE.shiftLeft(536);
  private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

  private byte[] buf;
  private int size;

  public ScaleWriter() {
    this(64);
  }

  public ScaleWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Forgets everything written, keeping the buffer (for reuse in loops). */
  public ScaleWriter reset() {
    size = 0;
    return this;
  }

  // ---------------------------------------------------------------- fixed-width integers

  /** A u8; {@code v} must be in [0, 255]. */
  public ScaleWriter writeU8(int v) {
    checkRange(v, 0, 0xff, "u8");
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  /** An i8; {@code v} must be in [-128, 127]. */
  public ScaleWriter writeI8(int v) {
    checkRange(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "i8");
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public ScaleWriter writeBool(boolean v) {
    return writeU8(v ? 1 : 0);
  }

  /** A u16; {@code v} must be in [0, 65535]. */
  public ScaleWriter writeU16(int v) {
    checkRange(v, 0, 0xffff, "u16");
    return putShort(v);
  }

  /** An i16; {@code v} must be in [-32768, 32767]. */
  public ScaleWriter writeI16(int v) {
    checkRange(v, Short.MIN_VALUE, Short.MAX_VALUE, "i16");
    return putShort(v);
  }

  private ScaleWriter putShort(int v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    return this;
  }

  /** A u32; {@code v} must be in [0, 2^32). */
  public ScaleWriter writeU32(long v) {
    if (v < 0 || v > 0xffffffffL) {
      throw new IllegalArgumentException("u32 out of range [0, 4294967295]: " + v);
    }
    return writeI32((int) v);
  }

  public ScaleWriter writeI32(int v) {
    ensure(4);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 24);
    return this;
  }

  /**
   * A u64 given as its raw 64 bits: values at or above 2^63 are negative longs (as from {@link
   * Long#parseUnsignedLong}). Use {@link #writeU64(BigInteger)} for a checked value.
   */
  public ScaleWriter writeU64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** A u64; {@code v} must be in [0, 2^64). */
  public ScaleWriter writeU64(BigInteger v) {
    return writeUnsigned(v, 8);
  }

  public ScaleWriter writeI64(long v) {
    return writeU64(v);
  }

  public ScaleWriter writeU128(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(U128_LIMIT) >= 0) {
      throw new IllegalArgumentException("u128 out of range [0, 2^128): " + v);
    }
    return writeLittleEndian(v, 16);
  }

  public ScaleWriter writeI128(BigInteger v) {
    return writeSigned(v, 16);
  }

  public ScaleWriter writeU256(BigInteger v) {
    return writeUnsigned(v, 32);
  }

  /** A little-endian unsigned integer of the given width in bytes. */
  public ScaleWriter writeUnsigned(BigInteger v, int bytes) {
    if (v.signum() < 0 || v.bitLength() > bytes * 8) {
      throw new IllegalArgumentException("value does not fit in u" + bytes * 8 + ": " + v);
    }
    return writeLittleEndian(v, bytes);
  }

  /** A little-endian two's-complement integer of the given width in bytes. */
  public ScaleWriter writeSigned(BigInteger v, int bytes) {
    if (v.bitLength() > bytes * 8 - 1) {
      throw new IllegalArgumentException("value does not fit in i" + bytes * 8 + ": " + v);
    }
    return writeLittleEndian(v, bytes);
  }

  private ScaleWriter writeLittleEndian(BigInteger v, int bytes) {
    // Values that fit a long avoid BigInteger.toByteArray's allocation (hot for u128 balances).
    if (v.bitLength() <= 63) {
      long l = v.longValue();
      long fill = l < 0 ? -1L : 0L;
      ensure(bytes);
      for (int i = 0; i < bytes; i++) {
        buf[size++] = i < 8 ? (byte) (l >>> (8 * i)) : (byte) fill;
      }
      return this;
    }
    byte[] be = v.toByteArray();
    byte fill = v.signum() < 0 ? (byte) 0xff : 0;
    ensure(bytes);
    for (int i = 0; i < bytes; i++) {
      int src = be.length - 1 - i;
      buf[size++] = src >= 0 ? be[src] : fill;
    }
    return this;
  }

  private static void checkRange(long v, long min, long max, String type) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(type + " out of range [" + min + ", " + max + "]: " + v);
    }
  }

  // ---------------------------------------------------------------- compact integers

  public ScaleWriter writeCompact(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("compact integers are unsigned: " + v);
    }
    if (v < 1L << 6) {
      ensure(1);
      buf[size++] = (byte) (v << 2);
      return this;
    }
    if (v < 1L << 14) {
      return putShort((int) (v << 2) | 0b01);
    }
    if (v < 1L << 30) {
      return writeI32((int) (v << 2) | 0b10);
    }
    // Big-integer mode: a length byte, then the fewest little-endian bytes that hold v.
    int bytes = (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
    ensure(1 + bytes);
    buf[size++] = (byte) (((bytes - 4) << 2) | 0b11);
    for (int i = 0; i < bytes; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public ScaleWriter writeCompact(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(MAX_COMPACT) >= 0) {
      throw new IllegalArgumentException("compact integer out of range [0, 2^536): " + v);
    }
    if (v.bitLength() <= 63) {
      return writeCompact(v.longValue());
    }
    int bytes = (v.bitLength() + 7) / 8;
    writeU8(((bytes - 4) << 2) | 0b11);
    return writeLittleEndian(v, bytes);
  }

  // ---------------------------------------------------------------- bytes and strings

  public ScaleWriter writeBytes(byte[] b) {
    return writeBytes(b, 0, b.length);
  }

  public ScaleWriter writeBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
    return this;
  }

  /** A {@code [u8; N]}: exactly {@code length} bytes, no prefix. */
  public ScaleWriter writeFixedBytes(byte[] b, int length) {
    if (b.length != length) {
      throw new IllegalArgumentException("[u8; " + length + "] needs " + length + " bytes, got " + b.length);
    }
    return writeBytes(b);
  }

  /** A {@code Vec<u8>}: compact length, then the bytes. */
  public ScaleWriter writeByteVec(byte[] b) {
    writeCompact(b.length);
    return writeBytes(b);
  }

  /** A UTF-8 string: compact length, then the bytes. */
  public ScaleWriter writeString(String s) {
    return writeByteVec(s.getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- composite types

  /** An {@code Option<T>}: 0x00 for empty, 0x01 then the value (also for {@code Option<bool>}). */
  public <T> ScaleWriter writeOption(Optional<? extends T> value, Encoder<T> inner) {
    if (value.isEmpty()) {
      return writeU8(0);
    }
    writeU8(1);
    inner.encode(this, value.get());
    return this;
  }

  /**
   * parity-scale-codec's {@code OptionBool} shim, one byte: 0 none, 1 true, 2 false. (A plain
   * Rust {@code Option<bool>} is a normal {@code Option}: use {@link #writeOption}.)
   */
  public ScaleWriter writeOptionBool(Optional<Boolean> value) {
    return writeU8(value.isEmpty() ? 0 : value.get() ? 1 : 2);
  }

  /** A {@code Result<T, E>}: 0x00 then the ok value, or 0x01 then the error value. */
  public <T, E> ScaleWriter writeResult(ScaleResult<? extends T, ? extends E> result, Encoder<T> ok, Encoder<E> err) {
    if (result.isOk()) {
      writeU8(0);
      ok.encode(this, result.ok());
    } else {
      writeU8(1);
      err.encode(this, result.error());
    }
    return this;
  }

  /** A {@code Vec<T>}: compact length, then each element. */
  public <T> ScaleWriter writeVec(Collection<? extends T> values, Encoder<T> element) {
    writeCompact(values.size());
    for (T v : values) {
      element.encode(this, v);
    }
    return this;
  }

  /** A fixed-length array {@code [T; length]}: the elements without a length prefix. */
  public <T> ScaleWriter writeArray(List<? extends T> values, int length, Encoder<T> element) {
    if (values.size() != length) {
      throw new IllegalArgumentException("[T; " + length + "] needs " + length + " elements, got " + values.size());
    }
    for (T v : values) {
      element.encode(this, v);
    }
    return this;
  }

  /** The variant index of an enum (one byte); the variant's fields follow, written by the caller. */
  public ScaleWriter writeEnumIndex(int index) {
    if (index < 0 || index > 255) {
      throw new IllegalArgumentException("enum variant index out of range [0, 255]: " + index);
    }
    return writeU8(index);
  }
}
