/**
 * Storage: keys for plain, map and double-map entries with every hasher, single and batched
 * reads, paged iteration over a prefix, values decoded by their metadata type, at the best
 * block or at a given block.
 *
 * <pre>{@code
 * Storage storage = new Storage(chain);
 * StorageKey key = storage.key("SubtensorModule", "Prometheus", netuid, hotkey);
 * Object info = storage.read(key);   // null when absent (Optional entries)
 * }</pre>
 */
package io.taoprom.chain.storage;
