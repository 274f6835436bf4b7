package io.taoprom.chain.codec;

import io.taoprom.chain.metadata.Field;
import io.taoprom.chain.metadata.PortableRegistry;
import io.taoprom.chain.metadata.PortableType;
import io.taoprom.chain.metadata.PrimitiveKind;
import io.taoprom.chain.metadata.TypeDef;
import io.taoprom.chain.metadata.Variant;
import java.util.Arrays;
import java.util.List;

/**
 * Facts about registry types that the codec needs on every value, computed once per type: the
 * variant of an index, the smallest encoding (to bound hostile lengths), what a compact wraps.
 * Caches fill lazily; a racing second computation stores the same answer.
 */
final class TypeInfo {

  private final PortableRegistry registry;
  private final TypeDef[] defs;
  private final Variant[][] variantsByIndex;
  private final int[] minSizes;

  TypeInfo(PortableRegistry registry) {
    this.registry = registry;
    int n = registry.size();
    this.defs = new TypeDef[n];
    for (int i = 0; i < n; i++) {
      defs[i] = registry.def(i);
    }
    this.variantsByIndex = new Variant[n][];
    this.minSizes = new int[n];
    Arrays.fill(minSizes, -1);
  }

  TypeDef def(int id) {
    if (id < 0 || id >= defs.length) {
      throw new DynamicCodec.PathError("type id " + id + " is not in the registry (" + defs.length + " types)", null);
    }
    return defs[id];
  }

  boolean isU8(int id) {
    return def(id) instanceof TypeDef.Primitive p && p.kind() == PrimitiveKind.U8;
  }

  boolean isOption(int id) {
    List<String> path = registry.type(id).path();
    return path.size() == 1 && path.get(0).equals("Option");
  }

  Variant variant(int id, int index) {
    Variant[] table = variantsByIndex[id];
    if (table == null) {
      table = new Variant[256];
      for (Variant v : ((TypeDef.VariantType) def(id)).variants()) {
        if (v.index() >= 0 && v.index() < 256) {
          table[v.index()] = v;
        }
      }
      variantsByIndex[id] = table;
    }
    return table[index];
  }

  /** The fewest bytes any value of the type encodes to. */
  int minSize(int id) {
    int cached = minSizes[id];
    if (cached >= 0) {
      return cached;
    }
    minSizes[id] = 0; // breaks cycles: a recursive type counts as 0 while being measured
    int size = (int) Math.min(Integer.MAX_VALUE, computeMinSize(id));
    minSizes[id] = size;
    return size;
  }

  private long computeMinSize(int id) {
    TypeDef def = def(id);
    if (def instanceof TypeDef.Primitive p) {
      return p.kind() == PrimitiveKind.STR ? 1 : p.kind().size();
    }
    if (def instanceof TypeDef.Composite c) {
      return sum(c.fields());
    }
    if (def instanceof TypeDef.VariantType) {
      return 1;
    }
    if (def instanceof TypeDef.ArrayDef a) {
      return (long) a.length() * minSize(a.elementType());
    }
    if (def instanceof TypeDef.Tuple t) {
      long s = 0;
      for (int e : t.types()) {
        s += minSize(e);
      }
      return s;
    }
    return 1; // sequences, compacts and bit sequences start with a compact
  }

  private long sum(List<Field> fields) {
    long s = 0;
    for (Field f : fields) {
      s += minSize(f.type());
    }
    return s;
  }

  /** The primitive a {@code Compact<T>} carries, looking through single-field wrappers. */
  PrimitiveKind compactKind(int id) {
    int current = id;
    for (int hops = 0; hops < 8; hops++) {
      TypeDef def = def(current);
      if (def instanceof TypeDef.Primitive p && p.kind().isInteger() && !p.kind().isSigned()) {
        return p.kind();
      }
      if (def instanceof TypeDef.Composite c && c.fields().size() == 1) {
        current = c.fields().get(0).type();
        continue;
      }
      if (def instanceof TypeDef.Tuple t && t.types().isEmpty()
          || def instanceof TypeDef.Composite c2 && c2.fields().isEmpty()) {
        return null;
      }
      break;
    }
    throw new DynamicCodec.PathError("Compact<" + registry.describe(id)
        + "> does not wrap an unsigned integer", null);
  }

  int bitStoreBits(TypeDef.BitSequence b) {
    if (def(b.storeType()) instanceof TypeDef.Primitive p) {
      switch (p.kind()) {
        case U8: return 8;
        case U16: return 16;
        case U32: return 32;
        case U64: return 64;
        default: break;
      }
    }
    throw new DynamicCodec.PathError("bit sequence store type " + registry.describe(b.storeType())
        + " is not u8, u16, u32 or u64", null);
  }

  boolean isMsb0(TypeDef.BitSequence b) {
    PortableType order = registry.type(b.orderType());
    String name = order.simpleName();
    if (name.equals("Msb0")) {
      return true;
    }
    if (name.equals("Lsb0")) {
      return false;
    }
    throw new DynamicCodec.PathError("bit order type " + registry.describe(b.orderType())
        + " is neither Lsb0 nor Msb0", null);
  }
}
