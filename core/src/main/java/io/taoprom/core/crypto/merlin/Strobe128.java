package io.taoprom.core.crypto.merlin;

import java.util.Arrays;

/**
 * The minimal STROBE-128 (v1.0.2) that Merlin needs: {@code meta_AD}, {@code AD}, {@code PRF}
 * and {@code KEY}, without the transport flag. Byte-compatible with the {@code strobe} module of
 * dalek-cryptography/merlin, which is what schnorrkel and therefore Substrate use.
 *
 * <p>The 200-byte state is held as the 25 little-endian lanes that Keccak-f[1600] permutes, so
 * no conversion is needed around the permutation. Every operation touches the state the same
 * way whatever the data, so secret inputs (witnesses, keys) cause no data-dependent branches.
 */
final class Strobe128 {

  private static final int R = 166;
  private static final int FLAG_I = 1;
  private static final int FLAG_A = 1 << 1;
  private static final int FLAG_C = 1 << 2;
  private static final int FLAG_M = 1 << 4;
  private static final int FLAG_K = 1 << 5;

  private final long[] state;
  private int pos;
  private int posBegin;
  private int curFlags;

  Strobe128(byte[] protocolLabel) {
    state = new long[25];
    byte[] init = {1, (byte) (R + 2), 1, 0, 1, 96,
        'S', 'T', 'R', 'O', 'B', 'E', 'v', '1', '.', '0', '.', '2'};
    for (int i = 0; i < init.length; i++) {
      xorByte(i, init[i]);
    }
    KeccakF1600.permute(state);
    metaAd(protocolLabel, false);
  }

  private Strobe128(Strobe128 other) {
    state = other.state.clone();
    pos = other.pos;
    posBegin = other.posBegin;
    curFlags = other.curFlags;
  }

  Strobe128 copy() {
    return new Strobe128(this);
  }

  /** Overwrites the state with zeros (for transcripts that saw secrets). */
  void wipe() {
    Arrays.fill(state, 0L);
    pos = 0;
    posBegin = 0;
    curFlags = 0;
  }

  void metaAd(byte[] data, boolean more) {
    beginOp(FLAG_M | FLAG_A, more);
    absorb(data, 0, data.length);
  }

  void ad(byte[] data, boolean more) {
    beginOp(FLAG_A, more);
    absorb(data, 0, data.length);
  }

  void ad(byte[] data, int off, int len, boolean more) {
    beginOp(FLAG_A, more);
    absorb(data, off, len);
  }

  void prf(byte[] out, int off, int len, boolean more) {
    beginOp(FLAG_I | FLAG_A | FLAG_C, more);
    squeeze(out, off, len);
  }

  void key(byte[] data, boolean more) {
    beginOp(FLAG_A | FLAG_C, more);
    overwrite(data);
  }

  private void runF() {
    xorByte(pos, (byte) posBegin);
    xorByte(pos + 1, (byte) 0x04);
    xorByte(R + 1, (byte) 0x80);
    KeccakF1600.permute(state);
    pos = 0;
    posBegin = 0;
  }

  private void absorb(byte[] data, int off, int len) {
    for (int i = 0; i < len; i++) {
      xorByte(pos, data[off + i]);
      if (++pos == R) {
        runF();
      }
    }
  }

  private void overwrite(byte[] data) {
    for (byte b : data) {
      int lane = pos >>> 3;
      int shift = (pos & 7) << 3;
      state[lane] = (state[lane] & ~(0xffL << shift)) | ((b & 0xffL) << shift);
      if (++pos == R) {
        runF();
      }
    }
  }

  private void squeeze(byte[] out, int off, int len) {
    for (int i = 0; i < len; i++) {
      int lane = pos >>> 3;
      int shift = (pos & 7) << 3;
      out[off + i] = (byte) (state[lane] >>> shift);
      state[lane] &= ~(0xffL << shift);
      if (++pos == R) {
        runF();
      }
    }
  }

  private void beginOp(int flags, boolean more) {
    if (more) {
      if (curFlags != flags) {
        throw new IllegalStateException("STROBE: continued an operation with different flags");
      }
      return;
    }
    int oldBegin = posBegin;
    posBegin = pos + 1;
    curFlags = flags;
    absorbByte(oldBegin);
    absorbByte(flags);
    boolean forceF = (flags & (FLAG_C | FLAG_K)) != 0;
    if (forceF && pos != 0) {
      runF();
    }
  }

  private void absorbByte(int b) {
    xorByte(pos, (byte) b);
    if (++pos == R) {
      runF();
    }
  }

  private void xorByte(int index, byte b) {
    state[index >>> 3] ^= (b & 0xffL) << ((index & 7) << 3);
  }
}
