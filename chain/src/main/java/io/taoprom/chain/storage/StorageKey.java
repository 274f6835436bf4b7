package io.taoprom.chain.storage;

import io.taoprom.chain.codec.CodecException;
import io.taoprom.chain.codec.DynamicCodec;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.metadata.RuntimeMetadata;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.core.hash.StorageHasher;
import io.taoprom.core.hash.Twox;
import io.taoprom.core.scale.ScaleReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The key of a storage value: {@code twox128(pallet) ++ twox128(entry) ++ hasher(key)...}. With
 * fewer keys than the entry has hashers it is a prefix, for iteration.
 *
 * <pre>{@code
 * StorageKey k = StorageKey.of(md, codec, "SubtensorModule", "Prometheus", 1, hotkey);
 * String hex = k.hex();
 * }</pre>
 *
 * @param entry the storage entry
 * @param keys the key values given (may be fewer than the entry's hashers, for a prefix)
 * @param bytes the full storage key
 */
public record StorageKey(StorageEntry entry, List<Object> keys, byte[] bytes) {

  /** Builds the key of {@code pallet.entryName} for {@code keys} (as {@link DynamicCodec} values). */
  public static StorageKey of(RuntimeMetadata metadata, DynamicCodec codec, String pallet,
      String entryName, Object... keys) {
    StorageEntry entry = metadata.pallet(pallet).storage(entryName);
    return of(metadata, codec, entry, Arrays.asList(keys));
  }

  /** Builds the key of {@code entry} for {@code keys}. */
  public static StorageKey of(RuntimeMetadata metadata, DynamicCodec codec, StorageEntry entry,
      List<Object> keys) {
    int hashers = entry.hashers().size();
    if (keys.size() > hashers) {
      throw new CodecException("storage " + entry.pallet() + "." + entry.name() + " takes " + hashers
          + " key(s), but " + keys.size() + " were given");
    }
    List<Integer> types = entry.keyTypes(metadata.registry());
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + 48 * keys.size());
    out.writeBytes(prefix(entry.pallet(), entry.name()));
    for (int i = 0; i < keys.size(); i++) {
      byte[] encoded;
      try {
        encoded = codec.encode(types.get(i), keys.get(i));
      } catch (CodecException e) {
        throw new CodecException("key #" + (i + 1) + " of storage " + entry.pallet() + "." + entry.name()
            + ": " + e.getMessage(), e);
      }
      out.writeBytes(entry.hashers().get(i).hash(encoded));
    }
    return new StorageKey(entry, Collections.unmodifiableList(new ArrayList<>(keys)), out.toByteArray());
  }

  /** {@code twox128(pallet) ++ twox128(entry)}: the prefix of every key of the entry. */
  public static byte[] prefix(String pallet, String entryName) {
    byte[] out = new byte[32];
    System.arraycopy(Twox.hash128(pallet.getBytes(StandardCharsets.UTF_8)), 0, out, 0, 16);
    System.arraycopy(Twox.hash128(entryName.getBytes(StandardCharsets.UTF_8)), 0, out, 16, 16);
    return out;
  }

  /** Whether this is the key of one value (all keys given), not a prefix. */
  public boolean isComplete() {
    return keys.size() == entry.hashers().size();
  }

  /** The key as {@code 0x} hex, as the storage RPCs take it. */
  public String hex() {
    return Hex.encode(bytes);
  }

  /**
   * Recovers the key values from a full storage key of {@code entry}. Keys behind hashers that
   * keep them ({@code Blake2_128Concat}, {@code Twox64Concat}, {@code Identity}) are decoded;
   * those behind opaque hashers come back as null.
   */
  public static List<Object> decodeKeys(RuntimeMetadata metadata, DynamicCodec codec, StorageEntry entry,
      byte[] fullKey) {
    List<Integer> types = entry.keyTypes(metadata.registry());
    ScaleReader in = new ScaleReader(fullKey);
    try {
      in.skip(32);
      List<Object> out = new ArrayList<>(types.size());
      for (int i = 0; i < types.size(); i++) {
        StorageHasher h = entry.hashers().get(i);
        int prefix = h.prefixLength();
        if (prefix < 0) {
          in.skip(h.hash(new byte[0]).length);
          out.add(null);
        } else {
          in.skip(prefix);
          out.add(codec.decode(types.get(i), in));
        }
      }
      if (in.hasRemaining()) {
        throw new CodecException(in.remaining() + " bytes remain after the keys");
      }
      return out;
    } catch (RuntimeException e) {
      throw new CodecException("cannot decode the keys of storage " + entry.pallet() + "." + entry.name()
          + " from " + Hex.encode(fullKey) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorageKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return entry.pallet() + "." + entry.name() + keys + " " + hex();
  }
}
