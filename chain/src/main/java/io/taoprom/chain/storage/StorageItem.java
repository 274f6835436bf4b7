package io.taoprom.chain.storage;

import java.util.List;

/**
 * One value found while iterating over a storage map.
 *
 * @param key the full key
 * @param keys the key values recovered from it (null for opaque hashers)
 * @param value the decoded value
 */
public record StorageItem(StorageKey key, List<Object> keys, Object value) {}
