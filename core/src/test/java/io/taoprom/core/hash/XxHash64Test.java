package io.taoprom.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.openhft.hashing.LongHashFunction;
import org.junit.jupiter.api.Test;

class XxHash64Test {

  @Test
  void knownAnswers() {
    // The reference implementation's values for the empty input.
    assertThat(XxHash64.hash(new byte[0], 0)).isEqualTo(0xEF46DB3751D8E999L);
    assertThat(XxHash64.hash(new byte[0], 1)).isEqualTo(0xD5AFBA1336A3BE4BL);
  }

  @Test
  void agreesWithAnIndependentImplementationForEveryTailLength() {
    Random rnd = new Random(64);
    for (int len = 0; len < 300; len++) {
      byte[] data = new byte[len];
      rnd.nextBytes(data);
      long seed = rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextInt(4);
      assertThat(XxHash64.hash(data, seed)).as("length %d seed %d", len, seed)
          .isEqualTo(LongHashFunction.xx(seed).hashBytes(data));
    }
  }
}
