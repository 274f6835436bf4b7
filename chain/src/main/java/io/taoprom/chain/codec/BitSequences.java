package io.taoprom.chain.codec;

import io.taoprom.core.scale.ScaleReader;
import io.taoprom.core.scale.ScaleWriter;

/**
 * {@code BitVec<Store, Order>} as {@code bitvec} encodes it: a compact count of bits, then the
 * store words (little-endian), bit {@code i} of a word being its {@code i}-th least significant
 * bit for {@code Lsb0} and its {@code i}-th most significant for {@code Msb0}.
 */
final class BitSequences {

  private BitSequences() {}

  static boolean[] read(ScaleReader in, int storeBits, boolean msb0) {
    int bits = in.readCompactInt();
    int words = (int) (((long) bits + storeBits - 1) / storeBits);
    int storeBytes = storeBits / 8;
    byte[] raw = in.readBytes(Math.multiplyExact(words, storeBytes));
    boolean[] out = new boolean[bits];
    for (int i = 0; i < bits; i++) {
      int word = i / storeBits;
      int bit = i % storeBits;
      int position = msb0 ? storeBits - 1 - bit : bit;
      int b = raw[word * storeBytes + position / 8] & 0xff;
      out[i] = ((b >>> (position % 8)) & 1) == 1;
    }
    return out;
  }

  static void write(boolean[] bits, ScaleWriter out, int storeBits, boolean msb0) {
    out.writeCompact(bits.length);
    int words = (bits.length + storeBits - 1) / storeBits;
    int storeBytes = storeBits / 8;
    byte[] raw = new byte[words * storeBytes];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        int word = i / storeBits;
        int bit = i % storeBits;
        int position = msb0 ? storeBits - 1 - bit : bit;
        raw[word * storeBytes + position / 8] |= (byte) (1 << (position % 8));
      }
    }
    out.writeBytes(raw);
  }
}
