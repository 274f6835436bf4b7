package io.taoprom.metrics.host.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The os-release syntax as go-envparse reads it (what node_exporter's labels come from). */
class EnvFileTest {

  @Test
  void quotesEscapesAndComments() throws Exception {
    Map<String, String> v = EnvFile.parse("""
        # a comment line

        export NAME="Debian \\"GNU\\"/Linux"
          ID = debian   
        A='single # not a comment'
        B=plain value # comment
        C="tab\\there\\u00e9\\ud83d\\ude00"
        D=mix"ed"' quo'tes
        E=
        F=first
        F=
        G=first
        G=second
        H=caf\u00e9
        """);

    assertThat(v).containsExactlyInAnyOrderEntriesOf(Map.of(
        "NAME", "Debian \"GNU\"/Linux",
        "ID", "debian",
        "A", "single # not a comment",
        "B", "plain value",
        "C", "tab\there\u00e9\uD83D\uDE00",
        "D", "mixed quotes",
        "F", "first",
        "G", "second",
        "H", "caf\u00e9"));
  }

  @Test
  void windowsLineEndsAreNotPartOfTheValue() throws Exception {
    assertThat(EnvFile.parse("ID=debian\r\nVERSION_ID=\"12\"\r\n")).isEqualTo(Map.of("ID", "debian", "VERSION_ID", "12"));
  }

  @Test
  void anUnpairedSurrogateBecomesTheReplacementCharacter() throws Exception {
    assertThat(EnvFile.parse("X=\"\\ud83d\\u0041\"\n")).containsEntry("X", "\uFFFD");
  }

  @Test
  void whatIsNotTheSyntaxIsAnErrorNamingTheLine() {
    assertError("ID debian\n", "line 1 has no '='");
    assertError("=debian\n", "line 1 has an empty key");
    assertError("1D=debian\n", "line 1 has a key that does not start with a letter or '_'");
    assertError("I-D=debian\n", "line 1 has a key with a character other than [A-Za-z0-9_./]");
    assertError("OK=1\nX=\"open\n", "line 2 has an unmatched '\"'");
    assertError("X='open\n", "line 1 has an unmatched \"'\"");
    assertError("X=\"\\q\"\n", "line 1 has an unknown escape sequence");
    assertError("X=\"\\\u00e9\"\n", "line 1 has a non-ASCII character in an escape sequence");
    assertError("X=\"\\u12zz\"\n", "line 1 has a \\u escape with a character that is not hexadecimal");
    assertError("X=\"\\u12", "line 1 has an incomplete \\u escape");
    assertError("X=\"\\u\u0665\u0665\u0665\u0665\"\n", "line 1 has a \\u escape with a character that is not hexadecimal");
    assertError("X=\"\\ud83d\"\n", "line 1 has an incomplete surrogate pair");
    assertError("X=a\u0007b\n", "line 1 has a control character in its value");
    assertError("X=\"a\\", "line 1 ends inside an escape sequence");
  }

  private static void assertError(String text, String message) {
    assertThatThrownBy(() -> EnvFile.parse(text)).isInstanceOf(EnvFile.SyntaxException.class).hasMessage(message);
  }
}
