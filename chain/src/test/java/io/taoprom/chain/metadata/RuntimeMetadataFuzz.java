package io.taoprom.chain.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.taoprom.chain.Fixtures;
import io.taoprom.chain.codec.Hex;
import io.taoprom.untrusted.testing.AllocationBudget;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runtime metadata as a node could send it: arbitrary bytes, and the real finney V14 metadata
 * with bytes changed, inserted or cut off (the fixture, when {@code taoprom.fixtures} has it).
 * Decoding gives metadata or a {@link MetadataException} whose message is one escaped line of
 * bounded length; nothing else escapes, and no input makes the decoder allocate more than a
 * budget proportional to its length ({@link AllocationBudget}).
 */
class RuntimeMetadataFuzz {

  private static final byte[] V14 = fixture();

  private static byte[] fixture() {
    Path file = Fixtures.fixturesDir().resolve(Fixtures.V14);
    try {
      return Files.isRegularFile(file) ? Hex.decode(Files.readString(file).strip()) : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  // The registry of the real metadata costs about 40 bytes of allocation per byte decoded.
  private static final AllocationBudget BUDGET = AllocationBudget.perInputByte(256);

  @FuzzTest(maxDuration = "15s")
  void metadataDecodesOrFailsWithAMetadataException(FuzzedDataProvider data) throws Exception {
    byte[] input;
    boolean opaque = data.consumeBoolean();
    if (V14 != null && data.consumeBoolean()) {
      input = mutate(V14, data);
    } else {
      input = data.consumeRemainingAsBytes();
    }
    RuntimeMetadata[] decoded = new RuntimeMetadata[1];
    try {
      byte[] bytes = input;
      BUDGET.check(bytes.length, () -> decoded[0] =
          opaque ? MetadataDecoder.decodeOpaqueOption(bytes) : MetadataDecoder.decode(bytes));
      RuntimeMetadata md = decoded[0];
      assertThat(md.pallets()).isNotNull();
      assertThat(md.registry().size()).isGreaterThanOrEqualTo(0);
    } catch (MetadataException e) {
      String m = e.getMessage();
      assertThat(m).isNotNull().hasSizeLessThan(2000);
      for (int i = 0; i < m.length(); i++) {
        char c = m.charAt(i);
        assertThat(c < 0x20 || (c >= 0x7f && c < 0xa0)).as("character %x in %s", (int) c, m).isFalse();
      }
    }
  }

  /** The fixture with up to 8 bytes replaced, possibly a run inserted, possibly cut short. */
  private static byte[] mutate(byte[] original, FuzzedDataProvider data) {
    byte[] b = original.clone();
    int changes = data.consumeInt(0, 8);
    for (int i = 0; i < changes; i++) {
      b[data.consumeInt(0, b.length - 1)] = data.consumeByte();
    }
    if (data.consumeBoolean()) {
      int at = data.consumeInt(0, b.length);
      byte[] run = data.consumeBytes(16);
      byte[] grown = new byte[b.length + run.length];
      System.arraycopy(b, 0, grown, 0, at);
      System.arraycopy(run, 0, grown, at, run.length);
      System.arraycopy(b, at, grown, at + run.length, b.length - at);
      b = grown;
    }
    if (data.consumeBoolean()) {
      b = java.util.Arrays.copyOf(b, data.consumeInt(0, b.length));
    }
    return b;
  }
}
