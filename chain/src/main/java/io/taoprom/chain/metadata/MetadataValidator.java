package io.taoprom.chain.metadata;

/**
 * Checks decoded metadata for references that point nowhere, so that hostile or corrupt metadata
 * fails once, at decoding, with the place named — not later, deep in a codec call.
 */
final class MetadataValidator {

  private MetadataValidator() {}

  /** Every type id anywhere in the metadata must exist: a hostile id fails here, not later. */
  static void checkTypeIds(RuntimeMetadata md) {
    PortableRegistry r = md.registry();
    int n = r.size();
    for (PortableType t : r.types()) {
      for (PortableType.TypeParameter p : t.params()) {
        check(p.type() == null ? 0 : p.type(), n, "type " + t.id() + " parameter " + p.name());
      }
      TypeDef def = t.def();
      String at = "type " + t.id();
      if (def instanceof TypeDef.Composite c) {
        c.fields().forEach(f -> check(f.type(), n, at + " field " + f.name()));
      } else if (def instanceof TypeDef.VariantType v) {
        v.variants().forEach(va -> va.fields().forEach(f -> check(f.type(), n, at + " variant " + va.name())));
      } else if (def instanceof TypeDef.Sequence s) {
        check(s.elementType(), n, at);
      } else if (def instanceof TypeDef.ArrayDef a) {
        check(a.elementType(), n, at);
      } else if (def instanceof TypeDef.Tuple tu) {
        tu.types().forEach(id -> check(id, n, at));
      } else if (def instanceof TypeDef.Compact c) {
        check(c.type(), n, at);
      } else if (def instanceof TypeDef.BitSequence b) {
        check(b.storeType(), n, at);
        check(b.orderType(), n, at);
      }
    }
    for (Pallet p : md.pallets()) {
      for (StorageEntry e : p.storage()) {
        String at = "storage " + p.name() + "." + e.name();
        check(e.valueType(), n, at);
        if (!e.isPlain()) {
          check(e.keyType(), n, at);
        }
      }
      p.constants().forEach(c -> check(c.type(), n, "constant " + p.name() + "." + c.name()));
    }
    ExtrinsicMetadata x = md.extrinsic();
    for (int id : new int[] {x.addressType(), x.callType(), x.signatureType(), x.extraType()}) {
      check(id, n, "the extrinsic metadata");
    }
    for (SignedExtensionMetadata s : x.signedExtensions()) {
      check(s.type(), n, "signed extension " + s.identifier());
      check(s.additionalSigned(), n, "signed extension " + s.identifier());
    }
    check(md.runtimeType(), n, "the runtime type");
    for (RuntimeApi api : md.runtimeApis()) {
      for (RuntimeApi.Method m : api.methods()) {
        m.inputs().forEach(p -> check(p.type(), n, "runtime API " + api.name() + "." + m.name()));
        check(m.output(), n, "runtime API " + api.name() + "." + m.name());
      }
    }
  }

  private static void check(int id, int size, String where) {
    if (id < 0 || id >= size) {
      throw new MetadataException("malformed metadata: " + where + " refers to type " + id
          + ", but the registry has " + size + " types");
    }
  }}
