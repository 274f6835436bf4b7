package io.taoprom.chain.tx;

import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.CodecException;
import io.taoprom.chain.codec.DynamicCodec;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.metadata.Field;
import io.taoprom.chain.metadata.PortableRegistry;
import io.taoprom.chain.metadata.SignedExtensionMetadata;
import io.taoprom.chain.metadata.TypeDef;
import io.taoprom.core.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Fills the runtime's signed extensions, in metadata order, with the data each one adds: its
 * "extra" (in the extrinsic) and its "additional signed" data (only in the signing payload).
 * Values are encoded through the extension's own types, so a runtime whose tip is a {@code u64}
 * or whose nonce is a {@code u32} gets exactly what it declared.
 *
 * <p>Known: {@code CheckNonZeroSender}, {@code CheckSpecVersion}, {@code CheckTxVersion}, {@code
 * CheckGenesis}, {@code CheckMortality}/{@code CheckEra}, {@code CheckNonce}, {@code
 * CheckWeight}, {@code ChargeTransactionPayment}, {@code ChargeAssetTxPayment} (native asset),
 * {@code CheckMetadataHash} (mode {@code Disabled}). Any other extension is included when both
 * its types are zero-sized (subtensor's {@code SubtensorSignedExtension}, {@code
 * DrandPriority}, ...); one that carries data fails with a {@link TxException} naming it.
 */
public final class SignedExtensions {

  /**
   * What the extensions need.
   *
   * @param specVersion the runtime's spec version
   * @param transactionVersion the runtime's transaction version
   * @param genesisHash the chain's genesis hash (32 bytes)
   * @param era the mortality
   * @param eraBlockHash the hash of the era's birth block (the genesis hash for immortal)
   * @param nonce the sender's nonce
   * @param tip the tip, usually zero
   */
  public record Params(long specVersion, long transactionVersion, byte[] genesisHash, Era era,
      byte[] eraBlockHash, long nonce, BigInteger tip) {}

  /** The encoded extra and additional-signed data of all extensions. */
  public record Encoded(byte[] extra, byte[] additional) {}

  private SignedExtensions() {}

  /** Encodes every extension of {@code runtime} for {@code p}. */
  public static Encoded encode(ChainRuntime runtime, Params p) {
    DynamicCodec codec = runtime.codec();
    PortableRegistry registry = runtime.metadata().registry();
    ScaleWriter extra = new ScaleWriter(64);
    ScaleWriter additional = new ScaleWriter(128);
    for (SignedExtensionMetadata ext : runtime.metadata().extrinsic().signedExtensions()) {
      try {
        encodeOne(ext, p, codec, registry, extra, additional);
      } catch (CodecException e) {
        throw new TxException("signed extension " + ext.identifier() + " of runtime " + runtime
            + " does not take the expected data: " + e.getMessage(), e);
      }
    }
    return new Encoded(extra.toByteArray(), additional.toByteArray());
  }

  private static void encodeOne(SignedExtensionMetadata ext, Params p, DynamicCodec codec,
      PortableRegistry registry, ScaleWriter extra, ScaleWriter additional) {
    int x = ext.type();
    int a = ext.additionalSigned();
    switch (ext.identifier()) {
      case "CheckNonZeroSender", "CheckWeight" -> {
        requireEmpty(ext, registry, x, a);
      }
      case "CheckSpecVersion" -> {
        requireEmpty(ext, registry, x, -1);
        codec.encode(a, wrap(registry, a, p.specVersion()), additional);
      }
      case "CheckTxVersion" -> {
        requireEmpty(ext, registry, x, -1);
        codec.encode(a, wrap(registry, a, p.transactionVersion()), additional);
      }
      case "CheckGenesis" -> {
        requireEmpty(ext, registry, x, -1);
        codec.encode(a, wrap(registry, a, p.genesisHash()), additional);
      }
      case "CheckMortality", "CheckEra" -> {
        if (!resolvesToPath(registry, x, "Era")) {
          throw new TxException("signed extension " + ext.identifier() + " has extra type "
              + registry.describe(x) + ", expected an Era");
        }
        extra.writeBytes(p.era().encode());
        codec.encode(a, wrap(registry, a, p.eraBlockHash()), additional);
      }
      case "CheckNonce" -> {
        codec.encode(x, wrap(registry, x, BigInteger.valueOf(p.nonce())), extra);
        requireEmpty(ext, registry, -1, a);
      }
      case "ChargeTransactionPayment" -> {
        codec.encode(x, wrap(registry, x, p.tip()), extra);
        requireEmpty(ext, registry, -1, a);
      }
      case "ChargeAssetTxPayment" -> {
        // { tip, asset_id: Option<_> }: pay in the native token.
        codec.encode(x, Map.of("tip", p.tip(), "asset_id", EnumValue.of("None")), extra);
        requireEmpty(ext, registry, -1, a);
      }
      case "CheckMetadataHash" -> {
        // Mode::Disabled, and no hash in the payload: we do not sign against a metadata digest.
        codec.encode(x, wrap(registry, x, EnumValue.of("Disabled")), extra);
        codec.encode(a, null, additional);
      }
      default -> {
        if (!registry.isZeroSized(x) || !registry.isZeroSized(a)) {
          throw new TxException("the runtime's signed extension '" + ext.identifier()
              + "' carries data (extra " + registry.describe(x) + ", additional "
              + registry.describe(a) + ") that this client does not know how to fill;"
              + " extrinsics for this runtime cannot be built until it is supported");
        }
      }
    }
  }

  private static void requireEmpty(SignedExtensionMetadata ext, PortableRegistry registry, int extra,
      int additional) {
    if (extra >= 0 && !registry.isZeroSized(extra)) {
      throw new TxException("signed extension " + ext.identifier() + " unexpectedly carries extra data of type "
          + registry.describe(extra));
    }
    if (additional >= 0 && !registry.isZeroSized(additional)) {
      throw new TxException("signed extension " + ext.identifier()
          + " unexpectedly carries additional signed data of type " + registry.describe(additional));
    }
  }

  /**
   * Wraps {@code leaf} in the single-field structs around it ({@code CheckNonce<T>(Compact<u32>)},
   * {@code CheckMetadataHash { mode }}), so the codec sees the shape the type declares.
   */
  static Object wrap(PortableRegistry registry, int type, Object leaf) {
    TypeDef def = registry.def(type);
    if (def instanceof TypeDef.Composite c && c.fields().size() == 1) {
      Field f = c.fields().get(0);
      Object inner = wrap(registry, f.type(), leaf);
      return f.name() == null ? inner : Map.of(f.name(), inner);
    }
    return leaf;
  }

  private static boolean resolvesToPath(PortableRegistry registry, int type, String name) {
    int current = type;
    for (int hops = 0; hops < 8; hops++) {
      if (registry.type(current).simpleName().equals(name)) {
        return true;
      }
      if (registry.def(current) instanceof TypeDef.Composite c && c.fields().size() == 1) {
        current = c.fields().get(0).type();
      } else {
        return false;
      }
    }
    return false;
  }

  /** The identifiers of the runtime's extensions, in order (for messages). */
  public static List<String> identifiers(ChainRuntime runtime) {
    return runtime.metadata().extrinsic().signedExtensions().stream()
        .map(SignedExtensionMetadata::identifier).toList();
  }
}
