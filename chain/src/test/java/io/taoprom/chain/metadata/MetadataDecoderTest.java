package io.taoprom.chain.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.chain.Fixtures;
import io.taoprom.core.hash.StorageHasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetadataDecoderTest {

  private static RuntimeMetadata v14() {
    return MetadataDecoder.decode(Fixtures.bytes(Fixtures.V14));
  }

  private static RuntimeMetadata v15() {
    return MetadataDecoder.decodeOpaqueOption(Fixtures.bytes(Fixtures.V15_OPAQUE));
  }

  @Test
  void v14FixtureDecodesCompletely() {
    RuntimeMetadata md = v14();
    assertThat(md.version()).isEqualTo(14);
    assertThat(md.registry().size()).isGreaterThan(500);
    assertThat(md.pallets()).extracting(Pallet::name)
        .contains("System", "Balances", "SubtensorModule", "Sudo");
    assertThat(md.runtimeApis()).isEmpty();
    assertThat(md.outerEnums().callType()).isEqualTo(md.extrinsic().callType());
    assertThat(md.registry().describe(md.outerEnums().eventType())).isEqualTo("RuntimeEvent");
  }

  @Test
  void v15FixtureDecodesCompletelyWithRuntimeApis() {
    RuntimeMetadata md = v15();
    assertThat(md.version()).isEqualTo(15);
    RuntimeApi metadataApi = md.runtimeApi("Metadata");
    assertThat(metadataApi).isNotNull();
    RuntimeApi.Method atVersion = metadataApi.method("metadata_at_version");
    assertThat(atVersion.inputs()).extracting(RuntimeApi.Param::name).containsExactly("version");
    assertThat(md.registry().describe(atVersion.output())).isEqualTo("Option<OpaqueMetadata>");
    assertThat(md.registry().describe(md.outerEnums().callType())).isEqualTo("RuntimeCall");
    assertThat(md.registry().describe(md.outerEnums().eventType())).isEqualTo("RuntimeEvent");
    assertThat(md.registry().describe(md.outerEnums().errorType())).isEqualTo("RuntimeError");
    assertThat(md.pallet("SubtensorModule").docs()).isNotNull();
  }

  @Test
  void servePrometheusIsFoundWithItsArguments() {
    for (RuntimeMetadata md : List.of(v14(), v15())) {
      Pallet subtensor = md.pallet("SubtensorModule");
      assertThat(subtensor.index()).isEqualTo(7);
      Variant serve = subtensor.call("serve_prometheus");
      assertThat(serve.index()).isEqualTo(5);
      assertThat(serve.fieldNames()).containsExactly("netuid", "version", "ip", "port", "ip_type");
      assertThat(serve.fields()).extracting(f -> md.registry().describe(f.type()))
          .containsExactly("u16", "u32", "u128", "u16", "u8");
      StorageEntry prometheus = subtensor.storage("Prometheus");
      assertThat(prometheus.hashers())
          .containsExactly(StorageHasher.IDENTITY, StorageHasher.BLAKE2_128_CONCAT);
      assertThat(prometheus.modifier()).isEqualTo(StorageEntry.Modifier.OPTIONAL);
      assertThat(md.registry().describe(prometheus.valueType())).isEqualTo("PrometheusInfo");
      assertThat(prometheus.keyTypes(md.registry())).extracting(md.registry()::describe)
          .containsExactly("u16", "AccountId32");
      assertThat(subtensor.event("PrometheusServed").fields()).hasSize(2);
      Variant notRegistered = subtensor.error("HotKeyNotRegisteredInNetwork");
      assertThat(notRegistered.docText()).isNotBlank();
    }
  }

  @Test
  void signedExtensionsAreListedInOrder() {
    List<String> ids = v14().extrinsic().signedExtensions().stream()
        .map(SignedExtensionMetadata::identifier).toList();
    assertThat(ids).containsExactly("CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion",
        "CheckGenesis", "CheckMortality", "CheckNonce", "CheckWeight", "ChargeTransactionPayment",
        "SubtensorTransactionExtension", "DrandPriority", "CheckMetadataHash");
    assertThat(v14().extrinsic().version()).isEqualTo(4);
  }

  @Test
  void v14AndV15AgreeOnPalletsCallsStorageAndExtensions() {
    RuntimeMetadata a = v14();
    RuntimeMetadata b = v15();
    assertThat(signature(b)).isEqualTo(signature(a));
    assertThat(a.pallets()).hasSameSizeAs(b.pallets());
  }

  /** Everything both versions carry, rendered without type ids (which may differ). */
  private static List<String> signature(RuntimeMetadata md) {
    PortableRegistry r = md.registry();
    List<String> out = new ArrayList<>();
    for (Pallet p : md.pallets()) {
      out.add("pallet " + p.name() + " #" + p.index());
      for (Variant c : p.calls()) {
        out.add(" call " + c.index() + " " + c.name() + fields(r, c));
      }
      for (Variant e : p.events()) {
        out.add(" event " + e.index() + " " + e.name() + fields(r, e));
      }
      for (Variant e : p.errors()) {
        out.add(" error " + e.index() + " " + e.name() + " " + e.docText());
      }
      for (StorageEntry s : p.storage()) {
        out.add(" storage " + s.name() + " " + s.modifier() + " " + s.hashers() + " "
            + (s.isPlain() ? "" : r.describe(s.keyType())) + " -> " + r.describe(s.valueType())
            + " default " + Arrays.toString(s.defaultValue()));
      }
      for (PalletConstant c : p.constants()) {
        out.add(" const " + c.name() + ": " + r.describe(c.type()) + " = " + Arrays.toString(c.value()));
      }
    }
    for (SignedExtensionMetadata s : md.extrinsic().signedExtensions()) {
      out.add("extension " + s.identifier() + " " + r.describe(s.type()) + " / " + r.describe(s.additionalSigned()));
    }
    out.add("extrinsic v" + md.extrinsic().version() + " " + r.describe(md.extrinsic().addressType())
        + " " + r.describe(md.extrinsic().callType()) + " " + r.describe(md.extrinsic().signatureType()));
    return out;
  }

  private static String fields(PortableRegistry r, Variant v) {
    StringBuilder sb = new StringBuilder("(");
    for (Field f : v.fields()) {
      sb.append(f.name()).append(':').append(r.describe(f.type())).append(',');
    }
    return sb.append(')').toString();
  }

  @Test
  void truncatedMetadataFailsWithOffsetAndPlace() {
    byte[] full = Fixtures.bytes(Fixtures.V14);
    for (int cut : new int[] {0, 3, 5, 6, 100, 5_000, 100_000, full.length / 2, full.length - 1}) {
      byte[] truncated = Arrays.copyOf(full, cut);
      assertThatThrownBy(() -> MetadataDecoder.decode(truncated))
          .as("cut at %d", cut)
          .isInstanceOf(MetadataException.class)
          .hasMessageContaining("cannot decode runtime metadata")
          .hasMessageContaining("offset");
    }
    assertThatThrownBy(() -> MetadataDecoder.decode(Arrays.copyOf(full, full.length - 30_000)))
        .hasMessageContaining("pallet #");
    assertThatThrownBy(() -> MetadataDecoder.decode(Arrays.copyOf(full, 200_000)))
        .hasMessageContaining("the type registry, entry #");
  }

  @Test
  void trailingBytesAreAnError() {
    byte[] full = Fixtures.bytes(Fixtures.V14);
    byte[] longer = Arrays.copyOf(full, full.length + 1);
    assertThatThrownBy(() -> MetadataDecoder.decode(longer))
        .isInstanceOf(MetadataException.class).hasMessageContaining("1 bytes remain");
  }

  @Test
  void hostileBytesFailWithMetadataExceptionOnly() {
    byte[] full = Fixtures.bytes(Fixtures.V14);
    Random random = new Random(42);
    Set<String> messages = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      byte[] mutated = full.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        mutated[5 + random.nextInt(mutated.length - 5)] = (byte) random.nextInt(256);
      }
      try {
        MetadataDecoder.decode(mutated);
      } catch (MetadataException expected) {
        messages.add(expected.getMessage().substring(0, Math.min(40, expected.getMessage().length())));
      }
    }
    assertThat(messages).isNotEmpty();
  }

  @Test
  void hugeLengthPrefixIsRejectedBeforeAllocating() {
    // magic, V14, then a registry claiming 2^30 - 1 types in a 10-byte input
    byte[] hostile = {0x6d, 0x65, 0x74, 0x61, 14, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0};
    assertThatThrownBy(() -> MetadataDecoder.decode(hostile))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("the type registry")
        .hasMessageContaining("elements");
  }

  @Test
  void wrongMagicVersionAndNoneAreNamed() {
    assertThatThrownBy(() -> MetadataDecoder.decode(new byte[] {1, 2, 3, 4, 14}))
        .hasMessageContaining("not runtime metadata");
    assertThatThrownBy(() -> MetadataDecoder.decode(new byte[] {0x6d, 0x65, 0x74, 0x61, 13}))
        .hasMessageContaining("V13 is not supported");
    assertThatThrownBy(() -> MetadataDecoder.decodeOpaqueOption(new byte[] {0}))
        .hasMessageContaining("no metadata of the requested version");
  }

  @Test
  void lookupsOfMissingThingsNameThem() {
    RuntimeMetadata md = v14();
    assertThatThrownBy(() -> md.pallet("Subtensor"))
        .isInstanceOf(MetadataException.class).hasMessageContaining("did you mean SubtensorModule");
    assertThatThrownBy(() -> md.pallet("SubtensorModule").call("serve_prometheus_v2"))
        .hasMessageContaining("no call 'serve_prometheus_v2'").hasMessageContaining("serve_prometheus");
    assertThatThrownBy(() -> md.pallet("SubtensorModule").storage("Nope"))
        .hasMessageContaining("no storage entry 'Nope'");
  }
}
