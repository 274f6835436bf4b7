package io.taoprom.chainmetrics.metagraph;

import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Many storage values of one block, read in as few round trips as the node allows: the keys go
 * out in {@code state_queryStorageAt} calls of at most {@link #KEYS_PER_QUERY} keys, all sent
 * before the first answer is awaited, and each value is decoded by its entry's metadata type.
 *
 * <pre>{@code
 * StorageBatch batch = new StorageBatch(runtime);
 * int tempo = batch.add(tempoEntry, List.of(1));
 * List<Object> values = batch.read(storage, blockHash);
 * values.get(tempo);
 * }</pre>
 */
final class StorageBatch {

  /**
   * Keys per call: one answer then holds at most a few hundred kilobytes, far below the client's
   * message cap, and a 256-neuron subnet needs only a handful of calls.
   */
  static final int KEYS_PER_QUERY = 1000;

  private final ChainRuntime runtime;
  private final List<StorageKey> keys = new ArrayList<>();

  StorageBatch(ChainRuntime runtime) {
    this.runtime = runtime;
  }

  /** Adds the key of {@code entry} for {@code keyValues}; returns its index in {@link #read}'s answer. */
  int add(StorageEntry entry, List<Object> keyValues) {
    keys.add(StorageKey.of(runtime.metadata(), runtime.codec(), entry, keyValues));
    return keys.size() - 1;
  }

  /**
   * The decoded values at {@code blockHash}, in the order added (an absent {@code Optional} entry
   * is null, an absent {@code Default} one its default).
   *
   * @throws io.taoprom.chain.codec.CodecException when the node's bytes do not decode as the metadata says
   */
  List<Object> read(Storage storage, String blockHash) {
    List<CompletableFuture<List<byte[]>>> parts = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      List<byte[]> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)).stream()
          .map(StorageKey::bytes).toList();
      parts.add(storage.rawAllAsync(chunk, blockHash));
    }
    List<Object> out = new ArrayList<>(keys.size());
    int i = 0;
    for (CompletableFuture<List<byte[]>> part : parts) {
      for (byte[] raw : RpcClient.await(part)) {
        out.add(Storage.decodeValue(runtime, keys.get(i++).entry(), raw));
      }
    }
    return out;
  }
}
