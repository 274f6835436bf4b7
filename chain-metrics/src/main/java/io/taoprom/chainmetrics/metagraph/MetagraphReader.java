package io.taoprom.chainmetrics.metagraph;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.discovery.SubnetDiscovery;
import io.taoprom.chain.metadata.Pallet;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.chain.storage.Storage;
import io.taoprom.core.keys.Ss58;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the metagraph of the selected subnets at one block, decoding every value through the
 * metadata of the runtime that executed that block. A refresh of one subnet of 256 neurons is nine
 * requests: {@code chain_getBlockHash} (alone, it also tells whether there is a new block to read),
 * the block's header and runtime version (plus the metadata once per runtime version), the
 * finalized head and its header, then three batches of {@code state_queryStorageAt}: the subnet's
 * values and per-uid vectors (one call), the uids' hotkeys and registration blocks (512 keys, one
 * call), the hotkeys' owners, stakes, axons and Prometheus endpoints (1024 keys, two calls).
 *
 * <pre>{@code
 * MetagraphReader reader = new MetagraphReader(chain, settings, Clock.systemUTC());
 * MetagraphSnapshot snapshot = reader.read(reader.bestHash());
 * }</pre>
 */
final class MetagraphReader {

  static final String PALLET = "SubtensorModule";
  /** Subnets one refresh reads with {@code all}: 18 keys each in the first batch, whatever a node claims exists. */
  static final int MAX_SUBNETS = 1024;

  private final ChainClient chain;
  private final Storage storage;
  private final MetagraphSettings settings;
  private final Clock clock;

  MetagraphReader(ChainClient chain, MetagraphSettings settings, Clock clock) {
    this.chain = chain;
    this.storage = new Storage(chain);
    this.settings = settings;
    this.clock = clock;
  }

  /** The best block's hash: one request, to tell whether a new block came. */
  String bestHash() {
    return chain.bestHash();
  }

  /** The metagraph at {@code blockHash}. */
  MetagraphSnapshot read(String blockHash) {
    long block = chain.header(blockHash).number();
    ChainRuntime rt = chain.runtimeAt(blockHash);
    long finalized = chain.header(chain.finalizedHead()).number();
    Reading r = new Reading(rt);
    List<Integer> netuids = settings.allSubnets() ? SubnetDiscovery.subnets(chain, blockHash) : settings.netuids();
    if (netuids.size() > MAX_SUBNETS) {
      r.note((netuids.size() - MAX_SUBNETS) + " of " + netuids.size() + " subnets left out (at most " + MAX_SUBNETS
          + " per refresh), from netuid " + netuids.get(MAX_SUBNETS));
      netuids = netuids.subList(0, MAX_SUBNETS);
    }

    // 1: per subnet, whether it exists, its values and its per-uid vectors.
    StorageBatch subnetBatch = new StorageBatch(rt);
    Map<Integer, Map<String, Integer>> subnetSlots = new LinkedHashMap<>();
    StorageEntry added = r.entry("NetworksAdded", null);
    for (int netuid : netuids) {
      Map<String, Integer> slots = new HashMap<>();
      if (added != null && !settings.allSubnets()) {
        slots.put(added.name(), subnetBatch.add(added, List.of(netuid)));
      }
      for (SubnetField f : SubnetField.values()) {
        StorageEntry e = r.entry(f.entry, f.metric);
        if (e != null) {
          slots.put(e.name(), subnetBatch.add(e, List.of(netuid)));
        }
      }
      for (NeuronField f : NeuronField.values()) {
        StorageEntry e = f.source == NeuronField.Source.SUBNET_VECTOR ? r.entry(f.entry, f.metric) : null;
        if (e != null) {
          slots.put(e.name(), subnetBatch.add(e, List.of(netuid)));
        }
      }
      subnetSlots.put(netuid, slots);
    }
    List<Object> subnetValues = subnetBatch.read(storage, blockHash);

    // 2: per uid, the hotkey and the registration block; the cap bounds how many uids are read.
    StorageEntry keys = r.entry("Keys", "the neurons (every bittensor_neuron_* series)");
    StorageEntry registered = r.entry(NeuronField.REGISTERED.entry, NeuronField.REGISTERED.metric);
    StorageBatch uidBatch = new StorageBatch(rt);
    List<SubnetRead> reads = new ArrayList<>();
    int budget = settings.maxNeurons();
    for (Map.Entry<Integer, Map<String, Integer>> s : subnetSlots.entrySet()) {
      int netuid = s.getKey();
      Map<String, Integer> slots = s.getValue();
      Integer addedSlot = slots.get("NetworksAdded");
      if (addedSlot != null && !Boolean.TRUE.equals(subnetValues.get(addedSlot))) {
        r.note("netuid " + netuid + " does not exist at block " + block + "; left out");
        continue;
      }
      SubnetRead sr = new SubnetRead(netuid);
      for (SubnetField f : SubnetField.values()) {
        Integer slot = slots.get(f.entry);
        if (slot != null) {
          r.convert(f.entry, f.metric, f.conversion, subnetValues.get(slot)).ifPresent(v -> sr.values.put(f, v));
        }
      }
      for (NeuronField f : NeuronField.values()) {
        Integer slot = slots.get(f.entry);
        if (slot != null && f.source == NeuronField.Source.SUBNET_VECTOR) {
          Object v = subnetValues.get(slot);
          if (v instanceof List<?> list) {
            sr.vectors.put(f, list);
          } else {
            r.retyped(f.entry, f.metric, v);
          }
        }
      }
      int n = sr.values.containsKey(SubnetField.NEURONS) ? sr.values.get(SubnetField.NEURONS).intValue()
          : sr.vectors.values().stream().mapToInt(List::size).max().orElse(0);
      int read = Math.max(0, Math.min(n, budget));
      if (read < n) {
        r.note("netuid " + netuid + ": " + (n - read) + " of its " + n + " neurons left out (option "
            + MetagraphSettings.MAX_NEURONS + " " + settings.maxNeurons() + ")");
      }
      budget -= read;
      if (keys != null) {
        for (int uid = 0; uid < read; uid++) {
          sr.keySlots.add(uidBatch.add(keys, List.of(netuid, uid)));
          sr.registeredSlots.add(registered == null ? -1 : uidBatch.add(registered, List.of(netuid, uid)));
        }
      }
      reads.add(sr);
    }
    List<Object> uidValues = uidBatch.read(storage, blockHash);

    // 3: per kept hotkey, its owner, stakes and served endpoints.
    StorageEntry owner = r.entry("Owner", "the coldkey label of bittensor_neuron_info");
    StorageBatch hotkeyBatch = new StorageBatch(rt);
    Map<NeuronField, StorageEntry> byHotkey = new EnumMap<>(NeuronField.class);
    for (NeuronField f : NeuronField.values()) {
      if (f.source == NeuronField.Source.HOTKEY || f.source == NeuronField.Source.HOTKEY_NETUID
          || f.source == NeuronField.Source.NETUID_HOTKEY) {
        StorageEntry e = r.entry(f.entry, f.metric);
        if (e != null) {
          byHotkey.put(f, e);
        }
      }
    }
    List<PendingNeuron> pending = new ArrayList<>();
    for (SubnetRead sr : reads) {
      for (int uid = 0; uid < sr.keySlots.size(); uid++) {
        Object hotkeyValue = uidValues.get(sr.keySlots.get(uid));
        if (!(hotkeyValue instanceof byte[] hotkey) || hotkey.length != 32) {
          r.retyped("Keys", "the neurons", hotkeyValue);
          break;
        }
        if (!settings.hotkeys().isEmpty() && !settings.hotkeys().contains(Hex.encode(hotkey))) {
          continue;
        }
        PendingNeuron p = new PendingNeuron(sr, uid, hotkey);
        int regSlot = sr.registeredSlots.get(uid);
        if (regSlot >= 0) {
          r.convert(registered.name(), NeuronField.REGISTERED.metric, Conversion.COUNT, uidValues.get(regSlot))
              .ifPresent(v -> p.values.put(NeuronField.REGISTERED, v));
        }
        if (owner != null) {
          p.ownerSlot = hotkeyBatch.add(owner, List.of(hotkey));
        }
        byHotkey.forEach((f, e) -> p.slots.put(f, hotkeyBatch.add(e, switch (f.source) {
          case HOTKEY -> List.of(hotkey);
          case HOTKEY_NETUID -> List.of(hotkey, sr.netuid);
          default -> List.of(sr.netuid, hotkey);
        })));
        pending.add(p);
      }
    }
    List<Object> hotkeyValues = hotkeyBatch.read(storage, blockHash);

    Map<Integer, List<Neuron>> neurons = new HashMap<>();
    for (PendingNeuron p : pending) {
      String coldkey = null;
      if (p.ownerSlot >= 0) {
        Object o = hotkeyValues.get(p.ownerSlot);
        if (o instanceof byte[] b && b.length == 32) {
          coldkey = Ss58.encode(b, Ss58.BITTENSOR);
        } else {
          r.retyped("Owner", "the coldkey label", o);
        }
      }
      for (Map.Entry<NeuronField, List<?>> v : p.subnet.vectors.entrySet()) {
        List<?> list = v.getValue();
        if (p.uid < list.size()) {
          NeuronField f = v.getKey();
          r.convert(f.entry, f.metric, f.conversion, list.get(p.uid)).ifPresent(x -> p.values.put(f, x));
        }
      }
      for (Map.Entry<NeuronField, Integer> s : p.slots.entrySet()) {
        NeuronField f = s.getKey();
        r.convert(f.entry, f.metric, f.conversion, hotkeyValues.get(s.getValue())).ifPresent(x -> p.values.put(f, x));
      }
      neurons.computeIfAbsent(p.subnet.netuid, k -> new ArrayList<>())
          .add(new Neuron(p.uid, Ss58.encode(p.hotkey, Ss58.BITTENSOR), coldkey, p.values));
    }
    List<Subnet> subnets = new ArrayList<>();
    for (SubnetRead sr : reads) {
      subnets.add(new Subnet(sr.netuid, sr.values, neurons.getOrDefault(sr.netuid, List.of())));
    }
    return new MetagraphSnapshot(block, blockHash, finalized, rt.specVersion(), clock.instant(), subnets,
        List.copyOf(r.missing.keySet()), r.notes());
  }

  /** What one refresh found missing or retyped in this runtime, and its other notes. */
  private static final class Reading {
    final ChainRuntime rt;
    final Pallet pallet;
    final Map<String, String> missing = new LinkedHashMap<>();
    final List<String> other = new ArrayList<>();

    Reading(ChainRuntime rt) {
      this.rt = rt;
      if (!rt.metadata().hasPallet(PALLET)) {
        throw new ChainException("runtime " + rt.specVersion() + " has no pallet " + PALLET + "; is this a Subtensor chain?");
      }
      this.pallet = rt.metadata().pallet(PALLET);
    }

    /** The entry, or null (and a note naming {@code serves}) where this runtime lacks it. */
    StorageEntry entry(String name, String serves) {
      for (StorageEntry e : pallet.storage()) {
        if (e.name().equals(name)) {
          return e;
        }
      }
      if (serves != null) {
        missing.putIfAbsent(name, PALLET + "." + name + " is not in runtime " + rt.specVersion() + ": " + serves + " left out");
      }
      return null;
    }

    java.util.Optional<Double> convert(String entry, String serves, Conversion conversion, Object value) {
      Double d = conversion.apply(value);
      if (d == null) {
        retyped(entry, serves, value);
      }
      return java.util.Optional.ofNullable(d);
    }

    void retyped(String entry, String serves, Object value) {
      missing.putIfAbsent(entry, PALLET + "." + entry + " in runtime " + rt.specVersion() + " holds "
          + (value == null ? "nothing" : value.getClass().getSimpleName()) + ", not what " + serves + " reads; left out");
    }

    void note(String line) {
      other.add(line);
    }

    List<String> notes() {
      List<String> all = new ArrayList<>(missing.values());
      all.addAll(other);
      return all;
    }
  }

  private static final class SubnetRead {
    final int netuid;
    final Map<SubnetField, Double> values = new EnumMap<>(SubnetField.class);
    final Map<NeuronField, List<?>> vectors = new EnumMap<>(NeuronField.class);
    final List<Integer> keySlots = new ArrayList<>();
    final List<Integer> registeredSlots = new ArrayList<>();

    SubnetRead(int netuid) {
      this.netuid = netuid;
    }
  }

  private static final class PendingNeuron {
    final SubnetRead subnet;
    final int uid;
    final byte[] hotkey;
    final Map<NeuronField, Double> values = new EnumMap<>(NeuronField.class);
    final Map<NeuronField, Integer> slots = new EnumMap<>(NeuronField.class);
    int ownerSlot = -1;

    PendingNeuron(SubnetRead subnet, int uid, byte[] hotkey) {
      this.subnet = subnet;
      this.uid = uid;
      this.hotkey = hotkey;
    }
  }
}
