package io.taoprom.chain.codec;

import io.taoprom.chain.metadata.Pallet;
import io.taoprom.chain.metadata.RuntimeMetadata;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.chain.metadata.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code System.Events} and the {@code DispatchError}s inside them, by metadata.
 *
 * <pre>{@code
 * Events events = new Events(md, codec);
 * for (EventRecord e : events.decode(systemEventsBytes)) {
 *   if (e.is("System", "ExtrinsicFailed") && e.emittedBy(myIndex)) {
 *     DispatchFailure why = events.dispatchFailure(e);   // SubtensorModule.ServingRateLimitExceeded: ...
 *   }
 * }
 * }</pre>
 */
public final class Events {

  private final RuntimeMetadata metadata;
  private final DynamicCodec codec;
  private final int eventsType;

  public Events(RuntimeMetadata metadata, DynamicCodec codec) {
    this.metadata = metadata;
    this.codec = codec;
    StorageEntry entry = metadata.pallet("System").storage("Events");
    this.eventsType = entry.valueType();
  }

  /** The events in the SCALE value of {@code System.Events} (empty bytes: no events). */
  public List<EventRecord> decode(byte[] systemEvents) {
    if (systemEvents == null || systemEvents.length == 0) {
      return List.of();
    }
    List<Object> records = Values.list(codec.decode(eventsType, systemEvents));
    List<EventRecord> out = new ArrayList<>(records.size());
    for (Object r : records) {
      Map<String, Object> record = Values.map(r);
      EnumValue phase = Values.enumValue(record.get("phase"));
      EnumValue outer = Values.enumValue(record.get("event"));
      EnumValue inner = Values.enumValue(outer.value());
      List<byte[]> topics = new ArrayList<>();
      Object t = record.get("topics");
      if (t instanceof List<?> list) {
        for (Object topic : list) {
          topics.add(Values.bytes(topic));
        }
      }
      EventRecord.Phase p;
      int index = -1;
      switch (phase.name()) {
        case "ApplyExtrinsic":
          p = EventRecord.Phase.APPLY_EXTRINSIC;
          index = Values.intValue(phase.value());
          break;
        case "Finalization":
          p = EventRecord.Phase.FINALIZATION;
          break;
        default:
          p = EventRecord.Phase.INITIALIZATION;
          break;
      }
      out.add(new EventRecord(p, index, outer.name(), inner.name(), inner.value(), List.copyOf(topics)));
    }
    return out;
  }

  /**
   * The {@code DispatchError} of a {@code System.ExtrinsicFailed} event, named by metadata.
   *
   * @throws CodecException when {@code event} is not an {@code ExtrinsicFailed}
   */
  public DispatchFailure dispatchFailure(EventRecord event) {
    if (!event.is("System", "ExtrinsicFailed")) {
      throw new CodecException("not a System.ExtrinsicFailed event: "
          + io.taoprom.untrusted.Excerpt.of(String.valueOf(event), 200));
    }
    Object error = event.fields() instanceof Map<?, ?> m ? m.get("dispatch_error")
        : event.fields() instanceof List<?> l && !l.isEmpty() ? l.get(0) : event.fields();
    return dispatchFailure(error);
  }

  /** Names a decoded {@code DispatchError} value. */
  public DispatchFailure dispatchFailure(Object dispatchError) {
    EnumValue e = Values.enumValue(dispatchError);
    if (e.is("Module")) {
      return new DispatchFailure("Module", moduleError(e.value()), "");
    }
    String detail = e.value() == null ? "" : e.value() instanceof EnumValue inner ? inner.name()
        : io.taoprom.untrusted.Excerpt.of(Values.toString(e.value()), 200);
    return new DispatchFailure(e.name(), null, detail);
  }

  /** {@code ModuleError { index: u8, error: [u8; 4] }} (or an older {@code error: u8}) → names. */
  public ModuleError moduleError(Object moduleErrorValue) {
    Map<String, Object> fields = Values.map(moduleErrorValue);
    int palletIndex = Values.intValue(fields.get("index"));
    Object raw = fields.get("error");
    int errorIndex = raw instanceof byte[] b ? (b.length == 0 ? -1 : b[0] & 0xff) : Values.intValue(raw);
    return moduleError(palletIndex, errorIndex);
  }

  /** The pallet error at these indices; unknown indices give a placeholder name, not an exception. */
  public ModuleError moduleError(int palletIndex, int errorIndex) {
    Pallet pallet = metadata.palletByIndex(palletIndex);
    if (pallet == null) {
      return new ModuleError("pallet#" + palletIndex, "error#" + errorIndex, "", palletIndex, errorIndex);
    }
    Variant v = pallet.errorByIndex(errorIndex);
    if (v == null) {
      return new ModuleError(pallet.name(), "error#" + errorIndex, "", palletIndex, errorIndex);
    }
    return new ModuleError(pallet.name(), v.name(), v.docText(), palletIndex, errorIndex);
  }
}
