package io.taoprom.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScaleReaderWriterTest {

  private static String hex(ScaleWriter w) {
    return HexFormat.of().formatHex(w.toByteArray());
  }

  private static ScaleReader reader(String hex) {
    return new ScaleReader(HexFormat.of().parseHex(hex));
  }

  @Test
  void servePrometheusArgumentsEncodeAsTheChainExpects() {
    // netuid 27, version 1, ip 192.168.1.1 as u128, port 9100, ip_type 4
    String args = hex(new ScaleWriter().writeU16(27).writeU32(1).writeU128(BigInteger.valueOf(3232235777L))
        .writeU16(9100).writeU8(4));
    assertThat(args).isEqualTo("1b00" + "01000000" + "0101a8c0000000000000000000000000" + "8c23" + "04");
  }

  @Test
  void compactModesAtTheirEdges() {
    assertThat(hex(new ScaleWriter().writeCompact(0))).isEqualTo("00");
    assertThat(hex(new ScaleWriter().writeCompact(63))).isEqualTo("fc");
    assertThat(hex(new ScaleWriter().writeCompact(64))).isEqualTo("0101");
    assertThat(hex(new ScaleWriter().writeCompact(16383))).isEqualTo("fdff");
    assertThat(hex(new ScaleWriter().writeCompact(16384))).isEqualTo("02000100");
    assertThat(hex(new ScaleWriter().writeCompact((1L << 30) - 1))).isEqualTo("feffffff");
    assertThat(hex(new ScaleWriter().writeCompact(1L << 30))).isEqualTo("0300000040");
    assertThat(hex(new ScaleWriter().writeCompact(Long.MAX_VALUE))).isEqualTo("13ffffffffffffff7f");
    BigInteger max = BigInteger.ONE.shiftLeft(536).subtract(BigInteger.ONE);
    assertThat(hex(new ScaleWriter().writeCompact(max))).isEqualTo("ff" + "ff".repeat(67));
    assertThat(reader("ff" + "ff".repeat(67)).readCompact()).isEqualTo(max);
  }

  @Test
  void compactOutOfRangeIsRejectedWhenWriting() {
    assertThatThrownBy(() -> new ScaleWriter().writeCompact(BigInteger.ONE.shiftLeft(536)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^536");
    assertThatThrownBy(() -> new ScaleWriter().writeCompact(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonCanonicalCompactsAreRejectedWithTheirOffset() {
    assertThatThrownBy(() -> reader("0100").readCompact())
        .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("offset 0").hasMessageContaining("one byte");
    assertThatThrownBy(() -> {
      ScaleReader r = reader("ff" + "02000000");
      r.skip(1);
      r.readCompact();
    })
        .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("offset 1").hasMessageContaining("two bytes");
    // Four-byte big-integer mode for a value below 2^30.
    assertThatThrownBy(() -> reader("03ffffff3f").readCompact()).isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("shorter encoding");
    // Nine bytes where eight would do.
    assertThatThrownBy(() -> reader("17" + "ff".repeat(8) + "00").readCompact()).isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("shorter encoding");
  }

  @Test
  void integersRejectValuesOutsideTheirType() {
    assertThatThrownBy(() -> new ScaleWriter().writeU8(256)).hasMessageContaining("u8 out of range");
    assertThatThrownBy(() -> new ScaleWriter().writeU8(-1)).hasMessageContaining("u8 out of range");
    assertThatThrownBy(() -> new ScaleWriter().writeU16(70000)).hasMessageContaining("u16");
    assertThatThrownBy(() -> new ScaleWriter().writeU32(-5)).hasMessageContaining("u32");
    assertThatThrownBy(() -> new ScaleWriter().writeI8(128)).hasMessageContaining("i8");
    assertThatThrownBy(() -> new ScaleWriter().writeU128(BigInteger.ONE.shiftLeft(128))).hasMessageContaining("u128");
    assertThatThrownBy(() -> new ScaleWriter().writeI128(BigInteger.ONE.shiftLeft(127))).hasMessageContaining("i128");
  }

  @Test
  void signedIntegersAreTwosComplementLittleEndian() {
    assertThat(hex(new ScaleWriter().writeI8(-1).writeI16(-2).writeI32(-3).writeI64(-4))).isEqualTo(
        "ff" + "feff" + "fdffffff" + "fcffffffffffffff");
    assertThat(hex(new ScaleWriter().writeI128(BigInteger.ONE.shiftLeft(127).negate()))).isEqualTo("00".repeat(15) + "80");
    assertThat(reader("00".repeat(15) + "80").readI128()).isEqualTo(BigInteger.ONE.shiftLeft(127).negate());
  }

  @Test
  void u128DecodesAcrossTheLongBoundary() {
    assertThat(reader("ffffffffffffffff" + "0000000000000000").readU128()).isEqualTo(new BigInteger("ffffffffffffffff", 16));
    assertThat(reader("ff".repeat(16)).readU128()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    assertThat(reader("00".repeat(15) + "80").readU128()).isEqualTo(BigInteger.ONE.shiftLeft(127));
  }

  @Test
  void truncatedInputNamesTheOffsetAndTheExpectation() {
    ScaleReader r = reader("010203");
    r.readU8();
    assertThatThrownBy(r::readU32).isInstanceOf(ScaleDecodeException.class)
        .hasMessage("SCALE decode error at offset 1: 32-bit integer (4 bytes), but only 2 remain")
        .satisfies(e -> assertThat(((ScaleDecodeException) e).offset()).isEqualTo(1));
  }

  @Test
  void hostileLengthPrefixesFailBeforeAllocating() {
    // A Vec<u8> claiming 2^30 elements with three bytes behind it.
    assertThatThrownBy(() -> reader("03000000400102").readByteVec()).isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("1073741824 elements");
    // A Vec<u64> claiming 10 elements with 16 bytes: checked against 8 bytes per element.
    assertThatThrownBy(() -> reader("28" + "00".repeat(16)).readVec(ScaleReader::readU64, 8))
        .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("at least 8 bytes each");
    // A length beyond 2^31.
    assertThatThrownBy(() -> reader("13" + "ff".repeat(8)).readCompactInt()).isInstanceOf(ScaleDecodeException.class);
    // A compact bigger than a long where a length is expected.
    assertThatThrownBy(() -> reader("ff" + "ff".repeat(67)).readByteVec()).isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("below 2^63");
  }

  @Test
  void malformedTagsAreRejected() {
    assertThatThrownBy(() -> reader("02").readBool()).hasMessageContaining("bool 0 or 1, found 2");
    assertThatThrownBy(() -> reader("05").readOption(ScaleReader::readU8)).hasMessageContaining("Option tag");
    assertThatThrownBy(() -> reader("03").readOptionBool()).hasMessageContaining("OptionBool");
    assertThatThrownBy(() -> reader("0207").readResult(ScaleReader::readU8, ScaleReader::readU8)).hasMessageContaining("Result tag");
    assertThatThrownBy(() -> reader("04").readEnumIndex(4)).hasMessageContaining("below 4, found 4");
    assertThatThrownBy(() -> reader("08c328").readString()).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> ScaleCodecs.U8.decodeAll(new byte[2])).hasMessageContaining("1 bytes remain");
  }

  @Test
  void compositeHelpersMirrorTheCodecs() {
    ScaleWriter w = new ScaleWriter()
        .writeOption(Optional.of(5L), ScaleWriter::writeU32)
        .writeOption(Optional.<Long>empty(), ScaleWriter::writeU32)
        .writeOptionBool(Optional.of(false))
        .writeResult(ScaleResult.<Integer, String>err("x"), ScaleWriter::writeU8, ScaleWriter::writeString)
        .writeVec(List.of(1, 2), ScaleWriter::writeU16)
        .writeArray(List.of(7, 8), 2, ScaleWriter::writeU8)
        .writeEnumIndex(3);
    assertThat(hex(w)).isEqualTo("0105000000" + "00" + "02" + "010478" + "0801000200" + "0708" + "03");
    ScaleReader r = new ScaleReader(w.toByteArray());
    assertThat(r.readOption(ScaleReader::readU32)).contains(5L);
    assertThat(r.readOption(ScaleReader::readU32)).isEmpty();
    assertThat(r.readOptionBool()).contains(false);
    assertThat(r.readResult(ScaleReader::readU8, ScaleReader::readString)).isEqualTo(ScaleResult.err("x"));
    assertThat(r.readVec(ScaleReader::readU16, 2)).containsExactly(1, 2);
    assertThat(r.readArray(2, ScaleReader::readU8)).containsExactly(7, 8);
    assertThat(r.readEnumIndex(4)).isEqualTo(3);
    r.expectEnd();
    assertThatThrownBy(() -> new ScaleWriter().writeArray(List.of(1), 2, ScaleWriter::writeU8)).hasMessageContaining("2 elements");
    assertThatThrownBy(() -> new ScaleWriter().writeFixedBytes(new byte[3], 4)).hasMessageContaining("[u8; 4]");
  }

  @Test
  void unitResultsDecodeAsDispatchResultIs() {
    // Result<(), ()>: both payloads are unit, which decodes as null (found by ScaleDecodeFuzz:
    // decoding Err(()) threw a NullPointerException).
    ScaleCodec<ScaleResult<Void, Void>> dispatch = ScaleCodecs.result(ScaleCodecs.UNIT, ScaleCodecs.UNIT);
    assertThat(dispatch.decodeAll(new byte[] {0})).isEqualTo(ScaleResult.ok(null));
    assertThat(dispatch.decodeAll(new byte[] {1})).isEqualTo(ScaleResult.err(null));
    assertThat(dispatch.decodeAll(new byte[] {1}).isOk()).isFalse();
    assertThat(dispatch.encodeToBytes(ScaleResult.err(null))).containsExactly(1);
  }
}
