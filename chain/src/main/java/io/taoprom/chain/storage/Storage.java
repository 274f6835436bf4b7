package io.taoprom.chain.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.FromNode;
import io.taoprom.untrusted.Excerpt;
import io.taoprom.chain.codec.CodecException;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.chain.rpc.Delivery;
import io.taoprom.chain.rpc.RpcClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Reads storage through a {@link ChainClient}: single values ({@code state_getStorage}), batches
 * ({@code state_queryStorageAt}, one round trip for many keys), and whole maps or prefixes
 * ({@code state_getKeysPaged} page by page, each page's values fetched in one batch). Values are
 * decoded by the entry's metadata type; a missing value reads as {@code null} for {@code
 * Optional} entries and as the entry's default for {@code Default} ones.
 *
 * <pre>{@code
 * Storage storage = new Storage(chain);
 * Object limit = storage.read(storage.key("SubtensorModule", "ServingRateLimit", 1));
 * for (StorageItem item : storage.entries("SubtensorModule", "Prometheus", List.of(1))) {
 *   byte[] hotkey = (byte[]) item.keys().get(1);
 * }
 * }</pre>
 *
 * Reads at a block decode with the runtime that executed that block.
 */
public final class Storage {

  /** Keys per {@code state_getKeysPaged} page; Substrate nodes allow at most 1000. */
  public static final int DEFAULT_PAGE_SIZE = 1000;

  private final ChainClient chain;

  public Storage(ChainClient chain) {
    this.chain = chain;
  }

  /** The key of {@code pallet.entry} for {@code keys}, by the current runtime's metadata. */
  public StorageKey key(String pallet, String entry, Object... keys) {
    ChainRuntime rt = chain.runtime();
    return StorageKey.of(rt.metadata(), rt.codec(), pallet, entry, keys);
  }

  /** The decoded value at the best block. */
  public Object read(StorageKey key) {
    return readAt(key, null);
  }

  /** The decoded value at block {@code blockHash} (null: the best block). */
  public Object readAt(StorageKey key, String blockHash) {
    requireComplete(key);
    ChainRuntime rt = runtimeFor(blockHash);
    return decodeValue(rt, key.entry(), rawAt(key.bytes(), blockHash));
  }

  /** The raw SCALE value, or null when absent. */
  public byte[] rawAt(byte[] key, String blockHash) {
    JsonNode v = chain.rpc().request("state_getStorage", params(Hex.encode(key), blockHash));
    return v == null || v.isNull() ? null : FromNode.hex(chain.rpc().endpoint(), "state_getStorage", v);
  }

  /** Several values in one round trip, decoded, in the order of {@code keys}. */
  public List<Object> readAll(List<StorageKey> keys, String blockHash) {
    keys.forEach(Storage::requireComplete);
    ChainRuntime rt = runtimeFor(blockHash);
    List<byte[]> raw = rawAll(keys.stream().map(StorageKey::bytes).toList(), blockHash);
    List<Object> out = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      out.add(decodeValue(rt, keys.get(i).entry(), raw.get(i)));
    }
    return out;
  }

  /** Several raw values in one {@code state_queryStorageAt}, in the order of {@code keys} (null: absent). */
  public List<byte[]> rawAll(List<byte[]> keys, String blockHash) {
    return RpcClient.await(rawAllAsync(keys, blockHash));
  }

  /** {@link #rawAll} without waiting, so it can be sent together with other requests. */
  public CompletableFuture<List<byte[]>> rawAllAsync(List<byte[]> keys, String blockHash) {
    if (keys.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<String> hex = keys.stream().map(Hex::encode).toList();
    return chain.rpc().requestAsync("state_queryStorageAt", Arrays.asList(params(hex, blockHash)),
        Delivery.AT_LEAST_ONCE).thenApply(result -> matchChanges(hex, result));
  }

  private List<byte[]> matchChanges(List<String> hex, JsonNode result) {
    Map<String, byte[]> byKey = new HashMap<>();
    if (result.isArray()) {
      for (JsonNode set : result) {
        for (JsonNode change : set.path("changes")) {
          JsonNode value = change.get(1);
          JsonNode key = change.get(0);
          if (key == null || !key.isTextual()) {
            continue; // not one of ours: only the keys asked for are looked up below
          }
          byKey.put(key.asText().toLowerCase(Locale.ROOT),
              value == null || value.isNull() ? null : FromNode.hex(chain.rpc().endpoint(), "state_queryStorageAt", value));
        }
      }
    }
    List<byte[]> out = new ArrayList<>(hex.size());
    for (String k : hex) {
      out.add(byKey.get(k));
    }
    return out;
  }

  /** Every value under {@code pallet.entry} whose keys start with {@code partialKeys}, at the best block. */
  public List<StorageItem> entries(String pallet, String entry, List<Object> partialKeys) {
    List<StorageItem> out = new ArrayList<>();
    forEachEntry(pallet, entry, partialKeys, null, DEFAULT_PAGE_SIZE, out::add);
    return out;
  }

  /**
   * Iterates page by page; all pages are read at one block ({@code blockHash}, or the best
   * block when the iteration starts), so the result is consistent.
   */
  public void forEachEntry(String pallet, String entry, List<Object> partialKeys, String blockHash,
      int pageSize, Consumer<StorageItem> action) {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("pageSize must be within 1..1000, got " + pageSize);
    }
    String at = blockHash != null ? blockHash : chain.rpc().request("chain_getBlockHash").asText();
    ChainRuntime rt = chain.runtimeAt(at);
    StorageKey prefix = StorageKey.of(rt.metadata(), rt.codec(), rt.metadata().pallet(pallet).storage(entry),
        partialKeys);
    String start = null;
    while (true) {
      JsonNode page = chain.rpc().request("state_getKeysPaged",
          params(prefix.hex(), pageSize, start == null ? prefix.hex() : start, at));
      if (!page.isArray() || page.isEmpty()) {
        return;
      }
      if (page.size() > pageSize) {
        throw new ChainException("state_getKeysPaged on " + chain.rpc().endpoint() + " returned " + page.size()
            + " keys for a page of " + pageSize);
      }
      List<byte[]> keys = new ArrayList<>(page.size());
      String previous = start;
      for (JsonNode k : page) {
        byte[] key = FromNode.hex(chain.rpc().endpoint(), "state_getKeysPaged", k);
        String hex = Hex.encode(key);
        // Each page must move forward: a node that repeats or reorders keys would otherwise keep
        // a reader going (and growing) for as long as it likes.
        if (previous != null && hex.compareTo(previous) <= 0) {
          throw new ChainException("state_getKeysPaged on " + chain.rpc().endpoint() + " returned keys out of order ("
              + FromNode.json(k) + " after " + Excerpt.of(previous, 80) + "); a node pages forward");
        }
        previous = hex;
        keys.add(key);
      }
      List<byte[]> values = rawAll(keys, at);
      for (int i = 0; i < keys.size(); i++) {
        byte[] k = keys.get(i);
        if (!startsWith(k, prefix.bytes())) {
          return; // a node that ignores the prefix must not make us read the whole state
        }
        List<Object> keyValues = StorageKey.decodeKeys(rt.metadata(), rt.codec(), prefix.entry(), k);
        StorageKey full = new StorageKey(prefix.entry(), keyValues, k);
        action.accept(new StorageItem(full, keyValues, decodeValue(rt, prefix.entry(), values.get(i))));
      }
      if (page.size() < pageSize) {
        return;
      }
      start = previous;
    }
  }

  /** Decodes a raw value of {@code entry}; null (absent) reads as null or the default. */
  public static Object decodeValue(ChainRuntime rt, StorageEntry entry, byte[] raw) {
    byte[] bytes = raw;
    if (bytes == null) {
      if (entry.modifier() == StorageEntry.Modifier.OPTIONAL) {
        return null;
      }
      bytes = entry.defaultValue();
    }
    try {
      return rt.codec().decode(entry.valueType(), bytes);
    } catch (CodecException e) {
      throw new CodecException("the value of storage " + entry.pallet() + "." + entry.name()
          + " does not decode as " + rt.metadata().registry().describe(entry.valueType()) + ": "
          + e.getMessage(), e);
    }
  }

  private ChainRuntime runtimeFor(String blockHash) {
    return blockHash == null ? chain.runtime() : chain.runtimeAt(blockHash);
  }

  private static void requireComplete(StorageKey key) {
    if (!key.isComplete()) {
      throw new ChainException("storage " + key.entry().pallet() + "." + key.entry().name() + " needs "
          + key.entry().hashers().size() + " key(s) to read one value; " + key.keys().size()
          + " given (use entries(...) to iterate)");
    }
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static Object[] params(Object... p) {
    int n = p.length;
    while (n > 0 && p[n - 1] == null) {
      n--;
    }
    return Arrays.copyOf(p, n);
  }
}
