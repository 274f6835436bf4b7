package io.taoprom.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.Fixtures;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.metadata.MetadataDecoder;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.hash.Blake2b;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.scale.ScaleReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtrinsicBuilderTest {

  private static final String GENESIS = "0x" + "11".repeat(32);
  private final KeyPair alice = Keys.fromUri("//Alice");

  private static ChainRuntime runtime(byte[] metadata) {
    return ChainRuntime.of("node-subtensor", 343, 1, MetadataDecoder.decode(metadata));
  }

  private static Map<String, Object> serveArgs() {
    return Map.of("netuid", 1, "version", 1L, "ip", BigInteger.valueOf(0x0a000001L), "port", 80, "ip_type", 4);
  }

  @Test
  void signedExtrinsicHasTheV4LayoutAndAVerifiableSignature() {
    ChainRuntime rt = runtime(Fixtures.bytes(Fixtures.V14));
    ExtrinsicBuilder b = ExtrinsicBuilder.forRuntime(rt, GENESIS).call("SubtensorModule", "serve_prometheus", serveArgs())
        .signer(alice).nonce(3).mortal(64, 1000, "0x" + "22".repeat(32));
    SignedExtrinsic xt = b.build();
    ScaleReader in = new ScaleReader(xt.bytes());
    assertThat(in.readCompactInt()).isEqualTo(xt.bytes().length - 2);
    assertThat(in.readU8()).isEqualTo(0x84);
    assertThat(in.readU8()).isZero(); // MultiAddress::Id
    assertThat(in.readBytes(32)).isEqualTo(alice.publicKey());
    assertThat(in.readU8()).isEqualTo(1); // MultiSignature::Sr25519
    byte[] signature = in.readBytes(64);
    assertThat(alice.verify(xt.signingPayload(), signature)).isTrue();
    assertThat(in.readBytes(2)).isEqualTo(Era.mortal(64, 1000).encode());
    assertThat(in.readCompactInt()).isEqualTo(3); // CheckNonce
    assertThat(in.readCompact()).isZero(); // tip
    assertThat(in.readU8()).isZero(); // CheckMetadataHash mode: disabled
    assertThat(in.readBytes(in.remaining())).isEqualTo(xt.call());
    assertThat(xt.hash()).isEqualTo(Blake2b.hash256(xt.bytes()));
    // payload: call, extra, then spec, tx version, genesis, era block hash, metadata hash None
    byte[] payload = xt.signingPayload();
    assertThat(Hex.encode(payload)).endsWith("57010000" + "01000000" + "11".repeat(32) + "22".repeat(32) + "00");
  }

  @Test
  void payloadsOver256BytesAreSignedAsTheirHash() {
    ChainRuntime rt = runtime(Fixtures.bytes(Fixtures.V14));
    ExtrinsicBuilder small = ExtrinsicBuilder.forRuntime(rt, GENESIS).call("System", "remark",
        Map.of("remark", new byte[10])).signer(alice).nonce(0);
    ExtrinsicBuilder big = ExtrinsicBuilder.forRuntime(rt, GENESIS).call("System", "remark",
        Map.of("remark", new byte[300])).signer(alice).nonce(0);
    assertThat(small.signingPayload().length).isLessThan(256);
    assertThat(big.signingPayload()).hasSize(32);
    SignedExtrinsic xt = big.build();
    byte[] full = new byte[0];
    assertThat(xt.signingPayload()).isNotEqualTo(full);
  }

  @Test
  void unknownZeroSizedExtensionsAreIncludedAndADataCarryingOneIsNamed() {
    byte[] md = Fixtures.bytes(Fixtures.V14);
    // Rename CheckWeight (zero-sized) and CheckMortality (carries an Era) to names we do not know.
    byte[] renamedWeight = rename(md, "CheckWeight", "CheckWeighX");
    SignedExtrinsic xt = ExtrinsicBuilder.forRuntime(runtime(renamedWeight), GENESIS)
        .call("SubtensorModule", "serve_prometheus", serveArgs()).signer(alice).nonce(0).build();
    SignedExtrinsic reference = ExtrinsicBuilder.forRuntime(runtime(md), GENESIS)
        .call("SubtensorModule", "serve_prometheus", serveArgs()).signer(alice).nonce(0).build();
    assertThat(xt.signingPayload()).isEqualTo(reference.signingPayload());
    byte[] renamedMortality = rename(md, "CheckMortality", "CheckMortalitX");
    assertThatThrownBy(() -> ExtrinsicBuilder.forRuntime(runtime(renamedMortality), GENESIS)
        .call("SubtensorModule", "serve_prometheus", serveArgs()).signer(alice).nonce(0).build())
        .isInstanceOf(TxException.class)
        .hasMessageContaining("signed extension 'CheckMortalitX' carries data");
    assertThat(SignedExtensions.identifiers(runtime(md))).contains("SubtensorTransactionExtension", "DrandPriority");
  }

  private static byte[] rename(byte[] metadata, String from, String to) {
    String latin = new String(metadata, StandardCharsets.ISO_8859_1);
    return latin.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void missingPartsAndWrongArgumentsAreNamed() {
    ChainRuntime rt = runtime(Fixtures.bytes(Fixtures.V14));
    assertThatThrownBy(() -> ExtrinsicBuilder.forRuntime(rt, GENESIS).call("SubtensorModule", "serve_prometheus",
        serveArgs()).signer(alice).build()).hasMessageContaining("no nonce set");
    assertThatThrownBy(() -> ExtrinsicBuilder.forRuntime(rt, GENESIS).call("SubtensorModule", "serve_prometheus",
        Map.of("netuid", 1))).isInstanceOf(TxException.class)
        .hasMessageContaining("cannot encode SubtensorModule.serve_prometheus");
    assertThatThrownBy(() -> ExtrinsicBuilder.forRuntime(rt, GENESIS).call("SubtensorModule", "serve", Map.of()))
        .hasMessageContaining("no call 'serve'");
  }

  @Test
  void erasMatchSubstrate() {
    assertThat(Hex.encode(Era.mortal(64, 42).encode())).isEqualTo("0xa502");
    assertThat(Hex.encode(Era.immortal().encode())).isEqualTo("0x00");
    Era e = Era.mortal(100, 1_000_123);
    assertThat(e.period()).isEqualTo(128);
    assertThat(e.birth(1_000_123)).isEqualTo(1_000_123);
    assertThat(e.death(1_000_123)).isEqualTo(1_000_251);
    assertThat(Era.mortal(1, 5).period()).isEqualTo(4);
    assertThat(Era.mortal(1_000_000, 5).period()).isEqualTo(65536);
  }

  @Test
  void everyStatusParsesInBothSpellings() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String[] texts = {"\"future\"", "\"ready\"", "{\"ready\":null}", "{\"broadcast\":[\"peer\"]}",
        "{\"inBlock\":\"0x01\"}", "{\"retracted\":\"0x01\"}", "{\"finalityTimeout\":\"0x01\"}",
        "{\"finalized\":\"0x01\"}", "{\"usurped\":\"0x02\"}", "\"dropped\"", "\"invalid\"",
        "{\"invalid\":{\"custom\":12}}"};
    String[] names = {"future", "ready", "ready", "broadcast", "inBlock", "retracted", "finalityTimeout",
        "finalized", "usurped", "dropped", "invalid", "invalid"};
    for (int i = 0; i < texts.length; i++) {
      assertThat(TransactionStatus.parse(json.readTree(texts[i])).name()).isEqualTo(names[i]);
    }
    TransactionStatus chopsticksInvalid = TransactionStatus.parse(json.readTree("{\"invalid\":{\"custom\":12}}"));
    TxNotIncludedException e = new TxNotIncludedException("x", chopsticksInvalid, java.util.List.of(chopsticksInvalid));
    assertThat(e.invalidTransaction()).get().satisfies(why -> assertThat(why.customCode()).hasValue(12));
    assertThatThrownBy(() -> TransactionStatus.parse(json.readTree("{\"inBlock\":null}")))
        .hasMessageContaining("without a block hash");
  }
}
