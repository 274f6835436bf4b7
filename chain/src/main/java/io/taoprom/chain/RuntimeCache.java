package io.taoprom.chain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded runtimes by chain (genesis hash) and spec version. Metadata is the biggest thing the
 * client downloads and decodes; a spec version's metadata never changes, so one cache can serve
 * every {@link ChainClient} of a process, and a client that reconnects does not fetch it again.
 *
 * <pre>{@code
 * RuntimeCache shared = new RuntimeCache();
 * ChainClient a = ChainClient.builder(rpcA).runtimeCache(shared).build();
 * }</pre>
 *
 * Thread-safe.
 */
public final class RuntimeCache {

  private final Map<String, ChainRuntime> runtimes = new ConcurrentHashMap<>();

  private static String key(String genesisHash, long specVersion) {
    return genesisHash.toLowerCase(java.util.Locale.ROOT) + "/" + specVersion;
  }

  /** The runtime of this chain and spec version, or null. */
  public ChainRuntime get(String genesisHash, long specVersion) {
    return runtimes.get(key(genesisHash, specVersion));
  }

  /** Remembers a runtime (for example one decoded from a metadata file). */
  public void put(String genesisHash, ChainRuntime runtime) {
    runtimes.put(key(genesisHash, runtime.specVersion()), runtime);
  }

  /** How many runtimes are cached. */
  public int size() {
    return runtimes.size();
  }
}
