package io.taoprom.metrics.textfile.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextFormatParserTest {

  @Test
  void readsHelpTypeLabelsEscapesSpecialValuesAndTimestamps() throws TextFormatException {
    List<ParsedFamily> families =
        TextFormatParser.parse(
            "# A comment, and an empty line follow\n"
                + "\n"
                + "# HELP http_requests_total The total number\\nof \\\\ requests.\n"
                + "# TYPE http_requests_total counter\n"
                + "http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000\n"
                + "  http_requests_total { method = \"get\" , path=\"C:\\\\x \\\"q\\\"\\n\", } 3\r\n"
                + "temperature NaN\n"
                + "upper\t+Inf\n"
                + "lower -inf\n"
                + "tiny 1.5e-7\n");

    assertThat(families).extracting(ParsedFamily::name)
        .containsExactly("http_requests_total", "temperature", "upper", "lower", "tiny");
    ParsedFamily requests = families.get(0);
    assertThat(requests.help()).isEqualTo("The total number\nof \\ requests.");
    assertThat(requests.type()).isEqualTo(FamilyType.COUNTER);
    assertThat(requests.samples())
        .containsExactly(
            new ParsedSample("http_requests_total", List.of("method", "code"), List.of("post", "200"), 1027, 1395066363000L),
            new ParsedSample("http_requests_total", List.of("method", "path"), List.of("get", "C:\\x \"q\"\n"), 3, null));
    assertThat(families.get(1).type()).isEqualTo(FamilyType.UNTYPED);
    assertThat(families.get(1).samples().get(0).value()).isNaN();
    assertThat(families.get(2).samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(families.get(3).samples().get(0).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(families.get(4).samples().get(0).value()).isEqualTo(1.5e-7);
  }

  @Test
  void groupsHistogramAndSummarySamplesUnderTheirFamily() throws TextFormatException {
    List<ParsedFamily> families =
        TextFormatParser.parse(
            """
            # TYPE rpc_seconds histogram
            rpc_seconds_bucket{le="0.1"} 1
            rpc_seconds_bucket{le="+Inf"} 3
            rpc_seconds_sum 4.5
            rpc_seconds_count 3
            # TYPE gc_seconds summary
            gc_seconds{quantile="0.5"} 0.01
            gc_seconds_sum 1
            gc_seconds_count 9
            # TYPE rpc_seconds_total counter
            rpc_seconds_total 5
            other_count 2
            """);

    assertThat(families).extracting(ParsedFamily::name)
        .containsExactly("rpc_seconds", "gc_seconds", "rpc_seconds_total", "other_count");
    assertThat(families.get(0).samples()).extracting(ParsedSample::name)
        .containsExactly("rpc_seconds_bucket", "rpc_seconds_bucket", "rpc_seconds_sum", "rpc_seconds_count");
    assertThat(families.get(1).samples()).hasSize(3);
    assertThat(families.get(3).type()).isEqualTo(FamilyType.UNTYPED);
  }

  @Test
  void helpWithoutTextAndTypeInAnyCase() throws TextFormatException {
    List<ParsedFamily> families = TextFormatParser.parse("# HELP x\n# TYPE x GAUGE\nx 1\n");

    assertThat(families.get(0).help()).isEmpty();
    assertThat(families.get(0).type()).isEqualTo(FamilyType.GAUGE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "1x 1|line 1: invalid metric name",
        "x{a=\"1\",a=\"2\"} 1|line 1: duplicate label name \"a\"",
        "x{a=\"\\t\"} 1|line 1: invalid escape sequence \"\\\\t\" in label value",
        "x{a=\"open} 1|line 1: unterminated label value",
        "x{a=\"1\" 1|line 1: expected ',' or '}'",
        "x{a} 1|line 1: expected '=' after label name \"a\"",
        "x{a=1} 1|line 1: expected '\"' to start the value",
        "x{1a=\"1\"} 1|line 1: invalid label name",
        "x{__name__=\"y\"} 1|line 1: label name __name__ is reserved",
        "x|line 1: expected a value after \"x\"",
        "x one|line 1: expected a number as value, got \"one\"",
        "x 1.5f|line 1: expected a number as value",
        "x 0x10|line 1: expected a number as value",
        "x 1_000|line 1: expected a number as value",
        "x 1 12.5|line 1: expected an integer timestamp",
        "x 1 12 extra|line 1: unexpected text after timestamp",
        "x=1|line 1: invalid metric name",
        "# TYPE x gauge\\n# TYPE x gauge|line 2: second TYPE line for metric name \"x\"",
        "x 1\\n# TYPE x gauge|line 2: second TYPE line for metric name \"x\", or TYPE reported after samples",
        "# HELP x a\\n# HELP x b|line 2: second HELP line for metric name \"x\"",
        "# TYPE x gauges|line 1: unknown metric type \"gauges\"",
        "# TYPE x gauge extra|line 1: unexpected text after TYPE",
        "# HELP x bad \\t escape|line 1: invalid escape sequence",
        "# TYPE 1x gauge|line 1: invalid metric name in TYPE line",
        "# TYPE h histogram\\nh_bucket 1|line 2: histogram bucket \"h_bucket\" without le label",
        "# TYPE h histogram\\nh 1|line 2: sample \"h\" of histogram \"h\" needs a _bucket, _sum or _count suffix",
        "# TYPE s summary\\ns 1|line 2: summary sample \"s\" without quantile label",
      })
  void rejectsWhatPrometheusRejects(String input, String message) {
    assertThatThrownBy(() -> TextFormatParser.parse(input.replace("\\n", "\n")))
        .isInstanceOf(TextFormatException.class)
        .hasMessageStartingWith(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "-2.5", "+3", ".5", "5.", "1e3", "1E-3", "+Inf", "Inf", "infinity", "-Infinity", "nan", "NaN", "0x1p-2", "-0X1.8P1"})
  void readsValuesLikeGoParseFloat(String value) {
    double parsed = TextFormatParser.parseValue(value);
    assertThat(Double.isNaN(parsed) || Double.isInfinite(parsed) || parsed == Double.parseDouble(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1d", "2F", "0x1", "0x1p3f", "1e", "e3", "--1", "1 ", "Infinit", "NaN1", "1,5", "٣"})
  void rejectsValuesGoParseFloatRejects(String value) {
    assertThatThrownBy(() -> TextFormatParser.parseValue(value)).isInstanceOf(NumberFormatException.class);
  }
}
