package io.taoprom.core.crypto.merlin;

import java.nio.charset.StandardCharsets;

/**
 * A Merlin transcript (merlin 1.0 / 2.0, "Merlin v1.0" STROBE protocol label): the
 * Fiat-Shamir hash that schnorrkel uses for signatures and key derivation.
 *
 * <pre>{@code
 * Transcript t = new Transcript(Transcript.label("SigningContext"));
 * t.appendMessage(Transcript.label(""), "substrate".getBytes(UTF_8));
 * byte[] challenge = t.challengeBytes(Transcript.label("sign:c"), 64);
 * }</pre>
 *
 * Not thread-safe; {@link #copy()} forks a transcript (what Rust's {@code clone()} does).
 */
public final class Transcript {

  private static final byte[] MERLIN_PROTOCOL_LABEL = label("Merlin v1.0");
  private static final byte[] DOM_SEP = label("dom-sep");
  private static final byte[] RNG = label("rng");

  private final Strobe128 strobe;

  /** A new transcript with the given domain-separation label. */
  public Transcript(byte[] label) {
    strobe = new Strobe128(MERLIN_PROTOCOL_LABEL);
    appendMessage(DOM_SEP, label);
  }

  private Transcript(Strobe128 strobe) {
    this.strobe = strobe;
  }

  /** The bytes of an ASCII label, for labels kept as constants. */
  public static byte[] label(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }

  /** An independent copy with the same state. */
  public Transcript copy() {
    return new Transcript(strobe.copy());
  }

  public void appendMessage(byte[] label, byte[] message) {
    appendMessage(label, message, 0, message.length);
  }

  public void appendMessage(byte[] label, byte[] message, int offset, int length) {
    strobe.metaAd(label, false);
    strobe.metaAd(le32(length), true);
    strobe.ad(message, offset, length, false);
  }

  public void appendU64(byte[] label, long value) {
    byte[] le = new byte[8];
    for (int i = 0; i < 8; i++) {
      le[i] = (byte) (value >>> (8 * i));
    }
    appendMessage(label, le);
  }

  /** Fills {@code dest} with challenge bytes bound to everything appended so far. */
  public void challengeBytes(byte[] label, byte[] dest) {
    strobe.metaAd(label, false);
    strobe.metaAd(le32(dest.length), true);
    strobe.prf(dest, 0, dest.length, false);
  }

  public byte[] challengeBytes(byte[] label, int length) {
    byte[] out = new byte[length];
    challengeBytes(label, out);
    return out;
  }

  /**
   * Derives secret bytes from this transcript's public state, secret witnesses and fresh
   * randomness, as merlin's {@code TranscriptRng} does: {@code build_rng()}, then {@code
   * rekey_with_witness_bytes(label, w)} for each witness, then {@code finalize} with 32 random
   * bytes, then one {@code fill_bytes(dest)}. This transcript is not changed.
   *
   * @param witnessLabel the label for every witness
   * @param witnesses the secret witnesses, in order
   * @param random 32 bytes from a CSPRNG
   * @param dest receives the output
   */
  public void witnessBytes(byte[] witnessLabel, byte[][] witnesses, byte[] random, byte[] dest) {
    if (random.length != 32) {
      throw new IllegalArgumentException("the transcript RNG takes 32 random bytes");
    }
    Strobe128 rng = strobe.copy();
    try {
      for (byte[] w : witnesses) {
        rng.metaAd(witnessLabel, false);
        rng.metaAd(le32(w.length), true);
        rng.key(w, false);
      }
      rng.metaAd(RNG, false);
      rng.key(random, false);
      rng.metaAd(le32(dest.length), false);
      rng.prf(dest, 0, dest.length, false);
    } finally {
      rng.wipe();
    }
  }

  /** Zeroes the state, for transcripts that absorbed secrets. */
  public void wipe() {
    strobe.wipe();
  }

  private static byte[] le32(int n) {
    return new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
  }
}
