package io.taoprom.chain.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.taoprom.chain.Fixtures;
import io.taoprom.chain.metadata.MetadataDecoder;
import io.taoprom.chain.metadata.PortableRegistry;
import io.taoprom.untrusted.testing.AllocationBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * The type-id driven codec decoding arbitrary bytes as any type of the real finney metadata (V15
 * fixture) — what it does with every storage value, event and extrinsic a node sends. It gives a
 * value or a {@link CodecException} with an escaped, bounded message; a decoded value encodes
 * again; decoding allocates no more than a budget proportional to the input ({@link
 * AllocationBudget}).
 */
class DynamicCodecFuzz {

  private static final DynamicCodec CODEC = codec();
  private static final int TYPES = CODEC == null ? 0 : CODEC.registry().size();

  private static DynamicCodec codec() {
    Path file = Fixtures.fixturesDir().resolve(Fixtures.V15_OPAQUE);
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      PortableRegistry registry = MetadataDecoder.decodeOpaqueOption(Hex.decode(Files.readString(file).strip())).registry();
      return new DynamicCodec(registry);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static final AllocationBudget BUDGET = AllocationBudget.perInputByte(256);

  // Before the fuzzing starts: an assumption that fails inside a fuzz test is a finding to Jazzer,
  // so a clone without ../shared would fail instead of skipping.
  @BeforeAll
  static void theFixtureIsThere() {
    Fixtures.require(CODEC != null, "DynamicCodecFuzz needs " + Fixtures.V15_OPAQUE + " in " + Fixtures.fixturesDir());
  }

  @FuzzTest(maxDuration = "15s")
  void anyBytesAsAnyTypeDecodeOrFailWithACodecException(FuzzedDataProvider data) throws Exception {
    int type = data.consumeInt(0, TYPES - 1);
    byte[] bytes = data.consumeRemainingAsBytes();
    Object[] decoded = new Object[1];
    try {
      BUDGET.check(bytes.length, () -> decoded[0] = CODEC.decode(type, bytes));
    } catch (CodecException e) {
      String m = e.getMessage();
      assertThat(m).isNotNull().hasSizeLessThan(4000);
      for (int i = 0; i < m.length(); i++) {
        char c = m.charAt(i);
        assertThat(c < 0x20 || (c >= 0x7f && c < 0xa0)).as("character %x in %s", (int) c, m).isFalse();
      }
      return;
    }
    // What was decoded is a value of the type: it encodes again.
    byte[] again = CODEC.encode(type, decoded[0]);
    assertThat(again.length).isLessThanOrEqualTo(bytes.length + 16);
  }
}
