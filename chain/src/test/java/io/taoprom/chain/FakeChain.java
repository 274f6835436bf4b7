package io.taoprom.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.codec.DynamicCodec;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.metadata.Field;
import io.taoprom.chain.metadata.MetadataDecoder;
import io.taoprom.chain.metadata.PortableRegistry;
import io.taoprom.chain.metadata.RuntimeMetadata;
import io.taoprom.chain.metadata.SignedExtensionMetadata;
import io.taoprom.chain.metadata.TypeDef;
import io.taoprom.chain.metadata.Variant;
import io.taoprom.chain.rpc.FakeNode;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.core.hash.Blake2b;
import io.taoprom.core.keys.Ss58;
import io.taoprom.core.scale.ScaleReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A Subtensor node model on top of {@link FakeNode}: the finney spec-343 metadata from the
 * fixtures, storage as a sorted key → value map, nonces, and blocks made on submission. Tests
 * script what a submitted extrinsic does ({@link #onExtrinsic}) and inject faults through
 * {@link #intercept}. Requests are recorded by the underlying {@link FakeNode}.
 */
public final class FakeChain implements AutoCloseable {

  /** What applying a submitted extrinsic does: events to emit (storage changes are side effects). */
  public interface Executor {
    List<Object> apply(Submitted xt, FakeChain chain);
  }

  /** A decoded submitted extrinsic. */
  public record Submitted(String hex, byte[] signer, long nonce, EnumValue call, Map<String, Object> extensions) {}

  public static final String GENESIS = "0x" + "ab".repeat(32);

  public final RuntimeMetadata metadata;
  public final DynamicCodec codec;
  private final String v15Hex;
  private final String v14Hex;
  public final FakeNode node;
  private final TreeMap<String, String> storage = new TreeMap<>();
  private final Map<String, Long> nonces = new ConcurrentHashMap<>();
  private final Map<String, List<String>> blocks = new ConcurrentHashMap<>();
  private final Map<String, String> events = new ConcurrentHashMap<>();
  private final Map<Long, String> hashes = new ConcurrentHashMap<>();
  private final AtomicLong best = new AtomicLong(100);
  private volatile Executor executor = (xt, c) -> List.of();
  private volatile Function<FakeNode.Request, Boolean> interceptor = r -> false;
  private volatile long specVersion = 343;
  private volatile long inclusionDelayMillis;

  public FakeChain() {
    this.v15Hex = Fixtures.text(Fixtures.V15_OPAQUE);
    this.v14Hex = Fixtures.text(Fixtures.V14);
    this.metadata = MetadataDecoder.decodeOpaqueOption(Hex.decode(v15Hex));
    this.codec = new DynamicCodec(metadata.registry());
    for (long n = 0; n <= best.get(); n++) {
      hashes.put(n, n == 0 ? GENESIS : blockHash(n));
    }
    this.node = FakeNode.start(this::handle);
  }

  private static String blockHash(long n) {
    return Hex.encode(Blake2b.hash256(BigInteger.valueOf(n).toByteArray()));
  }

  public java.net.URI uri() {
    return node.wsUri();
  }

  public long bestNumber() {
    return best.get();
  }

  public void onExtrinsic(Executor e) {
    this.executor = e;
  }

  /** Sees every request first; return true when it handled it (answered, dropped, ignored). */
  public void intercept(Function<FakeNode.Request, Boolean> f) {
    this.interceptor = f;
  }

  /** How long a watched extrinsic stays "ready" before it is included (0 by default). */
  public void inclusionDelay(java.time.Duration d) {
    this.inclusionDelayMillis = d.toMillis();
  }

  public void specVersion(long v) {
    this.specVersion = v;
  }

  public void advance(long blocks) {
    for (long i = 0; i < blocks; i++) {
      long n = best.incrementAndGet();
      hashes.put(n, blockHash(n));
    }
  }

  public void nonce(byte[] account, long nonce) {
    nonces.put(Hex.encode(account), nonce);
  }

  public long nonce(byte[] account) {
    return nonces.getOrDefault(Hex.encode(account), 0L);
  }

  /** Stores {@code value} (a codec value) under {@code pallet.entry(keys)}. */
  public void put(String pallet, String entry, Object value, Object... keys) {
    StorageKey k = StorageKey.of(metadata, codec, pallet, entry, keys);
    storage.put(k.hex(), Hex.encode(codec.encode(k.entry().valueType(), value)));
  }

  public Object get(String pallet, String entry, Object... keys) {
    StorageKey k = StorageKey.of(metadata, codec, pallet, entry, keys);
    String v = storage.get(k.hex());
    return v == null ? null : codec.decode(k.entry().valueType(), Hex.decode(v));
  }

  /** A {@code PrometheusInfo} value. */
  public static Map<String, Object> prometheusInfo(long block, long version, long ip, int port, int ipType) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("block", BigInteger.valueOf(block));
    m.put("version", version);
    m.put("ip", BigInteger.valueOf(ip));
    m.put("port", port);
    m.put("ip_type", ipType);
    return m;
  }

  /** An event value {@code RuntimeEvent::pallet(name(content))}. */
  public static EnumValue event(String pallet, String name, Object content) {
    return EnumValue.of(pallet, EnumValue.of(name, content));
  }

  /** {@code System.ExtrinsicSuccess} with a zero dispatch info. */
  public EnumValue success() {
    int type = eventFieldType("System", "ExtrinsicSuccess", 0);
    return event("System", "ExtrinsicSuccess", Map.of("dispatch_info", zero(type, 0)));
  }

  /** {@code System.ExtrinsicFailed} with {@code DispatchError::Module} of this pallet error. */
  public EnumValue failed(String pallet, String error) {
    int palletIndex = metadata.pallet(pallet).index();
    int errorIndex = metadata.pallet(pallet).error(error).index();
    int info = eventFieldType("System", "ExtrinsicFailed", 1);
    Map<String, Object> module = Map.of("index", palletIndex, "error", new byte[] {(byte) errorIndex, 0, 0, 0});
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("dispatch_error", EnumValue.of("Module", module));
    content.put("dispatch_info", zero(info, 0));
    return event("System", "ExtrinsicFailed", content);
  }

  private int eventFieldType(String pallet, String event, int field) {
    return metadata.pallet(pallet).event(event).fields().get(field).type();
  }

  /** The simplest value of a type: zeros, empty sequences, first variants. */
  public Object zero(int type, int depth) {
    PortableRegistry r = metadata.registry();
    TypeDef def = r.def(type);
    if (def instanceof TypeDef.Primitive p) {
      return switch (p.kind()) {
        case BOOL -> false;
        case STR, CHAR -> "a";
        case U8, U16, I8, I16, I32 -> 0;
        case U32, I64 -> 0L;
        default -> BigInteger.ZERO;
      };
    }
    if (def instanceof TypeDef.Composite c) {
      return zeroFields(c.fields(), depth);
    }
    if (def instanceof TypeDef.VariantType v) {
      Variant first = v.variants().get(0);
      return new EnumValue(first.name(), -1, zeroFields(first.fields(), depth));
    }
    if (def instanceof TypeDef.Sequence s) {
      return r.def(s.elementType()) instanceof TypeDef.Primitive p && p.kind().name().equals("U8") ? new byte[0] : List.of();
    }
    if (def instanceof TypeDef.ArrayDef a) {
      if (r.def(a.elementType()) instanceof TypeDef.Primitive p && p.kind().name().equals("U8")) {
        return new byte[a.length()];
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.length(); i++) {
        out.add(zero(a.elementType(), depth + 1));
      }
      return out;
    }
    if (def instanceof TypeDef.Tuple t) {
      List<Object> out = new ArrayList<>();
      t.types().forEach(id -> out.add(zero(id, depth + 1)));
      return out;
    }
    if (def instanceof TypeDef.Compact) {
      return BigInteger.ZERO;
    }
    return new boolean[0];
  }

  private Object zeroFields(List<Field> fields, int depth) {
    if (fields.isEmpty()) {
      return null;
    }
    if (fields.get(0).name() == null) {
      if (fields.size() == 1) {
        return zero(fields.get(0).type(), depth + 1);
      }
      List<Object> out = new ArrayList<>();
      fields.forEach(f -> out.add(zero(f.type(), depth + 1)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach(f -> out.put(f.name(), zero(f.type(), depth + 1)));
    return out;
  }

  /** Decodes a submitted extrinsic with the metadata (signer, nonce from CheckNonce, call). */
  public Submitted decode(String hex) {
    byte[] bytes = Hex.decode(hex);
    ScaleReader in = new ScaleReader(bytes);
    in.readCompactInt();
    int version = in.readU8();
    if (version != 0x84) {
      throw new IllegalArgumentException("not a signed v4 extrinsic: " + version);
    }
    var x = metadata.extrinsic();
    EnumValue address = (EnumValue) codec.decode(x.addressType(), in);
    codec.decode(x.signatureType(), in);
    Map<String, Object> ext = new LinkedHashMap<>();
    for (SignedExtensionMetadata s : x.signedExtensions()) {
      ext.put(s.identifier(), codec.decode(s.type(), in));
    }
    EnumValue call = (EnumValue) codec.decode(x.callType(), in);
    in.expectEnd();
    long nonce = io.taoprom.chain.codec.Values.longValue(ext.get("CheckNonce"));
    return new Submitted(hex, (byte[]) address.value(), nonce, call, ext);
  }

  private void handle(FakeNode.Request r) throws Exception {
    if (interceptor.apply(r)) {
      return;
    }
    JsonNode p = r.params();
    switch (r.method()) {
      case "chain_getBlockHash" -> {
        long n = p == null || p.isEmpty() || p.get(0).isNull() ? best.get() : p.get(0).asLong();
        r.reply(hashes.get(n));
      }
      case "state_getRuntimeVersion" -> r.reply(Map.of("specName", "node-subtensor", "specVersion", specVersion,
          "transactionVersion", 1, "implVersion", 1));
      case "state_call" -> {
        if (p.get(0).asText().equals("Metadata_metadata_at_version")) {
          r.reply(v15Hex);
        } else {
          r.replyError(-32000, "unknown runtime call " + p.get(0).asText(), null);
        }
      }
      case "state_getMetadata" -> r.reply(v14Hex);
      case "chain_getHeader" -> {
        long n = best.get();
        r.reply(Map.of("number", "0x" + Long.toHexString(n), "parentHash", hashes.get(n - 1)));
      }
      case "chain_getFinalizedHead" -> r.reply(hashes.get(best.get()));
      case "system_accountNextIndex" -> r.reply(nonces.getOrDefault(
          Hex.encode(Ss58.decodeAccountId(p.get(0).asText())), 0L));
      case "state_getStorage" -> {
        String key = p.get(0).asText().toLowerCase(Locale.ROOT);
        String at = p.size() > 1 && !p.get(1).isNull() ? p.get(1).asText() : null;
        String eventsKey = Hex.encode(StorageKey.prefix("System", "Events"));
        if (key.equals(eventsKey) && at != null) {
          r.reply(events.getOrDefault(at, "0x00"));
        } else {
          r.reply(storage.get(key));
        }
      }
      case "state_queryStorageAt" -> {
        List<List<String>> changes = new ArrayList<>();
        p.get(0).forEach(k -> {
          List<String> pair = new ArrayList<>();
          pair.add(k.asText());
          pair.add(storage.get(k.asText().toLowerCase(Locale.ROOT)));
          changes.add(pair);
        });
        r.reply(List.of(Map.of("block", hashes.get(best.get()), "changes", changes)));
      }
      case "state_getKeysPaged" -> {
        String prefix = p.get(0).asText();
        int count = p.get(1).asInt();
        String start = p.size() > 2 && !p.get(2).isNull() ? p.get(2).asText() : prefix;
        List<String> out = new ArrayList<>();
        for (String k : storage.tailMap(start, false).keySet()) {
          if (!k.startsWith(prefix) || out.size() == count) {
            break;
          }
          out.add(k);
        }
        r.reply(out);
      }
      case "chain_getBlock" -> {
        String hash = p.get(0).asText();
        long number = hashes.entrySet().stream().filter(e -> e.getValue().equals(hash)).mapToLong(Map.Entry::getKey)
            .findFirst().orElse(-1);
        r.reply(Map.of("block", Map.of("header", Map.of("number", "0x" + Long.toHexString(number)),
            "extrinsics", blocks.getOrDefault(hash, List.of()))));
      }
      case "author_submitAndWatchExtrinsic" -> submitAndWatch(r);
      case "author_submitExtrinsic" -> r.reply(Hex.encode(Blake2b.hash256(Hex.decode(p.get(0).asText()))));
      case "author_unwatchExtrinsic", "chain_unsubscribeNewHeads", "state_unsubscribeRuntimeVersion" -> r.reply(true);
      default -> r.replyError(-32601, "Method not found: " + r.method(), null);
    }
  }

  private void submitAndWatch(FakeNode.Request r) throws InterruptedException {
    String hex = r.params().get(0).asText().toLowerCase(Locale.ROOT);
    Submitted xt = decode(hex);
    long expected = nonce(xt.signer());
    if (xt.nonce() < expected) {
      r.replyError(1010, "Invalid Transaction", "Transaction is outdated");
      return;
    }
    String sub = "watch-" + Long.toHexString(System.nanoTime());
    r.reply(sub);
    FakeNode.Connection c = r.connection();
    c.notify("author_extrinsicUpdate", sub, "ready");
    Thread.sleep(inclusionDelayMillis);
    List<Object> emitted = executor.apply(xt, this);
    nonce(xt.signer(), xt.nonce() + 1);
    advance(1);
    long n = best.get();
    String hash = hashes.get(n);
    blocks.put(hash, List.of("0x280403000b" + "00".repeat(6), hex));
    List<Object> records = new ArrayList<>();
    for (Object e : emitted) {
      Map<String, Object> rec = new LinkedHashMap<>();
      rec.put("phase", EnumValue.of("ApplyExtrinsic", 1L));
      rec.put("event", e);
      rec.put("topics", List.of());
      records.add(rec);
    }
    int eventsType = metadata.pallet("System").storage("Events").valueType();
    events.put(hash, Hex.encode(codec.encode(eventsType, records)));
    c.notify("author_extrinsicUpdate", sub, Map.of("inBlock", hash));
    Thread.sleep(20);
    c.notify("author_extrinsicUpdate", sub, Map.of("finalized", hash));
  }

  @Override
  public void close() {
    node.close();
  }
}
