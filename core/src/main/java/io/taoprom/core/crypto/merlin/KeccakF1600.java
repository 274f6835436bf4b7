package io.taoprom.core.crypto.merlin;

/**
 * The Keccak-f[1600] permutation (FIPS 202, section 3), on 25 little-endian 64-bit lanes.
 * BouncyCastle keeps its permutation private, and STROBE needs the bare permutation rather than
 * a padded sponge, so we carry our own. Branch-free and table-free apart from the public round
 * constants, hence constant-time in the state.
 */
final class KeccakF1600 {

  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
  };

  private KeccakF1600() {}

  /** Permutes {@code a} (lane {@code x + 5y} at index {@code x + 5y}) in place: all 24 rounds. */
  static void permute(long[] a) {
    long a00 = a[0], a01 = a[1], a02 = a[2], a03 = a[3], a04 = a[4];
    long a05 = a[5], a06 = a[6], a07 = a[7], a08 = a[8], a09 = a[9];
    long a10 = a[10], a11 = a[11], a12 = a[12], a13 = a[13], a14 = a[14];
    long a15 = a[15], a16 = a[16], a17 = a[17], a18 = a[18], a19 = a[19];
    long a20 = a[20], a21 = a[21], a22 = a[22], a23 = a[23], a24 = a[24];

    for (int round = 0; round < 24; round++) {
      // theta
      long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
      long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
      long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
      long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
      long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      a00 ^= d0; a05 ^= d0; a10 ^= d0; a15 ^= d0; a20 ^= d0;
      a01 ^= d1; a06 ^= d1; a11 ^= d1; a16 ^= d1; a21 ^= d1;
      a02 ^= d2; a07 ^= d2; a12 ^= d2; a17 ^= d2; a22 ^= d2;
      a03 ^= d3; a08 ^= d3; a13 ^= d3; a18 ^= d3; a23 ^= d3;
      a04 ^= d4; a09 ^= d4; a14 ^= d4; a19 ^= d4; a24 ^= d4;

      // rho and pi: b[y, 2x + 3y] = rot(a[x, y], r[x, y])
      long b00 = a00;
      long b10 = Long.rotateLeft(a01, 1);
      long b20 = Long.rotateLeft(a02, 62);
      long b05 = Long.rotateLeft(a03, 28);
      long b15 = Long.rotateLeft(a04, 27);
      long b16 = Long.rotateLeft(a05, 36);
      long b01 = Long.rotateLeft(a06, 44);
      long b11 = Long.rotateLeft(a07, 6);
      long b21 = Long.rotateLeft(a08, 55);
      long b06 = Long.rotateLeft(a09, 20);
      long b07 = Long.rotateLeft(a10, 3);
      long b17 = Long.rotateLeft(a11, 10);
      long b02 = Long.rotateLeft(a12, 43);
      long b12 = Long.rotateLeft(a13, 25);
      long b22 = Long.rotateLeft(a14, 39);
      long b23 = Long.rotateLeft(a15, 41);
      long b08 = Long.rotateLeft(a16, 45);
      long b18 = Long.rotateLeft(a17, 15);
      long b03 = Long.rotateLeft(a18, 21);
      long b13 = Long.rotateLeft(a19, 8);
      long b14 = Long.rotateLeft(a20, 18);
      long b24 = Long.rotateLeft(a21, 2);
      long b09 = Long.rotateLeft(a22, 61);
      long b19 = Long.rotateLeft(a23, 56);
      long b04 = Long.rotateLeft(a24, 14);

      // chi
      a00 = b00 ^ (~b01 & b02);
      a01 = b01 ^ (~b02 & b03);
      a02 = b02 ^ (~b03 & b04);
      a03 = b03 ^ (~b04 & b00);
      a04 = b04 ^ (~b00 & b01);
      a05 = b05 ^ (~b06 & b07);
      a06 = b06 ^ (~b07 & b08);
      a07 = b07 ^ (~b08 & b09);
      a08 = b08 ^ (~b09 & b05);
      a09 = b09 ^ (~b05 & b06);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);

      // iota
      a00 ^= ROUND_CONSTANTS[round];
    }

    a[0] = a00; a[1] = a01; a[2] = a02; a[3] = a03; a[4] = a04;
    a[5] = a05; a[6] = a06; a[7] = a07; a[8] = a08; a[9] = a09;
    a[10] = a10; a[11] = a11; a[12] = a12; a[13] = a13; a[14] = a14;
    a[15] = a15; a[16] = a16; a[17] = a17; a[18] = a18; a[19] = a19;
    a[20] = a20; a[21] = a21; a[22] = a22; a[23] = a23; a[24] = a24;
  }
}
