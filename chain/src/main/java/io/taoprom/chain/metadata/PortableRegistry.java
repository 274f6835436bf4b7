package io.taoprom.chain.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime's type registry: every type the metadata refers to, by id.
 *
 * <pre>{@code
 * PortableRegistry types = md.registry();
 * String shape = types.describe(entry.valueType()); // "PrometheusInfo"
 * }</pre>
 */
public final class PortableRegistry {

  private final PortableType[] types;

  /** Builds a registry; type ids must be {@code 0..n-1} in order, as the metadata writes them. */
  public PortableRegistry(List<PortableType> types) {
    this.types = types.toArray(new PortableType[0]);
    for (int i = 0; i < this.types.length; i++) {
      if (this.types[i].id() != i) {
        throw new MetadataException("type registry entry #" + i + " has id " + this.types[i].id()
            + "; ids must be 0.." + (this.types.length - 1) + " in order");
      }
    }
  }

  /** The number of types. */
  public int size() {
    return types.length;
  }

  /** All types, by id. */
  public List<PortableType> types() {
    return List.of(types);
  }

  /** The type with this id. */
  public PortableType type(int id) {
    if (id < 0 || id >= types.length) {
      throw new MetadataException("type id " + id + " is not in the registry (" + types.length + " types)");
    }
    return types[id];
  }

  /** The shape of the type with this id. */
  public TypeDef def(int id) {
    return type(id).def();
  }

  /** The variants of an enum type, or a {@link MetadataException} naming what it is instead. */
  public TypeDef.VariantType variants(int id) {
    if (type(id).def() instanceof TypeDef.VariantType v) {
      return v;
    }
    throw new MetadataException("type " + id + " (" + describe(id) + ") is not an enum");
  }

  /** The first type whose path ends with these segments, if any. */
  public PortableType findByPath(String... suffix) {
    for (PortableType t : types) {
      List<String> path = t.path();
      if (path.size() >= suffix.length
          && path.subList(path.size() - suffix.length, path.size()).equals(Arrays.asList(suffix))) {
        return t;
      }
    }
    return null;
  }

  /**
   * A short readable rendering of a type: {@code u16}, {@code Vec<u8>}, {@code [u8; 32]},
   * {@code (u16, AccountId32)}, {@code Option<PrometheusInfo>}, {@code Compact<u128>}.
   */
  public String describe(int id) {
    return describe(id, 0);
  }

  private String describe(int id, int depth) {
    if (depth > 16) {
      return "…";
    }
    PortableType t = type(id);
    TypeDef def = t.def();
    if (def instanceof TypeDef.Primitive p) {
      return p.kind().rustName();
    }
    if (def instanceof TypeDef.Sequence s) {
      return "Vec<" + describe(s.elementType(), depth + 1) + ">";
    }
    if (def instanceof TypeDef.ArrayDef a) {
      return "[" + describe(a.elementType(), depth + 1) + "; " + a.length() + "]";
    }
    if (def instanceof TypeDef.Tuple tu) {
      List<String> parts = new ArrayList<>();
      for (int e : tu.types()) {
        parts.add(describe(e, depth + 1));
      }
      return "(" + String.join(", ", parts) + ")";
    }
    if (def instanceof TypeDef.Compact c) {
      return "Compact<" + describe(c.type(), depth + 1) + ">";
    }
    if (def instanceof TypeDef.BitSequence) {
      return "BitVec";
    }
    String name = t.simpleName();
    List<String> args = new ArrayList<>();
    for (PortableType.TypeParameter p : t.params()) {
      if (p.type() != null) {
        args.add(describe(p.type(), depth + 1));
      }
    }
    return args.isEmpty() ? name : name + "<" + String.join(", ", args) + ">";
  }

  /**
   * Whether values of this type always encode to zero bytes: empty composites and tuples, and
   * those made only of such (what {@code PhantomData} and marker signed extensions look like).
   */
  public boolean isZeroSized(int id) {
    return isZeroSized(id, 0);
  }

  private boolean isZeroSized(int id, int depth) {
    if (depth > 32) {
      return false;
    }
    TypeDef def = type(id).def();
    if (def instanceof TypeDef.Composite c) {
      for (Field f : c.fields()) {
        if (!isZeroSized(f.type(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (def instanceof TypeDef.Tuple tu) {
      for (int e : tu.types()) {
        if (!isZeroSized(e, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (def instanceof TypeDef.ArrayDef a) {
      return a.length() == 0 || isZeroSized(a.elementType(), depth + 1);
    }
    return false;
  }
}
