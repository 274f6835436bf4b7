package io.taoprom.chain.tx;

import io.taoprom.chain.codec.Hex;

/**
 * A signed extrinsic, ready to submit.
 *
 * @param bytes the encoded extrinsic (with its length prefix)
 * @param hash its blake2-256 hash, as the node reports it
 * @param signer the signer's account id
 * @param nonce the nonce it was signed with
 * @param era its mortality
 * @param call the encoded call
 * @param signingPayload what was signed (the blake2-256 of the payload when that exceeded 256 bytes)
 */
public record SignedExtrinsic(byte[] bytes, byte[] hash, byte[] signer, long nonce, Era era, byte[] call,
    byte[] signingPayload) {

  /** The extrinsic as {@code 0x} hex, as {@code author_submitExtrinsic} takes it. */
  public String hex() {
    return Hex.encode(bytes);
  }

  /** The hash as {@code 0x} hex. */
  public String hashHex() {
    return Hex.encode(hash);
  }

  @Override
  public String toString() {
    return "extrinsic " + hashHex() + " (" + bytes.length + " bytes, nonce " + nonce + ")";
  }
}
