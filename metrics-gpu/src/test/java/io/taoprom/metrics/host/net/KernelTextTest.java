package io.taoprom.metrics.host.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KernelTextTest {

  private static final Path FILE = Path.of("/proc/net/test");

  @Test
  void readsTheKernelsNumberForms() throws IOException {
    KernelText text = new KernelText("Tcp: 18446744073709551615 -1 00000a40 0x1003\n\nlast", FILE);

    assertThat(text.nextLine()).isTrue();
    assertThat(text.skipIf("Tcp")).isFalse();
    assertThat(text.skipIf("Tcp:")).isTrue();
    assertThat(text.fieldsLeft()).isEqualTo(4);
    assertThat(text.unsigned()).isEqualTo(18446744073709551615.0);
    assertThat(text.signed()).isEqualTo(-1.0);
    assertThat(text.hex()).isEqualTo(0xa40);
    assertThat(text.prefixedHex()).isEqualTo(0x1003);
    assertThat(text.hasField()).isFalse();
    assertThat(text.nextLine()).isTrue();
    assertThat(text.blankLine()).isTrue();
    assertThat(text.nextLine()).isTrue();
    assertThat(text.lineNumber()).isEqualTo(3);
    assertThat(text.field()).isEqualTo("last");
    assertThat(text.nextLine()).isFalse();
  }

  @Test
  void numbersPast64BitsAreRejected() {
    KernelText decimal = new KernelText("18446744073709551616", FILE);
    decimal.nextLine();
    assertThatThrownBy(decimal::unsignedLong).hasMessage("/proc/net/test line 1: expected a number below 2^64 in \"18446744073709551616\"");

    KernelText hex = new KernelText("10000000000000000", FILE);
    hex.nextLine();
    assertThatThrownBy(hex::hex).hasMessageContaining("expected a hexadecimal number below 2^64");
  }

  @Test
  void aLoneMinusOrTrailingLettersAreNotNumbers() {
    KernelText minus = new KernelText("- 5", FILE);
    minus.nextLine();
    assertThatThrownBy(minus::signed).hasMessageContaining("expected a decimal number");

    KernelText suffix = new KernelText("12kB", FILE);
    suffix.nextLine();
    assertThatThrownBy(suffix::unsigned).hasMessageContaining("expected an unsigned decimal number in \"12kB\"");
  }

  @Test
  void errorsQuoteTheLineEscapedAndCutShort() {
    KernelText text = new KernelText("\u001b]0;pwned\u0007" + "x".repeat(500), FILE);
    text.nextLine();

    IOException e = text.malformed("a number");
    assertThat(e.getMessage()).startsWith("/proc/net/test line 1: expected a number in \"\\x1b]0;pwned\\x07xxx")
        .contains("…(+").doesNotContain("\u001b").hasSizeLessThan(200);
  }
}
