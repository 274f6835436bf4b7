package io.taoprom.chain.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.chain.Fixtures;
import io.taoprom.chain.metadata.Field;
import io.taoprom.chain.metadata.MetadataDecoder;
import io.taoprom.chain.metadata.Pallet;
import io.taoprom.chain.metadata.PalletConstant;
import io.taoprom.chain.metadata.PortableRegistry;
import io.taoprom.chain.metadata.PortableType;
import io.taoprom.chain.metadata.PrimitiveKind;
import io.taoprom.chain.metadata.RuntimeMetadata;
import io.taoprom.chain.metadata.StorageEntry;
import io.taoprom.chain.metadata.TypeDef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicCodecTest {

  static RuntimeMetadata md() {
    return MetadataDecoder.decode(Fixtures.bytes(Fixtures.V14));
  }

  @Test
  void everyStorageDefaultAndConstantOfBothFixturesRoundTrips() {
    for (RuntimeMetadata md : List.of(md(),
        MetadataDecoder.decodeOpaqueOption(Fixtures.bytes(Fixtures.V15_OPAQUE)))) {
      DynamicCodec codec = new DynamicCodec(md.registry());
      int checked = 0;
      for (Pallet p : md.pallets()) {
        for (StorageEntry e : p.storage()) {
          if (e.modifier() == StorageEntry.Modifier.DEFAULT) {
            Object v = codec.decode(e.valueType(), e.defaultValue());
            assertThat(codec.encode(e.valueType(), v)).as("%s.%s", p.name(), e.name())
                .isEqualTo(e.defaultValue());
            checked++;
          }
        }
        for (PalletConstant c : p.constants()) {
          Object v = codec.decode(c.type(), c.value());
          assertThat(codec.encode(c.type(), v)).as("%s.%s", p.name(), c.name()).isEqualTo(c.value());
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(300);
    }
  }

  @Test
  void servePrometheusCallEncodesToPalletCallAndArguments() {
    RuntimeMetadata md = md();
    DynamicCodec codec = new DynamicCodec(md.registry());
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("netuid", 27);
    args.put("version", 1234L);
    args.put("ip", BigInteger.valueOf(0x01020304L));
    args.put("port", 9400);
    args.put("ip_type", 4);
    byte[] call = codec.encode(md.extrinsic().callType(),
        EnumValue.of("SubtensorModule", EnumValue.of("serve_prometheus", args)));
    assertThat(Hex.encode(call)).isEqualTo("0x0705" + "1b00" + "d2040000"
        + "04030201000000000000000000000000" + "b824" + "04");
    Object back = codec.decode(md.extrinsic().callType(), call);
    EnumValue pallet = Values.enumValue(back);
    assertThat(pallet.name()).isEqualTo("SubtensorModule");
    assertThat(pallet.index()).isEqualTo(7);
    EnumValue inner = Values.enumValue(pallet.value());
    assertThat(inner.name()).isEqualTo("serve_prometheus");
    assertThat(inner.fields()).containsEntry("netuid", 27).containsEntry("version", 1234L)
        .containsEntry("ip", BigInteger.valueOf(0x01020304L)).containsEntry("port", 9400)
        .containsEntry("ip_type", 4);
  }

  @Test
  void encodingErrorsNameThePath() {
    RuntimeMetadata md = md();
    DynamicCodec codec = new DynamicCodec(md.registry());
    Map<String, Object> args = new LinkedHashMap<>(Map.of("netuid", 1, "version", 1L, "ip", "1.2.3.4",
        "port", 1, "ip_type", 4));
    assertThatThrownBy(() -> codec.encode(md.extrinsic().callType(),
        EnumValue.of("SubtensorModule", EnumValue.of("serve_prometheus", args))))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("at SubtensorModule > serve_prometheus > ip")
        .hasMessageContaining("expected an integer for u128");
    args.put("ip", BigInteger.ONE);
    args.put("port", 70_000);
    assertThatThrownBy(() -> codec.encode(md.extrinsic().callType(),
        EnumValue.of("SubtensorModule", EnumValue.of("serve_prometheus", args))))
        .hasMessageContaining("70000 is out of range for u16");
    args.put("port", 1);
    args.put("iptype", 4);
    assertThatThrownBy(() -> codec.encode(md.extrinsic().callType(),
        EnumValue.of("SubtensorModule", EnumValue.of("serve_prometheus", args))))
        .hasMessageContaining("unknown field 'iptype'");
    assertThatThrownBy(() -> codec.encode(md.extrinsic().callType(), EnumValue.of("NoSuchPallet", null)))
        .hasMessageContaining("no variant 'NoSuchPallet'");
  }

  @Test
  void truncatedAndHostileValuesFailWithTypeAndOffset() {
    RuntimeMetadata md = md();
    DynamicCodec codec = new DynamicCodec(md.registry());
    int callType = md.extrinsic().callType();
    assertThatThrownBy(() -> codec.decode(callType, Hex.decode("0x07051b00d204")))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("RuntimeCall at SubtensorModule > serve_prometheus > version")
        .hasMessageContaining("offset 4");
    assertThatThrownBy(() -> codec.decode(callType, Hex.decode("0xff00")))
        .hasMessageContaining("a variant of RuntimeCall, found index 255");
    int events = md.pallet("System").storage("Events").valueType();
    assertThatThrownBy(() -> codec.decode(events, Hex.decode("0xfeffffff00")))
        .hasMessageContaining("elements");
  }

  /** A tiny registry with what the fixtures lack: bit sequences, compacts, recursion. */
  private static PortableRegistry synthetic() {
    List<PortableType> t = new ArrayList<>();
    t.add(type(0, List.of(), new TypeDef.Primitive(PrimitiveKind.U8)));
    t.add(type(1, List.of(), new TypeDef.Primitive(PrimitiveKind.U32)));
    t.add(type(2, List.of("bitvec", "order", "Lsb0"), new TypeDef.Composite(List.of())));
    t.add(type(3, List.of("bitvec", "order", "Msb0"), new TypeDef.Composite(List.of())));
    t.add(type(4, List.of(), new TypeDef.BitSequence(0, 2)));
    t.add(type(5, List.of(), new TypeDef.BitSequence(1, 3)));
    t.add(type(6, List.of(), new TypeDef.Compact(1)));
    t.add(type(7, List.of(), new TypeDef.Primitive(PrimitiveKind.U128)));
    t.add(type(8, List.of(), new TypeDef.Compact(7)));
    // 9: struct Loop(Loop) — encodes to nothing, recursing forever
    t.add(type(9, List.of("Loop"), new TypeDef.Composite(List.of(new Field(null, 9, null, List.of())))));
    t.add(type(10, List.of(), new TypeDef.Primitive(PrimitiveKind.I16)));
    t.add(type(11, List.of(), new TypeDef.Primitive(PrimitiveKind.CHAR)));
    return new PortableRegistry(t);
  }

  private static PortableType type(int id, List<String> path, TypeDef def) {
    return new PortableType(id, path, List.of(), def, List.of());
  }

  @Test
  void bitSequencesInBothOrdersAndStoreSizes() {
    DynamicCodec codec = new DynamicCodec(synthetic());
    boolean[] bits = {true, false, true, true, false, false, false, false, true};
    // Lsb0 over u8: bits 0..7 -> 0b00001101, bit 8 -> second byte 0b1
    assertThat(Hex.encode(codec.encode(4, bits))).isEqualTo("0x240d01");
    assertThat((boolean[]) codec.decode(4, Hex.decode("0x240d01"))).isEqualTo(bits);
    // Msb0 over u32 (little-endian word): bit i at position 31 - i
    long word = (1L << 31) | (1L << 29) | (1L << 28) | (1L << 23);
    String expected = String.format("0x24%02x%02x%02x%02x", word & 0xff, (word >> 8) & 0xff,
        (word >> 16) & 0xff, (word >> 24) & 0xff);
    assertThat(Hex.encode(codec.encode(5, bits))).isEqualTo(expected);
    assertThat((boolean[]) codec.decode(5, Hex.decode(expected))).isEqualTo(bits);
  }

  @Test
  void compactsKeepTheirInnerJavaTypesAndRanges() {
    DynamicCodec codec = new DynamicCodec(synthetic());
    assertThat(Hex.encode(codec.encode(6, 1L))).isEqualTo("0x04");
    assertThat(Hex.encode(codec.encode(6, 16_383L))).isEqualTo("0xfdff");
    assertThat(codec.decode(6, Hex.decode("0xfeffffff"))).isEqualTo(1_073_741_823L);
    BigInteger big = BigInteger.ONE.shiftLeft(100);
    assertThat(codec.decode(8, codec.encode(8, big))).isEqualTo(big);
    assertThatThrownBy(() -> codec.encode(6, 1L << 32)).hasMessageContaining("out of range for u32");
    assertThatThrownBy(() -> codec.decode(6, Hex.decode("0x1300000000000001")))
        .hasMessageContaining("Compact<u32>");
    assertThat(codec.decode(10, Hex.decode("0xfeff"))).isEqualTo(-2);
    assertThat(codec.decode(11, codec.encode(11, "τ"))).isEqualTo("τ");
  }

  @Test
  void recursiveTypesFailInsteadOfOverflowingTheStack() {
    DynamicCodec codec = new DynamicCodec(synthetic());
    assertThatThrownBy(() -> codec.decode(9, new byte[0]))
        .isInstanceOf(CodecException.class).hasMessageContaining("nesting deeper than");
  }
}
