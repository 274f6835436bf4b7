package io.taoprom.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taoprom.chain.codec.DynamicCodec;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.codec.EventRecord;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.metadata.MetadataDecoder;
import io.taoprom.chain.metadata.Pallet;
import io.taoprom.chain.metadata.PrimitiveKind;
import io.taoprom.chain.metadata.RuntimeMetadata;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.chain.metadata.TypeDef;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.chain.tx.Era;
import io.taoprom.chain.tx.ExtrinsicBuilder;
import io.taoprom.chain.tx.SignedExtrinsic;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.hash.StorageHasher;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our encodings against polkadot-js 16.5.6 with the real finney metadata. */
class PolkadotJsInteropIT {

  private static final String GENESIS = "0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";
  private static final String BLOCK = "0x" + "5a".repeat(32);

  private static Path metadataFile;
  private static ChainRuntime runtime;

  @BeforeAll
  static void load() {
    metadataFile = Fixtures.fixturesDir().resolve(Fixtures.V14);
    Fixtures.bytes(Fixtures.V14); // skips (or fails in CI) when absent
    Fixtures.interopDir();
    RuntimeMetadata md = MetadataDecoder.decode(Fixtures.bytes(Fixtures.V14));
    runtime = ChainRuntime.of("node-subtensor", 343, 1, md);
  }

  private static Map<String, Object> serveArgs(int netuid, long version, BigInteger ip, int port, int type) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("netuid", netuid);
    a.put("version", version);
    a.put("ip", ip);
    a.put("port", port);
    a.put("ip_type", type);
    return a;
  }

  private static ObjectNode op(ArrayNode ops, String name) {
    ObjectNode o = ops.addObject();
    o.put("op", name);
    return o;
  }

  @Test
  void servePrometheusCallEncodingEqualsPolkadotJs() {
    List<Map<String, Object>> cases = List.of(
        serveArgs(27, 1234, BigInteger.valueOf(0x01020304L), 9400, 4),
        serveArgs(0, 0, BigInteger.ONE, 1, 6),
        serveArgs(65535, 4294967295L, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.TWO), 65535, 6));
    ArrayNode ops = PolkadotJs.ops();
    for (Map<String, Object> c : cases) {
      ObjectNode o = op(ops, "encodeCall");
      o.put("pallet", "SubtensorModule").put("call", "serve_prometheus");
      ObjectNode args = o.putObject("args");
      c.forEach((k, v) -> args.put(k, v.toString()));
    }
    JsonNode results = PolkadotJs.run(metadataFile, ops);
    for (int i = 0; i < cases.size(); i++) {
      byte[] ours = runtime.codec().encode(runtime.metadata().extrinsic().callType(),
          EnumValue.of("SubtensorModule", EnumValue.of("serve_prometheus", cases.get(i))));
      assertThat(Hex.encode(ours)).as("case %d", i).isEqualTo(results.get(i).get("hex").asText());
    }
  }

  @Test
  void storageKeysEqualPolkadotJsForEveryHasherInTheMetadata() {
    RuntimeMetadata md = runtime.metadata();
    DynamicCodec codec = runtime.codec();
    byte[] alice = Keys.fromUri("//Alice").publicKey();
    List<StorageKey> ours = new ArrayList<>();
    ArrayNode ops = PolkadotJs.ops();
    Set<StorageHasher> covered = EnumSet.noneOf(StorageHasher.class);
    for (Pallet p : md.pallets()) {
      for (StorageEntry e : p.storage()) {
        List<Object> keys = new ArrayList<>();
        List<String> jsKeys = new ArrayList<>();
        boolean simple = true;
        for (int type : e.keyTypes(md.registry())) {
          Object sample = sample(md, type, keys.size(), alice);
          if (sample == null) {
            simple = false;
            break;
          }
          keys.add(sample);
          jsKeys.add(sample instanceof byte[] b ? Hex.encode(b) : sample.toString());
        }
        boolean nothingNew = covered.containsAll(e.hashers());
        if (!simple || (nothingNew && ours.size() > 40)) {
          continue;
        }
        covered.addAll(e.hashers());
        ours.add(StorageKey.of(md, codec, e, keys));
        ObjectNode o = op(ops, "storageKey");
        o.put("pallet", p.name()).put("entry", e.name());
        ArrayNode k = o.putArray("keys");
        jsKeys.forEach(k::add);
      }
    }
    JsonNode results = PolkadotJs.run(metadataFile, ops);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(ours.get(i).hex()).as("%s", ours.get(i)).isEqualTo(results.get(i).get("hex").asText());
    }
    assertThat(covered).contains(StorageHasher.IDENTITY, StorageHasher.BLAKE2_128_CONCAT, StorageHasher.TWOX_64_CONCAT);
    assertThat(ours.size()).isGreaterThan(20);
  }

  /** A key value polkadot-js takes as a JSON number or hex, or null for shapes we skip. */
  private static Object sample(RuntimeMetadata md, int type, int position, byte[] account) {
    TypeDef def = md.registry().def(type);
    if (def instanceof TypeDef.Primitive p) {
      return switch (p.kind()) {
        case U8, U16 -> 3 + position;
        case U32 -> 70_000L + position;
        case U64 -> BigInteger.valueOf(5_000_000_000L + position);
        default -> null;
      };
    }
    if (def instanceof TypeDef.Composite c && c.fields().size() == 1
        && md.registry().def(c.fields().get(0).type()) instanceof TypeDef.ArrayDef a && a.length() == 32
        && md.registry().def(a.elementType()) instanceof TypeDef.Primitive e && e.kind() == PrimitiveKind.U8) {
      return account;
    }
    return null;
  }

  private static ExtrinsicBuilder serveBuilder(KeyPair key, long nonce) {
    return ExtrinsicBuilder.forRuntime(runtime, GENESIS)
        .call("SubtensorModule", "serve_prometheus", serveArgs(1, 100, BigInteger.valueOf(0xcb007107L), 9400, 4))
        .signer(key).nonce(nonce);
  }

  private static ObjectNode decodeOp(ArrayNode ops, SignedExtrinsic xt, String blockHash) {
    ObjectNode o = op(ops, "decodeExtrinsic");
    o.put("hex", xt.hex()).put("specVersion", 343).put("transactionVersion", 1)
        .put("genesisHash", GENESIS).put("blockHash", blockHash);
    return o;
  }

  @Test
  void extrinsicsWeSignDecodeInPolkadotJsAndTheirSignaturesVerify() {
    KeyPair alice = Keys.fromUri("//Alice");
    KeyPair aliceEd = Keys.fromUri("//Alice", "ed25519");
    SignedExtrinsic immortal = serveBuilder(alice, 7).immortal().build();
    SignedExtrinsic mortal = serveBuilder(alice, 8).mortal(64, 1_000_042, BLOCK).build();
    SignedExtrinsic ed = serveBuilder(aliceEd, 9).mortal(64, 1_000_042, BLOCK).build();
    // System.remark of 300 bytes: a payload over 256 bytes is signed as its blake2-256
    SignedExtrinsic big = ExtrinsicBuilder.forRuntime(runtime, GENESIS)
        .call("System", "remark", Map.of("remark", new byte[300])).signer(alice).nonce(1)
        .tip(BigInteger.valueOf(123)).immortal().build();
    ArrayNode ops = PolkadotJs.ops();
    decodeOp(ops, immortal, GENESIS);
    decodeOp(ops, mortal, BLOCK);
    decodeOp(ops, ed, BLOCK);
    decodeOp(ops, big, GENESIS);
    JsonNode r = PolkadotJs.run(metadataFile, ops);

    for (int i = 0; i < 3; i++) {
      JsonNode x = r.get(i);
      assertThat(x.get("section").asText()).isEqualTo("subtensorModule");
      assertThat(x.get("method").asText()).isEqualTo("servePrometheus");
      assertThat(x.get("args").get("netuid").asInt()).isEqualTo(1);
      assertThat(x.get("args").get("version").asLong()).isEqualTo(100);
      String ip = x.get("args").get("ip").asText();
      assertThat(ip.startsWith("0x") ? new BigInteger(ip.substring(2), 16) : new BigInteger(ip))
          .isEqualTo(BigInteger.valueOf(0xcb007107L));
      assertThat(x.get("args").get("port").asInt()).isEqualTo(9400);
      JsonNode type = x.get("args").has("ipType") ? x.get("args").get("ipType") : x.get("args").get("ip_type");
      assertThat(type.asInt()).isEqualTo(4);
      assertThat(x.get("signatureValid").asBoolean()).as("signature %d", i).isTrue();
    }
    assertThat(r.get(0).get("signer").asText()).isEqualTo(Hex.encode(alice.publicKey()));
    assertThat(r.get(0).get("nonce").asLong()).isEqualTo(7);
    assertThat(r.get(0).get("era").asText()).isEqualTo("0x00");
    assertThat(r.get(0).get("payload").asText()).isEqualTo(Hex.encode(immortal.signingPayload()));
    assertThat(r.get(1).get("era").asText()).isEqualTo(Hex.encode(Era.mortal(64, 1_000_042).encode()));
    assertThat(r.get(1).get("payload").asText()).isEqualTo(Hex.encode(mortal.signingPayload()));
    assertThat(r.get(2).get("crypto").asText()).isEqualTo("ed25519");
    assertThat(r.get(2).get("signer").asText()).isEqualTo(Hex.encode(aliceEd.publicKey()));
    JsonNode remark = r.get(3);
    assertThat(remark.get("method").asText()).isEqualTo("remark");
    assertThat(remark.get("tip").asText()).isEqualTo("123");
    assertThat(remark.get("signatureValid").asBoolean()).isTrue();
    assertThat(Hex.decode(remark.get("payload").asText())).hasSize(32).isEqualTo(big.signingPayload());
    assertThat(remark.get("length").asInt()).isEqualTo(big.bytes().length);
  }

  @Test
  void aSignatureMadeByPolkadotJsAssemblesIntoAValidExtrinsic() {
    KeyPair alice = Keys.fromUri("//Alice");
    ExtrinsicBuilder b = ExtrinsicBuilder.forRuntime(runtime, GENESIS)
        .call("SubtensorModule", "serve_prometheus", serveArgs(3, 1, BigInteger.valueOf(0x0a000001L), 80, 4))
        .signerAccount(alice.publicKey(), "sr25519").nonce(0).mortal(32, 77, BLOCK);
    ArrayNode ops = PolkadotJs.ops();
    op(ops, "sign").put("uri", "//Alice").put("payload", Hex.encode(b.signingPayload()));
    JsonNode signed = PolkadotJs.run(metadataFile, ops).get(0);
    assertThat(signed.get("publicKey").asText()).isEqualTo(Hex.encode(alice.publicKey()));
    SignedExtrinsic xt = b.build(Hex.decode(signed.get("signature").asText()));
    // and our sr25519 verifies polkadot-js's signature over our payload
    assertThat(alice.verify(b.signingPayload(), Hex.decode(signed.get("signature").asText()))).isTrue();
    ArrayNode check = PolkadotJs.ops();
    decodeOp(check, xt, BLOCK);
    JsonNode r = PolkadotJs.run(metadataFile, check).get(0);
    assertThat(r.get("signatureValid").asBoolean()).isTrue();
    assertThat(r.get("args").get("netuid").asInt()).isEqualTo(3);
  }

  @Test
  void eraEncodingsEqualPolkadotJs() {
    long[][] cases = {{64, 42}, {4, 0}, {4, 1_000_001}, {64, 1_000_042}, {256, 12_345_678}, {1024, 5}, {4096, 4_095_999}};
    ArrayNode ops = PolkadotJs.ops();
    for (long[] c : cases) {
      op(ops, "era").put("period", c[0]).put("current", c[1]);
    }
    JsonNode r = PolkadotJs.run(metadataFile, ops);
    for (int i = 0; i < cases.length; i++) {
      assertThat(Hex.encode(Era.mortal(cases[i][0], cases[i][1]).encode())).as("era %d/%d", cases[i][0], cases[i][1])
          .isEqualTo(r.get(i).get("hex").asText());
    }
  }

  /** Adds an event record; returns its data array to fill. Phase -1 is Finalization. */
  private static ArrayNode record(ArrayNode records, int extrinsic, String pallet, String event) {
    ObjectNode r = records.addObject();
    if (extrinsic < 0) {
      r.put("phase", "Finalization");
    } else {
      r.putObject("phase").put("ApplyExtrinsic", extrinsic);
    }
    r.put("pallet", pallet).put("event", event);
    return r.putArray("data");
  }

  @Test
  void eventsEncodedByPolkadotJsDecodeWithNamedErrors() {
    byte[] alice = Keys.fromUri("//Alice").publicKey();
    ArrayNode ops = PolkadotJs.ops();
    ObjectNode o = op(ops, "encodeEvents");
    ArrayNode records = o.putArray("records");
    ObjectNode info = PolkadotJs.JSON.createObjectNode();
    info.putObject("weight").put("refTime", 1000).put("proofSize", 10);
    info.put("class", "Normal").put("paysFee", "No");
    record(records, 1, "SubtensorModule", "PrometheusServed").add(1).add(Hex.encode(alice));
    record(records, 1, "System", "ExtrinsicSuccess").add(info);
    ObjectNode dispatchError = PolkadotJs.JSON.createObjectNode();
    int errorIndex = runtime.metadata().pallet("SubtensorModule").error("HotKeyNotRegisteredInNetwork").index();
    dispatchError.putObject("Module").put("index", 7).put("error", String.format("0x%02x000000", errorIndex));
    record(records, 2, "System", "ExtrinsicFailed").add(dispatchError).add(info);
    record(records, -1, "System", "ExtrinsicSuccess").add(info);

    byte[] events = Hex.decode(PolkadotJs.run(metadataFile, ops).get(0).get("hex").asText());
    List<EventRecord> decoded = runtime.events().decode(events);
    assertThat(decoded).hasSize(4);
    assertThat(decoded.get(0).is("SubtensorModule", "PrometheusServed")).isTrue();
    assertThat(decoded.get(0).emittedBy(1)).isTrue();
    assertThat(io.taoprom.chain.codec.Values.list(decoded.get(0).fields())).containsExactly(1, alice);
    assertThat(decoded.get(1).is("System", "ExtrinsicSuccess")).isTrue();
    var failure = runtime.events().dispatchFailure(decoded.get(2));
    assertThat(failure.isModuleError("SubtensorModule", "HotKeyNotRegisteredInNetwork")).isTrue();
    assertThat(failure.module().docs()).isNotBlank();
    assertThat(decoded.get(3).phase()).isEqualTo(EventRecord.Phase.FINALIZATION);
  }
}
