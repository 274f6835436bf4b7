package io.taoprom.core.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.core.crypto.DeriveJunction;
import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.interop.Vectors;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ed25519Test {

  private final Ed25519Scheme ed = new Ed25519Scheme();

  @Test
  void signaturesMatchPolkadotJsExactly() {
    int checked = 0;
    for (JsonNode v : Vectors.section("edSignatures")) {
      KeyPair p = ed.fromSeed(Vectors.hex(v.get("seed")));
      assertThat(Vectors.toHex(p.publicKey())).isEqualTo(v.get("publicKey").asText());
      byte[] msg = Vectors.hex(v.get("message"));
      assertThat(Vectors.toHex(p.sign(msg))).isEqualTo(v.get("signature").asText());
      assertThat(ed.verify(p.publicKey(), msg, Vectors.hex(v.get("signature")))).isTrue();
      checked++;
    }
    assertThat(checked).isEqualTo(4);
  }

  @Test
  void tamperingWrongKeysAndNonCanonicalScalarsAreRejected() {
    KeyPair p = ed.fromSeed(new byte[32]);
    byte[] msg = {1, 2, 3};
    byte[] sig = p.sign(msg);
    for (int i = 0; i < 64; i++) {
      byte[] t = sig.clone();
      t[i] ^= 0x10;
      assertThat(ed.verify(p.publicKey(), msg, t)).as("byte %d", i).isFalse();
    }
    assertThat(ed.verify(ed.fromSeed(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).publicKey(), msg, sig)).isFalse();
    assertThat(ed.verify(p.publicKey(), msg, Arrays.copyOf(sig, 63))).isFalse();
    // S + L is congruent to S but not canonical (RFC 8032 requires S < L).
    BigInteger l = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    byte[] sLe = Arrays.copyOfRange(sig, 32, 64);
    BigInteger s = new BigInteger(1, reverse(sLe));
    byte[] sPlusL = reverse(s.add(l).toByteArray());
    byte[] forged = sig.clone();
    Arrays.fill(forged, 32, 64, (byte) 0);
    System.arraycopy(sPlusL, 0, forged, 32, Math.min(32, sPlusL.length));
    assertThat(ed.verify(p.publicKey(), msg, forged)).isFalse();
  }

  @Test
  void softDerivationIsAClearError() {
    KeyPair p = ed.fromSeed(new byte[32]);
    assertThatThrownBy(() -> p.derive(DeriveJunction.parse("soft")))
        .isInstanceOf(KeyException.class).hasMessageContaining("no soft derivation").hasMessageContaining("//");
    assertThatThrownBy(() -> ed.derivePublic(p.publicKey(), DeriveJunction.parse("soft"))).isInstanceOf(KeyException.class);
    assertThat(p.derive(DeriveJunction.parse("/hard")).seed()).isPresent();
  }

  @Test
  void secretKeyFormsAreChecked() {
    KeyPair p = ed.fromSeed(new byte[32]);
    byte[] sixtyFour = Arrays.copyOf(p.secretKey(), 64);
    System.arraycopy(p.publicKey(), 0, sixtyFour, 32, 32);
    assertThat(ed.fromSecretKey(sixtyFour).publicKey()).isEqualTo(p.publicKey());
    sixtyFour[40] ^= 1;
    assertThatThrownBy(() -> ed.fromSecretKey(sixtyFour)).hasMessageContaining("not the public key");
    assertThatThrownBy(() -> ed.fromSecretKey(new byte[10])).hasMessageContaining("got 10");
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
