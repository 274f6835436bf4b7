package io.taoprom.untrusted;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever the text, an excerpt is one line without a control or format character, no longer than
 * asked (plus its tail), and plain text comes through unchanged.
 */
class ExcerptFuzz {

  @FuzzTest(maxDuration = "10s")
  void excerptsAreSafeAndBounded(FuzzedDataProvider data) {
    int max = data.consumeInt(1, 400);
    String text = data.consumeRemainingAsString();
    String out = Excerpt.of(text, max);
    int tail = out.indexOf("…(+");
    String body = tail >= 0 && out.endsWith(" chars)") ? out.substring(0, tail) : out;
    assertThat(body.length()).isLessThanOrEqualTo(max);
    for (int i = 0; i < out.length(); ) {
      int cp = out.codePointAt(i);
      assertThat(cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0)).as("code point %x at %d", cp, i).isTrue();
      int type = Character.getType(cp);
      assertThat(type).isNotIn((int) Character.FORMAT, (int) Character.LINE_SEPARATOR,
          (int) Character.PARAGRAPH_SEPARATOR, (int) Character.SURROGATE);
      i += Character.charCount(cp);
    }
    if (tail < 0 && !Excerpt.needsEscaping(text)) {
      assertThat(out).isEqualTo(text);
    }
  }
}
