package io.taoprom.core.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.core.crypto.DeriveJunction;
import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.interop.Vectors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Sr25519Test {

  private static final BigInteger L = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
  private final Sr25519Scheme sr = new Sr25519Scheme();
  private final KeyPair pair = sr.fromSeed(Vectors.hex("0x" + "42".repeat(32)));
  private final byte[] message = "serve_prometheus netuid 27".getBytes(StandardCharsets.UTF_8);

  @Test
  void reproducesScureSignaturesByteForByteGivenTheSameRandomness() {
    int checked = 0;
    for (JsonNode v : Vectors.section("srSignatures")) {
      Sr25519KeyPair p = (Sr25519KeyPair) sr.fromSeed(Vectors.hex(v.get("seed")));
      assertThat(Vectors.toHex(p.publicKey())).isEqualTo(v.get("publicKey").asText());
      byte[] msg = Vectors.hex(v.get("message"));
      byte[] sig = p.sign(msg, Vectors.hex(v.get("random")));
      assertThat(Vectors.toHex(sig)).isEqualTo(v.get("signature").asText());
      assertThat(sr.verify(p.publicKey(), msg, Vectors.hex(v.get("signature")))).isTrue();
      checked++;
    }
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void derivationsMatchSchnorrkelCompiledToWasm() {
    int checked = 0;
    for (JsonNode v : Vectors.section("wasmDerivations")) {
      KeyPair p = sr.fromSeed(Vectors.hex(v.get("seed")));
      assertThat(Vectors.toHex(p.publicKey())).isEqualTo(v.get("publicKey").asText());
      byte[] cc = Vectors.hex(v.get("chainCode"));
      assertThat(Vectors.toHex(p.derive(new DeriveJunction(cc, true)).publicKey())).isEqualTo(v.get("hardPublicKey").asText());
      assertThat(Vectors.toHex(p.derive(new DeriveJunction(cc, false)).publicKey())).isEqualTo(v.get("softPublicKey").asText());
      assertThat(Vectors.toHex(sr.derivePublic(p.publicKey(), new DeriveJunction(cc, false))))
          .isEqualTo(v.get("softPublicKey").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void signaturesAreRandomizedAndVerify() {
    byte[] a = pair.sign(message);
    byte[] b = pair.sign(message);
    assertThat(a).hasSize(64).isNotEqualTo(b);
    assertThat(pair.verify(message, a)).isTrue();
    assertThat(pair.verify(message, b)).isTrue();
    assertThat(a[63] & 0x80).as("schnorrkel marker").isEqualTo(0x80);
  }

  @Test
  void everySingleBitFlipIsRejected() {
    byte[] sig = pair.sign(message);
    for (int bit = 0; bit < 512; bit++) {
      byte[] t = sig.clone();
      t[bit >>> 3] ^= (byte) (1 << (bit & 7));
      assertThat(sr.verify(pair.publicKey(), message, t)).as("bit %d flipped", bit).isFalse();
    }
    byte[] otherMessage = message.clone();
    otherMessage[0] ^= 1;
    assertThat(sr.verify(pair.publicKey(), otherMessage, sig)).isFalse();
  }

  @Test
  void wrongKeysAndMalformedInputsAreRejected() {
    byte[] sig = pair.sign(message);
    KeyPair other = sr.fromSeed(new byte[32]);
    assertThat(sr.verify(other.publicKey(), message, sig)).isFalse();
    assertThat(sr.verify(pair.publicKey(), message, Arrays.copyOf(sig, 63))).as("truncated").isFalse();
    assertThat(sr.verify(pair.publicKey(), message, Arrays.copyOf(sig, 65))).as("too long").isFalse();
    assertThat(sr.verify(Arrays.copyOf(pair.publicKey(), 31), message, sig)).isFalse();
    assertThat(sr.verify(null, message, sig)).isFalse();
    assertThat(sr.verify(pair.publicKey(), message, null)).isFalse();
  }

  @Test
  void signaturesWithoutTheSchnorrkelMarkerAreRejected() {
    byte[] sig = pair.sign(message);
    sig[63] &= 0x7f;
    assertThat(sr.verify(pair.publicKey(), message, sig)).isFalse();
  }

  @Test
  void nonCanonicalScalarsAreRejectedThoughTheyAreCongruent() {
    byte[] sig = pair.sign(message);
    byte[] sBytes = Arrays.copyOfRange(sig, 32, 64);
    sBytes[31] &= 0x7f;
    BigInteger s = new BigInteger(1, reverse(sBytes));
    byte[] sPlusL = reverse(toFixed(s.add(L), 32));
    byte[] forged = sig.clone();
    System.arraycopy(sPlusL, 0, forged, 32, 32);
    forged[63] |= (byte) 0x80;
    assertThat(sr.verify(pair.publicKey(), message, forged)).isFalse();
  }

  @Test
  void nonCanonicalAndIdentityPublicKeysAreRejected() {
    byte[] sig = pair.sign(message);
    byte[] odd = new byte[32];
    odd[0] = 1; // a "negative" field element: never a canonical Ristretto encoding
    assertThat(sr.verify(odd, message, sig)).isFalse();
    byte[] tooBig = new byte[32];
    Arrays.fill(tooBig, (byte) 0xff);
    tooBig[0] = (byte) 0xec; // 2^255 - 20: at least p
    assertThat(sr.verify(tooBig, message, sig)).isFalse();
    byte[] highBit = pair.publicKey();
    highBit[31] |= (byte) 0x80;
    assertThat(sr.verify(highBit, message, sig)).isFalse();

    // With the identity as public key, s*B == R holds for any message: must not verify.
    byte[] identity = new byte[32];
    KeyPair one = sr.fromSecretKey(concat(littleEndian(BigInteger.ONE), new byte[32]));
    byte[] bigR = one.publicKey(); // 1*B
    byte[] forged = concat(bigR, littleEndian(BigInteger.ONE));
    forged[63] |= (byte) 0x80;
    assertThat(sr.verify(identity, message, forged)).isFalse();
  }

  @Test
  void softDerivationFromThePublicKeyMatchesTheSecretKey() {
    for (String junction : new String[] {"0", "1", "soft", "a-long-soft-junction-name-beyond-32-bytes"}) {
      DeriveJunction j = DeriveJunction.parse(junction);
      KeyPair child = pair.derive(j);
      assertThat(sr.derivePublic(pair.publicKey(), j)).isEqualTo(child.publicKey());
      assertThat(child.seed()).as("soft children have no seed").isEmpty();
      byte[] sig = child.sign(message);
      assertThat(sr.verify(child.publicKey(), message, sig)).isTrue();
    }
    assertThatThrownBy(() -> sr.derivePublic(pair.publicKey(), DeriveJunction.parse("/hard")))
        .isInstanceOf(KeyException.class).hasMessageContaining("secret key");
  }

  @Test
  void hardChildrenKnowTheirSeedAndAreDeterministic() {
    KeyPair a = pair.derive(DeriveJunction.parse("/hot"));
    KeyPair b = pair.derive(DeriveJunction.parse("/hot"));
    assertThat(a.publicKey()).isEqualTo(b.publicKey());
    assertThat(a.seed()).isPresent();
    assertThat(sr.fromSeed(a.seed().orElseThrow()).publicKey()).isEqualTo(a.publicKey());
  }

  @Test
  void secretKeyFormsRoundTrip() {
    byte[] raw = pair.secretKey();
    assertThat(raw).hasSize(64);
    assertThat(sr.fromSecretKey(raw).publicKey()).isEqualTo(pair.publicKey());
    byte[] edStyle = Sr25519Scheme.toEd25519StyleSecretKey(pair);
    assertThat(edStyle).isNotEqualTo(raw);
    assertThat(sr.fromEd25519StyleSecretKey(edStyle).publicKey()).isEqualTo(pair.publicKey());
    // The ed25519-style form has the scalar times 8: not canonical, so the plain form refuses it.
    assertThatThrownBy(() -> sr.fromSecretKey(edStyle)).isInstanceOf(KeyException.class).hasMessageContaining("ed25519-style");
    assertThatThrownBy(() -> sr.fromSecretKey(new byte[32])).hasMessageContaining("64 bytes");
    assertThatThrownBy(() -> sr.fromSeed(new byte[31])).hasMessageContaining("32 bytes, got 31");
  }

  @Test
  void toStringShowsOnlyThePublicKey() {
    assertThat(pair.toString()).contains(Vectors.toHex(pair.publicKey()).substring(2))
        .doesNotContain(Vectors.toHex(pair.secretKey()).substring(2, 20));
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }

  private static byte[] toFixed(BigInteger v, int n) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[n];
    int copy = Math.min(be.length, n);
    System.arraycopy(be, be.length - copy, out, n - copy, copy);
    return out;
  }

  private static byte[] littleEndian(BigInteger v) {
    return reverse(toFixed(v, 32));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
