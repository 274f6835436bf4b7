package io.taoprom.chain.discovery;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.storage.PrefixScan;
import io.taoprom.chain.storage.PrefixScan.RawEntry;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.chain.subtensor.PrometheusEndpoint;
import io.taoprom.chain.subtensor.PrometheusInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the {@code SubtensorModule.Uids} and {@code SubtensorModule.Prometheus} maps of many
 * subnets at one block, several subnets at a time on one connection ({@link PrefixScan} per
 * map and subnet, both maps of a subnet at once), and decodes each subnet's entries through the
 * runtime's metadata as soon as they are in, so that only the subnets in flight are held raw.
 */
final class EndpointReader {

  /** One subnet's decoded maps. */
  record Subnet(int netuid, List<PrometheusEndpoint> endpoints, Map<String, Integer> uids) {}

  /** What is done with each subnet once it is read and decoded, in the order of the netuids given. */
  interface SubnetSink {
    void accept(Subnet subnet);
  }

  private static final String PALLET = "SubtensorModule";

  private final PrefixScan scan;
  private final int subnetsInFlight;

  EndpointReader(ChainClient chain, int maxEntriesPerSubnet, int subnetsInFlight) {
    this.scan = new PrefixScan(chain, Storage.DEFAULT_PAGE_SIZE, maxEntriesPerSubnet);
    this.subnetsInFlight = subnetsInFlight;
  }

  /**
   * Reads {@code netuids} at block {@code at}, whose runtime is {@code rt}; {@code sink} sees each
   * subnet in the order given.
   */
  void read(ChainRuntime rt, List<Integer> netuids, String at, SubnetSink sink) {
    StorageEntry uidsEntry = rt.metadata().pallet(PALLET).storage("Uids");
    StorageEntry prometheusEntry = rt.metadata().pallet(PALLET).storage("Prometheus");
    Semaphore window = new Semaphore(subnetsInFlight);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<CompletableFuture<Subnet>> reads = new ArrayList<>(netuids.size());
    try {
      for (int netuid : netuids) {
        window.acquire();
        if (failure.get() != null) {
          break; // one failed read fails the whole discovery: stop asking the node for more
        }
        byte[] uidsPrefix = StorageKey.of(rt.metadata(), rt.codec(), uidsEntry, List.of(netuid)).bytes();
        byte[] prometheusPrefix = StorageKey.of(rt.metadata(), rt.codec(), prometheusEntry, List.of(netuid)).bytes();
        CompletableFuture<Subnet> read = scan.scan(uidsPrefix, at, PALLET + ".Uids entries for netuid " + netuid)
            .thenCombine(scan.scan(prometheusPrefix, at, PALLET + ".Prometheus entries for netuid " + netuid),
                (uids, endpoints) -> decode(rt, netuid, uidsEntry, uids, prometheusEntry, endpoints));
        read.whenComplete((s, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
          window.release();
        });
        reads.add(read);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException("interrupted while reading the subnets' endpoints", e);
    }
    for (CompletableFuture<Subnet> read : reads) {
      sink.accept(RpcClient.await(read));
    }
  }

  private static Subnet decode(ChainRuntime rt, int netuid, StorageEntry uidsEntry, List<RawEntry> uidEntries,
      StorageEntry prometheusEntry, List<RawEntry> prometheusEntries) {
    Map<String, Integer> uids = new HashMap<>(uidEntries.size() * 2);
    for (RawEntry e : uidEntries) {
      List<Object> keys = StorageKey.decodeKeys(rt.metadata(), rt.codec(), uidsEntry, e.key());
      uids.put(Hex.encode(Values.bytes(keys.get(1))), Values.intValue(Storage.decodeValue(rt, uidsEntry, e.value())));
    }
    List<PrometheusEndpoint> endpoints = new ArrayList<>(prometheusEntries.size());
    for (RawEntry e : prometheusEntries) {
      List<Object> keys = StorageKey.decodeKeys(rt.metadata(), rt.codec(), prometheusEntry, e.key());
      Object value = Storage.decodeValue(rt, prometheusEntry, e.value());
      if (value != null) {
        endpoints.add(new PrometheusEndpoint(netuid, Values.bytes(keys.get(1)), PrometheusInfo.from(value)));
      }
    }
    return new Subnet(netuid, endpoints, uids);
  }
}
