package io.taoprom.chain.tx;

import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.CodecException;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.metadata.ExtrinsicMetadata;
import io.taoprom.chain.metadata.PortableRegistry;
import io.taoprom.chain.metadata.TypeDef;
import io.taoprom.chain.metadata.Variant;
import io.taoprom.core.crypto.Signer;
import io.taoprom.core.hash.Blake2b;
import io.taoprom.core.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a signed v4 extrinsic for one runtime: the call encoded from metadata, the signed
 * extensions the runtime lists, the payload signed by a {@link Signer} (its blake2-256 when
 * longer than 256 bytes), {@code MultiAddress::Id} and {@code MultiSignature::Sr25519} /
 * {@code Ed25519} as the runtime's types spell them.
 *
 * <pre>{@code
 * SignedExtrinsic xt = ExtrinsicBuilder.forRuntime(runtime, genesisHash)
 *     .call("SubtensorModule", "serve_prometheus", Map.of("netuid", 1, "version", 100L,
 *         "ip", BigInteger.valueOf(0x0a000001L), "port", 9400, "ip_type", 4))
 *     .signer(hotkey)
 *     .nonce(nonce)
 *     .mortal(64, header.number() - 1, header.parentHash())
 *     .build();
 * }</pre>
 *
 * Not thread-safe; build one extrinsic per builder.
 */
public final class ExtrinsicBuilder {

  private static final int SIGNED_V4 = 0x84;

  private final ChainRuntime runtime;
  private final byte[] genesisHash;
  private byte[] call;
  private Signer signer;
  private byte[] signerAccount;
  private String signerScheme;
  private long nonce = -1;
  private BigInteger tip = BigInteger.ZERO;
  private Era era = Era.immortal();
  private byte[] eraBlockHash;

  private ExtrinsicBuilder(ChainRuntime runtime, byte[] genesisHash) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    if (genesisHash.length != 32) {
      throw new IllegalArgumentException("a genesis hash has 32 bytes, got " + genesisHash.length);
    }
    this.genesisHash = genesisHash.clone();
    ExtrinsicMetadata x = runtime.metadata().extrinsic();
    if (x.version() != 4) {
      throw new TxException("runtime " + runtime + " uses extrinsic format v" + x.version()
          + "; this client builds v4");
    }
  }

  /** A builder for extrinsics of {@code runtime} on the chain with this genesis hash ({@code 0x…}). */
  public static ExtrinsicBuilder forRuntime(ChainRuntime runtime, String genesisHash) {
    return new ExtrinsicBuilder(runtime, Hex.decode(genesisHash));
  }

  /** The call {@code pallet.callName} with arguments by name (as {@link io.taoprom.chain.codec.DynamicCodec} values). */
  public ExtrinsicBuilder call(String pallet, String callName, Map<String, ?> args) {
    runtime.metadata().pallet(pallet).call(callName); // names a missing pallet or call clearly
    try {
      this.call = runtime.codec().encode(runtime.metadata().extrinsic().callType(),
          EnumValue.of(pallet, EnumValue.of(callName, args)));
    } catch (CodecException e) {
      throw new TxException("cannot encode " + pallet + "." + callName + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** An already encoded call. */
  public ExtrinsicBuilder call(byte[] encodedCall) {
    this.call = encodedCall.clone();
    return this;
  }

  /** Signs with this key. */
  public ExtrinsicBuilder signer(Signer key) {
    this.signer = Objects.requireNonNull(key, "signer");
    this.signerAccount = key.publicKey();
    this.signerScheme = key.scheme();
    return this;
  }

  /**
   * The account and scheme of a signer that signs elsewhere; use {@link #signingPayload()} and
   * {@link #build(byte[])}.
   */
  public ExtrinsicBuilder signerAccount(byte[] accountId, String scheme) {
    this.signerAccount = accountId.clone();
    this.signerScheme = scheme;
    return this;
  }

  public ExtrinsicBuilder nonce(long accountNonce) {
    if (accountNonce < 0) {
      throw new IllegalArgumentException("nonce must not be negative: " + accountNonce);
    }
    this.nonce = accountNonce;
    return this;
  }

  public ExtrinsicBuilder tip(BigInteger amount) {
    this.tip = Objects.requireNonNull(amount, "tip");
    return this;
  }

  /** Valid forever (the default). */
  public ExtrinsicBuilder immortal() {
    this.era = Era.immortal();
    this.eraBlockHash = null;
    return this;
  }

  /**
   * Valid for {@code period} blocks from block {@code checkpointNumber}, whose hash is {@code
   * checkpointHash} (for example the best block's parent: its number and the header's
   * {@code parentHash}).
   */
  public ExtrinsicBuilder mortal(long period, long checkpointNumber, String checkpointHash) {
    Era e = Era.mortal(period, checkpointNumber);
    if (e.birth(checkpointNumber) != checkpointNumber) {
      throw new IllegalArgumentException("period " + period + " quantizes the era so that block "
          + checkpointNumber + " is not its birth; use a period of at most 4096");
    }
    this.era = e;
    this.eraBlockHash = Hex.decode(checkpointHash);
    return this;
  }

  private SignedExtensions.Encoded extensions() {
    if (call == null) {
      throw new TxException("no call set");
    }
    if (nonce < 0) {
      throw new TxException("no nonce set; read it with system_accountNextIndex");
    }
    return SignedExtensions.encode(runtime, new SignedExtensions.Params(runtime.specVersion(),
        runtime.transactionVersion(), genesisHash, era, era.isImmortal() ? genesisHash : eraBlockHash,
        nonce, tip));
  }

  /** What the signer signs: call, extra and additional data, hashed when over 256 bytes. */
  public byte[] signingPayload() {
    SignedExtensions.Encoded ext = extensions();
    byte[] payload = new ScaleWriter(call.length + ext.extra().length + ext.additional().length)
        .writeBytes(call).writeBytes(ext.extra()).writeBytes(ext.additional()).toByteArray();
    return payload.length > 256 ? Blake2b.hash256(payload) : payload;
  }

  /** Signs with the signer and assembles the extrinsic. */
  public SignedExtrinsic build() {
    if (signer == null) {
      throw new TxException("no signer set");
    }
    byte[] payload = signingPayload();
    return assemble(payload, signer.sign(payload));
  }

  /** Assembles the extrinsic with a signature made elsewhere over {@link #signingPayload()}. */
  public SignedExtrinsic build(byte[] signature) {
    return assemble(signingPayload(), signature);
  }

  private SignedExtrinsic assemble(byte[] payload, byte[] signature) {
    if (signerAccount == null) {
      throw new TxException("no signer set");
    }
    SignedExtensions.Encoded ext = extensions();
    ExtrinsicMetadata x = runtime.metadata().extrinsic();
    ScaleWriter body = new ScaleWriter(128 + call.length);
    body.writeU8(SIGNED_V4);
    runtime.codec().encode(x.addressType(), address(x.addressType()), body);
    runtime.codec().encode(x.signatureType(), signatureValue(x.signatureType(), signature), body);
    body.writeBytes(ext.extra());
    body.writeBytes(call);
    byte[] inner = body.toByteArray();
    byte[] bytes = new ScaleWriter(inner.length + 4).writeCompact(inner.length).writeBytes(inner).toByteArray();
    return new SignedExtrinsic(bytes, Blake2b.hash256(bytes), signerAccount.clone(), nonce, era, call.clone(),
        payload);
  }

  private Object address(int type) {
    PortableRegistry r = runtime.metadata().registry();
    if (r.def(type) instanceof TypeDef.VariantType v) {
      if (v.byName("Id") == null) {
        throw new TxException("the address type " + r.describe(type) + " has no Id variant");
      }
      return EnumValue.of("Id", signerAccount);
    }
    return signerAccount;
  }

  private Object signatureValue(int type, byte[] signature) {
    PortableRegistry r = runtime.metadata().registry();
    if (r.def(type) instanceof TypeDef.VariantType v) {
      String scheme = signerScheme == null ? "" : signerScheme.toLowerCase(Locale.ROOT);
      for (Variant variant : v.variants()) {
        if (variant.name().toLowerCase(Locale.ROOT).equals(scheme)) {
          return EnumValue.of(variant.name(), signature);
        }
      }
      throw new TxException("the runtime's signature type " + r.describe(type) + " has no variant for "
          + signerScheme + " keys; it has " + v.variants().stream().map(Variant::name).toList());
    }
    return signature;
  }
}
