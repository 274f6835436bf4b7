package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcTextTest {

  private static final Path FILE = Path.of("/proc/net/test");

  @Test
  void readsTheKernelsNumberForms() throws IOException {
    ProcText text = new ProcText("Tcp: 18446744073709551615 -1 00000a40 0x1003\n\nlast", FILE);

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
  void readsFieldsAndFullU64Counters() throws IOException {
    ProcText text = new ProcText("cpu0  18446744073709551615 12\tx\n\nlast 1.5", FILE);

    assertThat(text.nextLine()).isTrue();
    assertThat(text.fieldsLeft()).isEqualTo(4);
    assertThat(text.field()).isEqualTo("cpu0");
    assertThat(text.unsigned()).isEqualTo(18446744073709551615.0);
    assertThat(text.unsigned()).isEqualTo(12.0);
    assertThatThrownBy(text::unsigned)
        .isInstanceOf(MalformedFileException.class)
        .hasMessage("/proc/net/test line 1: expected an unsigned decimal number in \"cpu0  18446744073709551615 12\\tx\"");
    assertThat(text.nextLine()).isTrue();
    assertThat(text.hasField()).isFalse();
    assertThat(text.nextLine()).isTrue();
    assertThat(text.fieldStartsWith("la")).isTrue();
    text.skipField();
    assertThat(text.decimal()).isEqualTo(1.5);
    assertThat(text.nextLine()).isFalse();
  }

  @Test
  void textBeforeADelimiter() throws IOException {
    ProcText text = new ProcText("  eth0:328005545 0\n lo: 1\nbad 2", FILE);

    text.nextLine();
    assertThat(text.upTo(':')).isEqualTo("eth0");
    assertThat(text.unsigned()).isEqualTo(328005545.0);
    text.nextLine();
    assertThat(text.upTo(':')).isEqualTo("lo");
    assertThat(text.rest()).isEqualTo("1");
    text.nextLine();
    assertThatThrownBy(() -> text.upTo(':')).hasMessage("/proc/net/test line 3: expected ':' in \"bad 2\"");
  }

  @Test
  void aLineThatDidNotParseIsNamedAndQuotedEscaped() throws IOException {
    ProcText text = new ProcText("ctxt 6\u001b[2J\n", FILE);
    text.nextLine();
    text.skipField();

    assertThatThrownBy(text::unsigned).isInstanceOf(MalformedFileException.class);
    assertThat(MalformedFileException.atLine(text)).hasMessage("/proc/net/test line 1 is malformed: \"ctxt 6\\x1b[2J\"");
  }

  @Test
  void numbersPast64BitsAreRejected() {
    ProcText decimal = new ProcText("18446744073709551616", FILE);
    decimal.nextLine();
    assertThatThrownBy(decimal::unsignedLong).hasMessage("/proc/net/test line 1: expected a number below 2^64 in \"18446744073709551616\"");

    ProcText hex = new ProcText("10000000000000000", FILE);
    hex.nextLine();
    assertThatThrownBy(hex::hex).hasMessageContaining("expected a hexadecimal number below 2^64");
  }

  @Test
  void aLoneMinusOrTrailingLettersAreNotNumbers() {
    ProcText minus = new ProcText("- 5", FILE);
    minus.nextLine();
    assertThatThrownBy(minus::signed).hasMessageContaining("expected a decimal number");

    ProcText suffix = new ProcText("12kB", FILE);
    suffix.nextLine();
    assertThatThrownBy(suffix::unsigned).hasMessageContaining("expected an unsigned decimal number in \"12kB\"");
  }

  @Test
  void errorsQuoteTheLineEscapedAndCutShort() {
    ProcText text = new ProcText("\u001b]0;pwned\u0007" + "x".repeat(500), FILE);
    text.nextLine();

    IOException e = text.malformed("a number");
    assertThat(e.getMessage()).startsWith("/proc/net/test line 1: expected a number in \"\\x1b]0;pwned\\x07xxx")
        .contains("…(+").doesNotContain("\u001b").hasSizeLessThan(200);
  }
}
