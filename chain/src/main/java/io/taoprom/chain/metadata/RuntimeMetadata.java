package io.taoprom.chain.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoded runtime metadata (V14 or V15): a queryable view of a runtime.
 *
 * <pre>{@code
 * RuntimeMetadata md = MetadataDecoder.decode(bytes);
 * Pallet p = md.pallet("SubtensorModule");
 * int palletIndex = p.index();
 * Variant call = p.call("serve_prometheus");
 * List<SignedExtensionMetadata> extensions = md.extrinsic().signedExtensions();
 * }</pre>
 *
 * Immutable and safe to share between threads.
 */
public final class RuntimeMetadata {

  /** The call, event and error enums of the whole runtime; -1 where unknown. */
  public record OuterEnums(int callType, int eventType, int errorType) {}

  private final int version;
  private final PortableRegistry registry;
  private final List<Pallet> pallets;
  private final ExtrinsicMetadata extrinsic;
  private final int runtimeType;
  private final List<RuntimeApi> apis;
  private final OuterEnums outerEnums;
  private final Map<String, Pallet> byName = new HashMap<>();
  private final Pallet[] byIndex = new Pallet[256];

  RuntimeMetadata(int version, PortableRegistry registry, List<Pallet> pallets,
      ExtrinsicMetadata extrinsic, int runtimeType, List<RuntimeApi> apis, OuterEnums outerEnums) {
    this.version = version;
    this.registry = registry;
    this.pallets = List.copyOf(pallets);
    this.extrinsic = extrinsic;
    this.runtimeType = runtimeType;
    this.apis = List.copyOf(apis);
    this.outerEnums = outerEnums;
    for (Pallet p : pallets) {
      if (byName.put(p.name(), p) != null) {
        throw new MetadataException("two pallets are named " + p.name());
      }
      if (p.index() < 0 || p.index() > 255 || byIndex[p.index()] != null) {
        throw new MetadataException("pallet " + p.name() + " has index " + p.index()
            + ", which is out of range or already taken");
      }
      byIndex[p.index()] = p;
    }
  }

  /** 14 or 15. */
  public int version() {
    return version;
  }

  public PortableRegistry registry() {
    return registry;
  }

  public List<Pallet> pallets() {
    return pallets;
  }

  /** The pallet with this name. */
  public Pallet pallet(String name) {
    Pallet p = byName.get(name);
    if (p == null) {
      throw new MetadataException("the runtime has no pallet '" + name + "'"
          + Pallet.suggest(pallets.stream().map(Pallet::name).toList(), name));
    }
    return p;
  }

  /** Whether a pallet with this name exists. */
  public boolean hasPallet(String name) {
    return byName.containsKey(name);
  }

  /** The pallet with this index, or null. */
  public Pallet palletByIndex(int index) {
    return index < 0 || index > 255 ? null : byIndex[index];
  }

  public ExtrinsicMetadata extrinsic() {
    return extrinsic;
  }

  /** The type id of the runtime itself. */
  public int runtimeType() {
    return runtimeType;
  }

  /** The runtime APIs (V15); empty for V14. */
  public List<RuntimeApi> runtimeApis() {
    return apis;
  }

  /** The runtime API with this name, or null. */
  public RuntimeApi runtimeApi(String name) {
    for (RuntimeApi api : apis) {
      if (api.name().equals(name)) {
        return api;
      }
    }
    return null;
  }

  /** The runtime's call, event and error enums. */
  public OuterEnums outerEnums() {
    return outerEnums;
  }
}
