package io.taoprom.chain.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.FromNode;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.rpc.Delivery;
import io.taoprom.untrusted.Excerpt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every raw key and value under one storage prefix at one block, pipelined: as soon as a
 * {@code state_getKeysPaged} page arrives, its values are asked for ({@code
 * state_queryStorageAt}, one request per page) <em>and</em> the next page of keys is asked for,
 * so that a map of n pages costs about n + 1 round trips instead of 2n, and several scans can run
 * at once on one connection. Nothing blocks: the answer is a future.
 *
 * <pre>{@code
 * PrefixScan scan = new PrefixScan(chain, 1000, 100_000);
 * StorageKey prefix = storage.key("SubtensorModule", "Prometheus", 27); // a partial key
 * List<PrefixScan.RawEntry> all = scan.scan(prefix.bytes(), blockHash, "Prometheus entries of netuid 27").join();
 * }</pre>
 *
 * <p>A node is outside input: every page must move forward and stay under the page size, a key
 * outside the prefix ends the scan, and a scan that would hold more than {@code maxEntries}
 * entries fails instead of growing (each answer is also bounded by the RPC client's message
 * limit, and each request by its timeout).
 */
public final class PrefixScan {

  /** One storage entry as stored: its full key and its SCALE value (null: no value at the block). */
  public record RawEntry(byte[] key, byte[] value) {}

  private final ChainClient chain;
  private final Storage storage;
  private final int pageSize;
  private final int maxEntries;

  /**
   * @param pageSize keys per {@code state_getKeysPaged} page (1..1000; Substrate allows 1000)
   * @param maxEntries the most entries one scan may return before it fails
   */
  public PrefixScan(ChainClient chain, int pageSize, int maxEntries) {
    this.chain = Objects.requireNonNull(chain, "chain");
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("pageSize must be within 1..1000, got " + pageSize);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
    }
    this.storage = new Storage(chain);
    this.pageSize = pageSize;
    this.maxEntries = maxEntries;
  }

  /**
   * Every entry under {@code prefix} at block {@code blockHash} (not null), in key order.
   *
   * @param what names the entries in an error, e.g. {@code "SubtensorModule.Uids entries for netuid 1"}
   */
  public CompletableFuture<List<RawEntry>> scan(byte[] prefix, String blockHash, String what) {
    Objects.requireNonNull(blockHash, "blockHash");
    return page(new Scan(prefix, Hex.encode(prefix), blockHash, what, new AtomicInteger()), null);
  }

  /** What one scan keeps between pages. */
  private record Scan(byte[] prefix, String prefixHex, String at, String what, AtomicInteger count) {}

  private CompletableFuture<List<RawEntry>> page(Scan s, String start) {
    String prefixHex = s.prefixHex();
    String at = s.at();
    List<Object> params = Arrays.asList(prefixHex, pageSize, start == null ? prefixHex : start, at);
    return chain.rpc().requestAsync("state_getKeysPaged", params, Delivery.AT_LEAST_ONCE).thenCompose(page -> {
      List<byte[]> keys = keysOf(page, s, start);
      CompletableFuture<List<byte[]>> values = storage.rawAllAsync(keys, at);
      // A full page whose last key is still ours may have more behind it; ask now, not after the values.
      boolean more = page.size() == pageSize && keys.size() == pageSize;
      CompletableFuture<List<RawEntry>> rest = more
          ? page(s, Hex.encode(keys.get(keys.size() - 1)))
          : CompletableFuture.completedFuture(List.of());
      return values.thenCombine(rest, (v, r) -> {
        List<RawEntry> out = new ArrayList<>(keys.size() + r.size());
        for (int i = 0; i < keys.size(); i++) {
          out.add(new RawEntry(keys.get(i), v.get(i)));
        }
        out.addAll(r);
        return out;
      });
    });
  }

  /** The page's keys that lie under the prefix, checked; the first key outside it ends the list. */
  private List<byte[]> keysOf(JsonNode page, Scan s, String start) {
    byte[] prefix = s.prefix();
    String method = "state_getKeysPaged";
    if (page == null || !page.isArray()) {
      throw new ChainException(method + " on " + chain.rpc().endpoint() + " answered " + FromNode.json(page)
          + " instead of a list of keys");
    }
    if (page.size() > pageSize) {
      throw new ChainException(method + " on " + chain.rpc().endpoint() + " returned " + page.size()
          + " keys for a page of " + pageSize);
    }
    List<byte[]> keys = new ArrayList<>(page.size());
    String previous = start;
    for (JsonNode k : page) {
      byte[] key = FromNode.hex(chain.rpc().endpoint(), method, k);
      String hex = Hex.encode(key);
      // Each page must move forward: a node that repeats or reorders keys would otherwise keep a
      // reader going (and growing) for as long as it likes.
      if (previous != null && hex.compareTo(previous) <= 0) {
        throw new ChainException(method + " on " + chain.rpc().endpoint() + " returned keys out of order ("
            + FromNode.json(k) + " after " + Excerpt.of(previous, 80) + "); a node pages forward");
      }
      previous = hex;
      if (key.length < prefix.length || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
        break; // a node that ignores the prefix must not make us read the whole state
      }
      keys.add(key);
    }
    if (s.count().addAndGet(keys.size()) > maxEntries) {
      throw new ChainException(chain.rpc().endpoint() + " lists more than " + maxEntries + " " + s.what()
          + "; refusing to read further");
    }
    return keys;
  }
}
