package io.taoprom.chain.metadata;

import io.taoprom.core.hash.StorageHasher;
import java.util.List;

/**
 * A storage item of a pallet: a plain value, or a map keyed through one hasher per key.
 *
 * @param pallet the storage prefix (the pallet name)
 * @param name the item name ({@code Prometheus})
 * @param modifier whether a missing value reads as {@code None} or as {@link #defaultValue()}
 * @param hashers one per key; empty for a plain value
 * @param keyType the key type id: the key itself for one hasher, a tuple of the keys for more;
 *     -1 for a plain value
 * @param valueType the value type id
 * @param defaultValue the SCALE bytes a missing value reads as
 * @param docs documentation lines
 */
public record StorageEntry(String pallet, String name, Modifier modifier, List<StorageHasher> hashers,
    int keyType, int valueType, byte[] defaultValue, List<String> docs) {

  /** {@code Optional}: missing means {@code None}. {@code Default}: missing means the default. */
  public enum Modifier { OPTIONAL, DEFAULT }

  /** Whether this is a plain value (no keys). */
  public boolean isPlain() {
    return hashers.isEmpty();
  }

  /** The type id of each key, in order. */
  public List<Integer> keyTypes(PortableRegistry registry) {
    if (hashers.isEmpty()) {
      return List.of();
    }
    if (hashers.size() == 1) {
      return List.of(keyType);
    }
    if (registry.def(keyType) instanceof TypeDef.Tuple t && t.types().size() == hashers.size()) {
      return t.types();
    }
    throw new MetadataException("storage " + pallet + "." + name + " has " + hashers.size()
        + " hashers but its key type " + registry.describe(keyType) + " is not a tuple of that size");
  }
}
