package io.taoprom.core.crypto.sr25519;

import cafe.cryptography.curve25519.CompressedRistretto;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.InvalidEncodingException;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;
import io.taoprom.core.crypto.merlin.Transcript;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The schnorrkel operations Substrate's sr25519 uses, on Ristretto255 from curve25519-elisabeth
 * and our own Merlin transcript: mini-secret expansion in Ed25519 mode, Schnorr signatures with
 * the {@code substrate} signing context, and hard and soft key derivation. Each method names the
 * schnorrkel function it matches. No branch here depends on secret data; scalar and point
 * arithmetic is elisabeth's constant-time code.
 */
final class Schnorrkel {

  static final int SIGNATURE_LENGTH = 64;
  static final int PUBLIC_KEY_LENGTH = 32;

  private static final byte[] SIGNING_CONTEXT = Transcript.label("SigningContext");
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] SUBSTRATE = Transcript.label("substrate");
  private static final byte[] SIGN_BYTES = Transcript.label("sign-bytes");
  private static final byte[] PROTO_NAME = Transcript.label("proto-name");
  private static final byte[] SCHNORR_SIG = Transcript.label("Schnorr-sig");
  private static final byte[] SIGN_PK = Transcript.label("sign:pk");
  private static final byte[] SIGN_R = Transcript.label("sign:R");
  private static final byte[] SIGN_C = Transcript.label("sign:c");
  private static final byte[] SIGNING = Transcript.label("signing");
  private static final byte[] HDKD = Transcript.label("SchnorrRistrettoHDKD");
  private static final byte[] CHAIN_CODE = Transcript.label("chain-code");
  private static final byte[] SECRET_KEY = Transcript.label("secret-key");
  private static final byte[] PUBLIC_KEY = Transcript.label("public-key");
  private static final byte[] HDKD_HARD = Transcript.label("HDKD-hard");
  private static final byte[] HDKD_SCALAR = Transcript.label("HDKD-scalar");
  private static final byte[] HDKD_CHAINCODE = Transcript.label("HDKD-chaincode");
  private static final byte[] HDKD_NONCE = Transcript.label("HDKD-nonce");

  /** {@code signing_context(b"substrate")}: forked for every signature instead of rebuilt. */
  private static final Transcript SUBSTRATE_CONTEXT = newSubstrateContext();

  private Schnorrkel() {}

  private static Transcript newSubstrateContext() {
    Transcript t = new Transcript(SIGNING_CONTEXT);
    t.appendMessage(EMPTY, SUBSTRATE);
    return t;
  }

  /** A secret scalar and the seed for signing nonces: schnorrkel's {@code SecretKey}. */
  record Secret(Scalar key, byte[] nonce) {}

  /** {@code MiniSecretKey::expand(ExpansionMode::Ed25519)}. */
  static Secret expandEd25519(byte[] miniSecret) {
    SHA512Digest sha = new SHA512Digest();
    sha.update(miniSecret, 0, miniSecret.length);
    byte[] h = new byte[64];
    sha.doFinal(h, 0);
    byte[] key = Arrays.copyOf(h, 32);
    // Ed25519 clamping, then division by the cofactor so the scalar is a clean value mod l.
    key[0] &= (byte) 248;
    key[31] &= 63;
    key[31] |= 64;
    divideByCofactor(key);
    byte[] nonce = Arrays.copyOfRange(h, 32, 64);
    Scalar scalar = Scalar.fromBits(key);
    Arrays.fill(h, (byte) 0);
    Arrays.fill(key, (byte) 0);
    return new Secret(scalar, nonce);
  }

  /** Shifts a little-endian 256-bit integer right by three bits. */
  static void divideByCofactor(byte[] s) {
    int low = 0;
    for (int i = s.length - 1; i >= 0; i--) {
      int b = s[i] & 0xff;
      s[i] = (byte) ((b >>> 3) | low);
      low = (b & 0b111) << 5;
    }
  }

  /** Shifts a little-endian 256-bit integer left by three bits (dropping the top bits). */
  static void multiplyByCofactor(byte[] s) {
    int high = 0;
    for (int i = 0; i < s.length; i++) {
      int b = s[i] & 0xff;
      s[i] = (byte) ((b << 3) | high);
      high = b >>> 5;
    }
  }

  /** {@code SecretKey::to_public}: the compressed Ristretto point {@code key * B}. */
  static byte[] publicKey(Scalar key) {
    return Constants.RISTRETTO_GENERATOR_TABLE.multiply(key).compress().toByteArray();
  }

  /**
   * {@code SecretKey::sign} on {@code signing_context(b"substrate").bytes(message)}.
   *
   * @param random 32 bytes from a CSPRNG, folded into the nonce with the secret nonce seed
   */
  static byte[] sign(Secret secret, byte[] publicKey, byte[] message, byte[] random) {
    Transcript t = SUBSTRATE_CONTEXT.copy();
    t.appendMessage(SIGN_BYTES, message);
    t.appendMessage(PROTO_NAME, SCHNORR_SIG);
    t.appendMessage(SIGN_PK, publicKey);

    byte[] wide = new byte[64];
    t.witnessBytes(SIGNING, new byte[][] {secret.nonce()}, random, wide);
    Scalar r = Scalar.fromBytesModOrderWide(wide);
    Arrays.fill(wide, (byte) 0);

    byte[] bigR = Constants.RISTRETTO_GENERATOR_TABLE.multiply(r).compress().toByteArray();
    t.appendMessage(SIGN_R, bigR);
    Scalar k = challengeScalar(t, SIGN_C);
    Scalar s = k.multiplyAndAdd(secret.key(), r);

    byte[] sig = new byte[SIGNATURE_LENGTH];
    System.arraycopy(bigR, 0, sig, 0, 32);
    System.arraycopy(s.toByteArray(), 0, sig, 32, 32);
    sig[63] |= (byte) 0x80; // schnorrkel's marker that tells these from ed25519 signatures
    return sig;
  }

  /**
   * {@code PublicKey::verify_simple(b"substrate", message, Signature::from_bytes(sig))}: false for
   * a signature without the schnorrkel marker, with a non-canonical scalar, a public key that is
   * not a canonical Ristretto encoding (or is the identity), or a failing equation.
   */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || signature == null || message == null
        || publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    if ((signature[63] & 0x80) == 0) {
      return false;
    }
    byte[] sBytes = Arrays.copyOfRange(signature, 32, 64);
    sBytes[31] &= 0x7f;
    Scalar s;
    try {
      s = Scalar.fromCanonicalBytes(sBytes);
    } catch (IllegalArgumentException nonCanonical) {
      return false;
    }
    RistrettoElement a = decompress(publicKey);
    if (a == null || a.equals(RistrettoElement.IDENTITY)) {
      return false;
    }
    Transcript t = SUBSTRATE_CONTEXT.copy();
    t.appendMessage(SIGN_BYTES, message);
    t.appendMessage(PROTO_NAME, SCHNORR_SIG);
    t.appendMessage(SIGN_PK, publicKey);
    t.appendMessage(SIGN_R, signature, 0, 32);
    Scalar k = challengeScalar(t, SIGN_C);
    // R' = s*B - k*A; R is compared in its compressed form, so a non-canonical R never matches.
    RistrettoElement expected = Constants.RISTRETTO_GENERATOR_TABLE.multiply(s).subtract(a.multiply(k));
    byte[] rPrime = expected.compress().toByteArray();
    return Arrays.equals(rPrime, 0, 32, signature, 0, 32);
  }

  /** The point for a compressed Ristretto encoding, or null when it is not a canonical encoding. */
  static RistrettoElement decompress(byte[] compressed) {
    try {
      return new CompressedRistretto(compressed).decompress();
    } catch (InvalidEncodingException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@code SecretKey::hard_derive_mini_secret_key(Some(cc), b"")}: the mini secret of the hard
   * child, as Substrate's {@code derive_hard_junction} uses it.
   */
  static byte[] hardDerive(Scalar key, byte[] chainCode) {
    Transcript t = new Transcript(HDKD);
    t.appendMessage(SIGN_BYTES, EMPTY);
    t.appendMessage(CHAIN_CODE, chainCode);
    byte[] keyBytes = key.toByteArray();
    t.appendMessage(SECRET_KEY, keyBytes);
    Arrays.fill(keyBytes, (byte) 0);
    byte[] mini = t.challengeBytes(HDKD_HARD, 32);
    t.wipe();
    return mini;
  }

  /** The tweak scalar and next chain code of a soft derivation (transcript left for the nonce). */
  private static Scalar softTweak(Transcript t, byte[] publicKey, byte[] chainCode) {
    t.appendMessage(SIGN_BYTES, EMPTY);
    t.appendMessage(CHAIN_CODE, chainCode);
    t.appendMessage(PUBLIC_KEY, publicKey);
    Scalar tweak = challengeScalar(t, HDKD_SCALAR);
    t.challengeBytes(HDKD_CHAINCODE, 32); // the child chain code, which Substrate does not use
    return tweak;
  }

  /**
   * {@code SecretKey::derived_key_simple(cc, &[])}: the soft child's secret. Its nonce seed is
   * fresh witness output, so it differs per call, exactly as in schnorrkel; the scalar and so
   * the public key are deterministic.
   */
  static Secret softDerive(Secret secret, byte[] publicKey, byte[] chainCode, byte[] random) {
    Transcript t = new Transcript(HDKD);
    Scalar tweak = softTweak(t, publicKey, chainCode);
    byte[] secretBytes = toBytes(secret);
    byte[] nonce = new byte[32];
    t.witnessBytes(HDKD_NONCE, new byte[][] {secret.nonce(), secretBytes}, random, nonce);
    Arrays.fill(secretBytes, (byte) 0);
    return new Secret(secret.key().add(tweak), nonce);
  }

  /** {@code PublicKey::derived_key_simple(cc, &[])}: {@code A + tweak * B}. */
  static byte[] softDerivePublic(byte[] publicKey, byte[] chainCode) {
    RistrettoElement a = decompress(publicKey);
    if (a == null) {
      return null;
    }
    Scalar tweak = softTweak(new Transcript(HDKD), publicKey, chainCode);
    return a.add(Constants.RISTRETTO_GENERATOR_TABLE.multiply(tweak)).compress().toByteArray();
  }

  /** {@code SecretKey::to_bytes}: the canonical scalar, then the nonce seed. */
  static byte[] toBytes(Secret secret) {
    byte[] out = new byte[64];
    System.arraycopy(secret.key().toByteArray(), 0, out, 0, 32);
    System.arraycopy(secret.nonce(), 0, out, 32, 32);
    return out;
  }

  private static Scalar challengeScalar(Transcript t, byte[] label) {
    return Scalar.fromBytesModOrderWide(t.challengeBytes(label, 64));
  }
}
