package io.taoprom.chain.metadata;

import java.util.List;

/** The shape of a type in the portable registry. */
public sealed interface TypeDef {

  /** A struct: named fields, or unnamed (tuple struct) fields. */
  record Composite(List<Field> fields) implements TypeDef {}

  /** An enum. */
  record VariantType(List<Variant> variants) implements TypeDef {

    /** The variant with this discriminant, or null. */
    public Variant byIndex(int index) {
      for (Variant v : variants) {
        if (v.index() == index) {
          return v;
        }
      }
      return null;
    }

    /** The variant with this name, or null. */
    public Variant byName(String name) {
      for (Variant v : variants) {
        if (v.name().equals(name)) {
          return v;
        }
      }
      return null;
    }
  }

  /** {@code Vec<T>}: a compact length, then the elements. */
  record Sequence(int elementType) implements TypeDef {}

  /** {@code [T; N]}. */
  record ArrayDef(int length, int elementType) implements TypeDef {}

  /** {@code (A, B, ...)}; the empty tuple is {@code ()}. */
  record Tuple(List<Integer> types) implements TypeDef {}

  /** A primitive. */
  record Primitive(PrimitiveKind kind) implements TypeDef {}

  /** {@code Compact<T>}. */
  record Compact(int type) implements TypeDef {}

  /** {@code BitVec<Store, Order>}. */
  record BitSequence(int storeType, int orderType) implements TypeDef {}
}
