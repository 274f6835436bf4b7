package io.taoprom.chain.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {

  @Test
  void decodesWithAndWithoutPrefixInEitherCase() {
    assertThat(Hex.decode("0x00fFa1")).containsExactly(0x00, 0xff, 0xa1);
    assertThat(Hex.decode(" 0XAB ")).containsExactly(0xab);
    assertThat(Hex.decode("")).isEmpty();
  }

  @Test
  void onlyAsciiDigitsAreHexDigits() {
    // Character.digit takes the digits of every script: ARABIC-INDIC DIGIT FIVE would read as 5,
    // FULLWIDTH LATIN CAPITAL LETTER A as 10.
    for (String bad : new String[] {"0x0\u0665", "\uff21\uff21", "0xzz"}) {
      assertThatThrownBy(() -> Hex.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a hex digit at offset");
    }
    assertThatThrownBy(() -> Hex.decode("0xabc")).hasMessageContaining("odd length 3");
  }
}
