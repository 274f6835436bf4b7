package io.taoprom.chain.metadata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pallet: its index, calls, storage, events, errors and constants, with the enums of calls,
 * events and errors already resolved from the registry.
 *
 * <pre>{@code
 * Pallet subtensor = md.pallet("SubtensorModule");
 * Variant serve = subtensor.call("serve_prometheus");   // index 5, fields netuid, version, ...
 * StorageEntry prometheus = subtensor.storage("Prometheus");
 * }</pre>
 *
 * @param name the pallet name
 * @param index the pallet index (first byte of its calls, events and errors)
 * @param storage its storage entries (empty when it has none)
 * @param callType the type id of its call enum, or -1
 * @param eventType the type id of its event enum, or -1
 * @param errorType the type id of its error enum, or -1
 * @param calls the call variants
 * @param events the event variants
 * @param errors the error variants
 * @param constants its constants
 * @param docs documentation (V15; empty for V14)
 */
public record Pallet(String name, int index, List<StorageEntry> storage, int callType, int eventType,
    int errorType, List<Variant> calls, List<Variant> events, List<Variant> errors,
    List<PalletConstant> constants, List<String> docs) {

  /** The call with this name. */
  public Variant call(String callName) {
    return find(calls, callName, "call");
  }

  /** The event with this name. */
  public Variant event(String eventName) {
    return find(events, eventName, "event");
  }

  /** The error with this name. */
  public Variant error(String errorName) {
    return find(errors, errorName, "error");
  }

  /** The error with this index, or null. */
  public Variant errorByIndex(int errorIndex) {
    for (Variant v : errors) {
      if (v.index() == errorIndex) {
        return v;
      }
    }
    return null;
  }

  /** The storage entry with this name. */
  public StorageEntry storage(String entryName) {
    for (StorageEntry e : storage) {
      if (e.name().equals(entryName)) {
        return e;
      }
    }
    throw new MetadataException("pallet " + name + " has no storage entry '" + entryName + "'"
        + suggest(storage.stream().map(StorageEntry::name).toList(), entryName));
  }

  /** The constant with this name. */
  public PalletConstant constant(String constantName) {
    for (PalletConstant c : constants) {
      if (c.name().equals(constantName)) {
        return c;
      }
    }
    throw new MetadataException("pallet " + name + " has no constant '" + constantName + "'"
        + suggest(constants.stream().map(PalletConstant::name).toList(), constantName));
  }

  private Variant find(List<Variant> variants, String wanted, String kind) {
    for (Variant v : variants) {
      if (v.name().equals(wanted)) {
        return v;
      }
    }
    throw new MetadataException("pallet " + name + " has no " + kind + " '" + wanted + "'"
        + suggest(variants.stream().map(Variant::name).toList(), wanted));
  }

  static String suggest(List<String> known, String wanted) {
    List<String> close = known.stream()
        .filter(k -> k.equalsIgnoreCase(wanted) || k.toLowerCase().contains(wanted.toLowerCase())
            || wanted.toLowerCase().contains(k.toLowerCase()))
        .limit(5)
        .collect(Collectors.toList());
    if (!close.isEmpty()) {
      return "; did you mean " + String.join(", ", close) + "?";
    }
    return known.isEmpty() ? " (it has none)" : " (it has " + known.size() + ")";
  }
}
