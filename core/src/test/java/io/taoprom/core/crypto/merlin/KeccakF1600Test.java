package io.taoprom.core.crypto.merlin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class KeccakF1600Test {

  /** Keccak-256 as a sponge over our permutation (rate 136, Keccak padding 0x01 ... 0x80). */
  private static byte[] keccak256(byte[] msg) {
    long[] st = new long[25];
    int rate = 136;
    byte[] padded = new byte[(msg.length / rate + 1) * rate];
    System.arraycopy(msg, 0, padded, 0, msg.length);
    padded[msg.length] ^= 0x01;
    padded[padded.length - 1] ^= (byte) 0x80;
    for (int off = 0; off < padded.length; off += rate) {
      for (int i = 0; i < rate; i++) {
        st[i >>> 3] ^= (padded[off + i] & 0xffL) << (8 * (i & 7));
      }
      KeccakF1600.permute(st);
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (st[i >>> 3] >>> (8 * (i & 7)));
    }
    return out;
  }

  @Test
  void matchesBouncyCastleKeccak256ForManyLengths() {
    Random rnd = new Random(1600);
    for (int len = 0; len < 600; len += 7) {
      byte[] msg = new byte[len];
      rnd.nextBytes(msg);
      KeccakDigest bc = new KeccakDigest(256);
      bc.update(msg, 0, len);
      byte[] expected = new byte[32];
      bc.doFinal(expected, 0);
      assertThat(keccak256(msg)).as("length %d", len).isEqualTo(expected);
    }
  }
}
