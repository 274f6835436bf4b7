package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BooleanOptionTest {

  @Test
  void theWordsNodeExportersFlagsTake() {
    for (String yes : new String[] {"true", "YES", " on\n"}) {
      assertThat(BooleanOption.parse("x.y", yes)).as(yes).isTrue();
    }
    for (String no : new String[] {"false", "No", "OFF"}) {
      assertThat(BooleanOption.parse("x.y", no)).as(no).isFalse();
    }
  }

  @Test
  void anythingElseNamesTheOptionAndQuotesTheValueEscapedAndShort() {
    assertThatThrownBy(() -> BooleanOption.parse("stat.softirq", "maybe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option stat.softirq must be true or false, got 'maybe'");
    assertThatThrownBy(() -> BooleanOption.parse("stat.softirq", "1\u001b[2J" + "x".repeat(100)))
        .hasMessageStartingWith("option stat.softirq must be true or false, got '1\\x1b[2Jxxx")
        .hasMessageContaining("…(+")
        .hasMessageNotContaining("\u001b");
  }
}
