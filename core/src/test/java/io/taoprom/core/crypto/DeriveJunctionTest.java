package io.taoprom.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.core.hash.Blake2b;
import io.taoprom.core.interop.Vectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Chain codes exactly as Substrate's {@code DeriveJunction::from(&str)} computes them. */
class DeriveJunctionTest {

  private static String cc(String text) {
    return Vectors.toHex(DeriveJunction.parse(text).chainCode());
  }

  @Test
  void numbersAreLittleEndianU64() {
    assertThat(cc("0")).isEqualTo("0x" + "00".repeat(32));
    assertThat(cc("1")).isEqualTo("0x01" + "00".repeat(31));
    assertThat(cc("258")).isEqualTo("0x0201" + "00".repeat(30));
    assertThat(cc("18446744073709551615")).isEqualTo("0x" + "ff".repeat(8) + "00".repeat(24));
    assertThat(cc("+7")).as("Rust's u64 parser accepts a plus sign").isEqualTo("0x07" + "00".repeat(31));
    assertThat(cc("007")).isEqualTo("0x07" + "00".repeat(31));
  }

  @Test
  void textIsAScaleStringAndLongTextIsHashed() {
    assertThat(cc("Alice")).isEqualTo("0x14416c696365" + "00".repeat(26));
    // 2^64 does not fit a u64, so Substrate treats it as text (polkadot-js does not).
    String big = "18446744073709551616";
    assertThat(cc(big)).isEqualTo("0x50" + Vectors.toHex(big.getBytes(StandardCharsets.US_ASCII)).substring(2) + "00".repeat(11));
    // Hex-looking text is text for Substrate (polkadot-js would take the bytes).
    assertThat(cc("0x01")).isEqualTo("0x1030783031" + "00".repeat(27));
    String longName = "x".repeat(40);
    byte[] encoded = new byte[41];
    encoded[0] = (byte) (40 << 2);
    System.arraycopy(longName.getBytes(StandardCharsets.US_ASCII), 0, encoded, 1, 40);
    assertThat(cc(longName)).isEqualTo(Vectors.toHex(Blake2b.hash256(encoded)));
  }

  @Test
  void hardnessAndErrors() {
    assertThat(DeriveJunction.parse("/Alice").hard()).isTrue();
    assertThat(DeriveJunction.parse("Alice").hard()).isFalse();
    assertThat(DeriveJunction.parse("/Alice").chainCode()).isEqualTo(DeriveJunction.parse("Alice").chainCode());
    assertThatThrownBy(() -> DeriveJunction.parse("/")).isInstanceOf(KeyException.class);
    assertThatThrownBy(() -> new DeriveJunction(new byte[31], true)).hasMessageContaining("32 bytes");
    assertThat(DeriveJunction.parse("/secret").toString()).doesNotContain("secret").contains("hard");
  }
}
