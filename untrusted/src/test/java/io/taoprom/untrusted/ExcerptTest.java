package io.taoprom.untrusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExcerptTest {

  @Test
  void terminalEscapesAndBellAreEscaped() {
    assertThat(Excerpt.of("boom\u001b[2J\u0007done", 80)).isEqualTo("boom\\x1b[2J\\x07done");
  }

  @Test
  void lineBreaksTabsAndBackslashesAreNamed() {
    assertThat(Excerpt.of("a\nb\rc\td\\e", 80)).isEqualTo("a\\nb\\rc\\td\\\\e");
  }

  @Test
  void c1ControlsDelAndFormatCharactersAreEscaped() {
    // DEL, CSI (C1), right-to-left override, zero-width space, line separator
    assertThat(Excerpt.of("\u007f\u009b\u202e\u200b\u2028", 80)).isEqualTo("\\x7f\\x9b\\u202e\\u200b\\u2028");
  }

  @Test
  void lettersOfAnyScriptPassThrough() {
    assertThat(Excerpt.of("Grüße, 東京, 🙂", 80)).isEqualTo("Grüße, 東京, 🙂");
  }

  @Test
  void unpairedSurrogatesAreEscaped() {
    assertThat(Excerpt.of("a\ud800b", 80)).isEqualTo("a\\ud800b");
  }

  @Test
  void longTextIsCutWithTheCountLeftOut() {
    String cut = Excerpt.of("x".repeat(100_000), 20);
    assertThat(cut).isEqualTo("x".repeat(20) + "…(+99980 chars)");
  }

  @Test
  void anEscapeIsNeverCutInHalf() {
    String cut = Excerpt.of("abc\u001bdef", 5);
    assertThat(cut).isEqualTo("abc…(+4 chars)");
  }

  @Test
  void quotedEscapesTheQuote() {
    assertThat(Excerpt.quoted("a\"b", 20)).isEqualTo("\"a\\\"b\"");
  }

  @Test
  void outputIsBoundedWhateverTheInput() {
    StringBuilder hostile = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      hostile.append((char) (i % 0x10000));
    }
    String out = Excerpt.of(hostile, 100);
    assertThat(out.length()).isLessThanOrEqualTo(100 + "…(+50000 chars)".length());
    assertThat(out.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).isTrue();
  }

  @Test
  void needsEscapingTellsPlainTextFromTheRest() {
    assertThat(Excerpt.needsEscaping("node_cpu_seconds_total")).isFalse();
    assertThat(Excerpt.needsEscaping("a\u001b")).isTrue();
  }

  @Test
  void aNonPositiveLengthIsRefused() {
    assertThatThrownBy(() -> Excerpt.of("x", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
