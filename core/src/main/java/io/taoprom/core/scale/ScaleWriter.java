package io.taoprom.core.scale;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes SCALE-encoded values into a growing byte buffer.
 *
 * <pre>{@code
 * byte[] args = new ScaleWriter()
 *     .writeU16(netuid).writeU32(version).writeU128(ip).writeU16(port).writeU8(ipType)
 *     .toByteArray();
 * }</pre>
 *
 * Not thread-safe.
 */
public final class ScaleWriter {

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

  public ScaleWriter writeU8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public ScaleWriter writeBool(boolean v) {
    return writeU8(v ? 1 : 0);
  }

  public ScaleWriter writeU16(int v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    return this;
  }

  public ScaleWriter writeU32(long v) {
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

  public ScaleWriter writeU64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public ScaleWriter writeU128(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(U128_LIMIT) >= 0) {
      throw new IllegalArgumentException("u128 out of range: " + v);
    }
    return writeUnsigned(v, 16);
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
    byte[] be = v.toByteArray();
    byte fill = v.signum() < 0 ? (byte) 0xff : 0;
    ensure(bytes);
    for (int i = 0; i < bytes; i++) {
      int src = be.length - 1 - i;
      buf[size++] = src >= 0 ? be[src] : fill;
    }
    return this;
  }

  public ScaleWriter writeCompact(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("compact integers are unsigned: " + v);
    }
    if (v < 1L << 6) {
      return writeU8((int) (v << 2));
    }
    if (v < 1L << 14) {
      return writeU16((int) (v << 2) | 0b01);
    }
    if (v < 1L << 30) {
      return writeI32((int) (v << 2) | 0b10);
    }
    return writeCompact(BigInteger.valueOf(v));
  }

  public ScaleWriter writeCompact(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(MAX_COMPACT) >= 0) {
      throw new IllegalArgumentException("compact integer out of range [0, 2^536): " + v);
    }
    if (v.bitLength() <= 30) {
      return writeCompact(v.longValue());
    }
    int bytes = (v.bitLength() + 7) / 8;
    writeU8(((bytes - 4) << 2) | 0b11);
    return writeLittleEndian(v, bytes);
  }

  public ScaleWriter writeBytes(byte[] b) {
    return writeBytes(b, 0, b.length);
  }

  public ScaleWriter writeBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
    return this;
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
}
