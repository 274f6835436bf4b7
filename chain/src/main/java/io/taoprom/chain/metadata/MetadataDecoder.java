package io.taoprom.chain.metadata;

import io.taoprom.core.hash.StorageHasher;
import io.taoprom.core.scale.ScaleDecodeException;
import io.taoprom.core.scale.ScaleReader;
import io.taoprom.untrusted.Excerpt;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SCALE-encoded runtime metadata, V14 or V15, into a {@link RuntimeMetadata}.
 *
 * <pre>{@code
 * RuntimeMetadata v14 = MetadataDecoder.decode(stateGetMetadataBytes);
 * RuntimeMetadata v15 = MetadataDecoder.decodeOpaqueOption(metadataAtVersionBytes);
 * }</pre>
 *
 * Truncated, malformed or hostile input fails with a {@link MetadataException} that names the
 * byte offset and the part being decoded (for example {@code pallet #7 'SubtensorModule',
 * storage entry #12}); lengths are checked against the bytes that remain before anything is
 * allocated, and every type id is checked against the registry.
 */
public final class MetadataDecoder {

  /** {@code "meta"}, little-endian. */
  private static final int MAGIC = 0x6174656d;

  private final ScaleReader in;
  private String where = "the header";

  private MetadataDecoder(byte[] bytes) {
    this.in = new ScaleReader(bytes);
  }

  /** Decodes metadata that starts with the {@code meta} magic and a version byte. */
  public static RuntimeMetadata decode(byte[] bytes) {
    MetadataDecoder d = new MetadataDecoder(bytes);
    try {
      return d.metadata();
    } catch (ScaleDecodeException e) {
      throw new MetadataException("cannot decode runtime metadata (" + bytes.length + " bytes) in "
          + d.where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes what {@code state_call("Metadata_metadata_at_version", version)} returns: an
   * {@code Option<OpaqueMetadata>} (a {@code Vec<u8>} holding the metadata).
   *
   * @throws MetadataException when the runtime answered {@code None} (it has no such version)
   */
  public static RuntimeMetadata decodeOpaqueOption(byte[] bytes) {
    ScaleReader r = new ScaleReader(bytes);
    byte[] inner;
    try {
      if (!r.readOptionTag()) {
        throw new MetadataException("the runtime has no metadata of the requested version (None)");
      }
      inner = r.readByteVec();
      r.expectEnd();
    } catch (ScaleDecodeException e) {
      throw new MetadataException("cannot decode Option<OpaqueMetadata> (" + bytes.length + " bytes): "
          + e.getMessage(), e);
    }
    return decode(inner);
  }

  private RuntimeMetadata metadata() {
    int magic = in.readI32();
    if (magic != MAGIC) {
      throw new MetadataException(String.format(
          "not runtime metadata: expected the magic 0x6d657461 ('meta'), found 0x%08x", Integer.reverseBytes(magic)));
    }
    int version = in.readU8();
    if (version != 14 && version != 15) {
      throw new MetadataException("runtime metadata V" + version + " is not supported (V14 and V15 are)");
    }
    where = "the type registry";
    PortableRegistry registry = registry();
    List<Pallet> pallets = pallets(registry, version);
    where = "the extrinsic metadata";
    ExtrinsicMetadata extrinsic = version == 14 ? extrinsicV14(registry) : extrinsicV15();
    where = "the runtime type";
    int runtimeType = typeId();
    List<RuntimeApi> apis = List.of();
    RuntimeMetadata.OuterEnums outer;
    if (version == 15) {
      where = "the runtime APIs";
      apis = runtimeApis();
      where = "the outer enums";
      outer = new RuntimeMetadata.OuterEnums(typeId(), typeId(), typeId());
      where = "the custom metadata";
      skipCustom();
    } else {
      outer = outerEnumsV14(registry, pallets, extrinsic);
    }
    where = "the end of the metadata";
    in.expectEnd();
    RuntimeMetadata md = new RuntimeMetadata(version, registry, pallets, extrinsic, runtimeType, apis, outer);
    MetadataValidator.checkTypeIds(md);
    return md;
  }

  private int typeId() {
    return in.readCompactInt();
  }

  /** The longest name accepted: Rust identifiers and type names, not prose. */
  static final int MAX_NAME_CHARS = 256;

  /**
   * A name the metadata gives (a pallet, an entry, a variant, a field, a type path segment or parameter): it
   * appears in messages, so one that a terminal could act on, or that is prose-long, makes the
   * metadata malformed. Documentation is free text and is escaped where it is shown.
   */
  private String name() {
    int at = in.position();
    String s = in.readString();
    if (s.length() > MAX_NAME_CHARS || Excerpt.needsEscaping(s)) {
      throw new MetadataException("malformed metadata at byte " + at + " in " + where + ": a name of " + s.length()
          + " characters that is not an identifier: " + Excerpt.quoted(s, 40));
    }
    return s;
  }

  private List<String> names() {
    int n = in.readLength(1);
    if (n == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(name());
    }
    return out;
  }

  private List<String> strings() {
    int n = in.readLength(1);
    if (n == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readString());
    }
    return out;
  }

  private PortableRegistry registry() {
    int n = in.readLength(2);
    List<PortableType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      where = "the type registry, entry #" + i;
      int id = typeId();
      List<String> path = names();
      int paramCount = in.readLength(2);
      List<PortableType.TypeParameter> params = new ArrayList<>(paramCount);
      for (int p = 0; p < paramCount; p++) {
        String name = name();
        Integer type = in.readOptionTag() ? typeId() : null;
        params.add(new PortableType.TypeParameter(name, type));
      }
      TypeDef def = typeDef();
      types.add(new PortableType(id, path, params, def, strings()));
    }
    return new PortableRegistry(types);
  }

  private TypeDef typeDef() {
    int at = in.position();
    int tag = in.readU8();
    switch (tag) {
      case 0:
        return new TypeDef.Composite(fields());
      case 1: {
        int n = in.readLength(4);
        List<Variant> variants = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String name = name();
          List<Field> fields = fields();
          int index = in.readU8();
          variants.add(new Variant(name, fields, index, strings()));
        }
        return new TypeDef.VariantType(variants);
      }
      case 2:
        return new TypeDef.Sequence(typeId());
      case 3: {
        long len = in.readU32();
        return new TypeDef.ArrayDef((int) Math.min(len, Integer.MAX_VALUE), typeId());
      }
      case 4: {
        int n = in.readLength(1);
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          ids.add(typeId());
        }
        return new TypeDef.Tuple(ids);
      }
      case 5: {
        int kind = in.readU8();
        if (kind >= PrimitiveKind.values().length) {
          throw new ScaleDecodeException(in.position() - 1, "a primitive type index 0..14, found " + kind);
        }
        return new TypeDef.Primitive(PrimitiveKind.values()[kind]);
      }
      case 6:
        return new TypeDef.Compact(typeId());
      case 7:
        return new TypeDef.BitSequence(typeId(), typeId());
      default:
        throw new ScaleDecodeException(at, "a type definition tag 0..7, found " + tag);
    }
  }

  private List<Field> fields() {
    int n = in.readLength(3);
    if (n == 0) {
      return List.of();
    }
    List<Field> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.readOptionTag() ? name() : null;
      int type = typeId();
      // The type as written in the source: free text (rustfmt's line breaks included), shown nowhere.
      String typeName = in.readOptionTag() ? in.readString() : null;
      out.add(new Field(name, type, typeName, strings()));
    }
    return out;
  }

  private List<Pallet> pallets(PortableRegistry registry, int version) {
    where = "the pallet list";
    int n = in.readLength(6);
    List<Pallet> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      where = "pallet #" + i;
      String name = name();
      where = "pallet #" + i + " '" + name + "'";
      List<StorageEntry> storage = List.of();
      if (in.readOptionTag()) {
        String prefix = name();
        int entries = in.readLength(5);
        storage = new ArrayList<>(entries);
        for (int e = 0; e < entries; e++) {
          where = "pallet #" + i + " '" + name + "', storage entry #" + e;
          storage.add(storageEntry(prefix));
        }
      }
      where = "pallet #" + i + " '" + name + "', calls, events and constants";
      int calls = in.readOptionTag() ? typeId() : -1;
      int events = in.readOptionTag() ? typeId() : -1;
      int constantCount = in.readLength(4);
      List<PalletConstant> constants = new ArrayList<>(constantCount);
      for (int c = 0; c < constantCount; c++) {
        constants.add(new PalletConstant(name(), typeId(), in.readByteVec(), strings()));
      }
      int errors = in.readOptionTag() ? typeId() : -1;
      int index = in.readU8();
      List<String> docs = version >= 15 ? strings() : List.of();
      out.add(new Pallet(name, index, storage, calls, events, errors,
          variantsOf(registry, calls, name, "calls"), variantsOf(registry, events, name, "events"),
          variantsOf(registry, errors, name, "errors"), constants, docs));
    }
    return out;
  }

  private static List<Variant> variantsOf(PortableRegistry registry, int type, String pallet, String what) {
    if (type < 0) {
      return List.of();
    }
    if (type >= registry.size()) {
      throw new MetadataException("pallet " + pallet + ": the type of its " + what + " (" + type
          + ") is not in the registry (" + registry.size() + " types)");
    }
    if (registry.def(type) instanceof TypeDef.VariantType v) {
      return v.variants();
    }
    throw new MetadataException("pallet " + pallet + ": the type of its " + what + " ("
        + registry.describe(type) + ") is not an enum");
  }

  private StorageEntry storageEntry(String prefix) {
    String name = name();
    int modifier = in.readU8();
    if (modifier > 1) {
      throw new ScaleDecodeException(in.position() - 1, "storage modifier 0 or 1, found " + modifier);
    }
    int kind = in.readU8();
    List<StorageHasher> hashers = List.of();
    int keyType = -1;
    int valueType;
    if (kind == 0) {
      valueType = typeId();
    } else if (kind == 1) {
      int n = in.readLength(1);
      List<StorageHasher> hs = new ArrayList<>(n);
      for (int h = 0; h < n; h++) {
        int hasher = in.readU8();
        if (hasher >= StorageHasher.values().length) {
          throw new ScaleDecodeException(in.position() - 1, "a storage hasher index 0..6, found " + hasher);
        }
        hs.add(StorageHasher.values()[hasher]);
      }
      hashers = List.copyOf(hs);
      keyType = typeId();
      valueType = typeId();
    } else {
      throw new ScaleDecodeException(in.position() - 1, "storage entry type 0 (plain) or 1 (map), found " + kind);
    }
    byte[] defaultValue = in.readByteVec();
    return new StorageEntry(prefix, name,
        modifier == 0 ? StorageEntry.Modifier.OPTIONAL : StorageEntry.Modifier.DEFAULT,
        hashers, keyType, valueType, defaultValue, strings());
  }

  private List<SignedExtensionMetadata> signedExtensions() {
    int n = in.readLength(3);
    List<SignedExtensionMetadata> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new SignedExtensionMetadata(name(), typeId(), typeId()));
    }
    return out;
  }

  private ExtrinsicMetadata extrinsicV14(PortableRegistry registry) {
    int extrinsicType = typeId();
    int version = in.readU8();
    List<SignedExtensionMetadata> extensions = signedExtensions();
    // V14 names only UncheckedExtrinsic<Address, Call, Signature, Extra>; its parameters say the rest.
    PortableType t = registry.type(extrinsicType);
    int[] ids = {-1, -1, -1, -1};
    String[] names = {"Address", "Call", "Signature", "Extra"};
    for (PortableType.TypeParameter p : t.params()) {
      // Newer runtimes call the last parameter "Extension" (transaction extensions).
      String name = p.name().equals("Extension") ? "Extra" : p.name();
      for (int k = 0; k < names.length; k++) {
        if (names[k].equals(name) && p.type() != null) {
          ids[k] = p.type();
        }
      }
    }
    for (int k = 0; k < names.length; k++) {
      if (ids[k] < 0) {
        throw new MetadataException("the extrinsic type " + registry.describe(extrinsicType)
            + " does not name its " + names[k] + " type parameter");
      }
    }
    return new ExtrinsicMetadata(version, ids[0], ids[1], ids[2], ids[3], extensions);
  }

  private ExtrinsicMetadata extrinsicV15() {
    int version = in.readU8();
    int address = typeId();
    int call = typeId();
    int signature = typeId();
    int extra = typeId();
    return new ExtrinsicMetadata(version, address, call, signature, extra, signedExtensions());
  }

  private List<RuntimeApi> runtimeApis() {
    int n = in.readLength(3);
    List<RuntimeApi> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = name();
      int methodCount = in.readLength(3);
      List<RuntimeApi.Method> methods = new ArrayList<>(methodCount);
      for (int m = 0; m < methodCount; m++) {
        String methodName = name();
        int inputCount = in.readLength(2);
        List<RuntimeApi.Param> inputs = new ArrayList<>(inputCount);
        for (int p = 0; p < inputCount; p++) {
          inputs.add(new RuntimeApi.Param(name(), typeId()));
        }
        methods.add(new RuntimeApi.Method(methodName, inputs, typeId(), strings()));
      }
      out.add(new RuntimeApi(name, methods, strings()));
    }
    return out;
  }

  private void skipCustom() {
    int n = in.readLength(3);
    for (int i = 0; i < n; i++) {
      in.readString();
      typeId();
      in.readByteVec();
    }
  }

  private static RuntimeMetadata.OuterEnums outerEnumsV14(PortableRegistry registry, List<Pallet> pallets,
      ExtrinsicMetadata extrinsic) {
    int event = -1;
    for (Pallet p : pallets) {
      if (p.name().equals("System")) {
        for (StorageEntry e : p.storage()) {
          if (e.name().equals("Events")) {
            event = eventTypeOfEvents(registry, e.valueType());
          }
        }
      }
    }
    PortableType error = registry.findByPath("RuntimeError");
    return new RuntimeMetadata.OuterEnums(extrinsic.callType(), event, error == null ? -1 : error.id());
  }

  /** {@code Vec<EventRecord<RuntimeEvent, Hash>>} → the id of {@code RuntimeEvent}. */
  private static int eventTypeOfEvents(PortableRegistry registry, int eventsType) {
    if (eventsType >= registry.size() || !(registry.def(eventsType) instanceof TypeDef.Sequence s)
        || s.elementType() >= registry.size()) {
      return -1;
    }
    for (PortableType.TypeParameter p : registry.type(s.elementType()).params()) {
      if (p.name().equals("E") && p.type() != null) {
        return p.type();
      }
    }
    return -1;
  }
}
