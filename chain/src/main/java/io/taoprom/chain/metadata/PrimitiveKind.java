package io.taoprom.chain.metadata;

/** The primitive types of the portable registry, in the order of their metadata index. */
public enum PrimitiveKind {
  BOOL(1), CHAR(4), STR(-1), U8(1), U16(2), U32(4), U64(8), U128(16), U256(32),
  I8(1), I16(2), I32(4), I64(8), I128(16), I256(32);

  private final int size;

  PrimitiveKind(int size) {
    this.size = size;
  }

  /** The encoded size in bytes, or -1 for {@code str} (length-prefixed). */
  public int size() {
    return size;
  }

  /** Whether this is one of the integer types. */
  public boolean isInteger() {
    return this != BOOL && this != CHAR && this != STR;
  }

  /** Whether this is a signed integer type. */
  public boolean isSigned() {
    return ordinal() >= I8.ordinal();
  }

  /** The Rust name: {@code u128}, {@code bool}, ... */
  public String rustName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
