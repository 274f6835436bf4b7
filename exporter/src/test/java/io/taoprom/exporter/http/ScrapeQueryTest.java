package io.taoprom.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ScrapeQueryTest {

  private static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("cpu", "");
    KNOWN.put("meminfo", "");
    KNOWN.put("nvml", "unavailable: libnvidia-ml.so.1 not found");
  }

  @Test
  void noParametersSelectEverything() throws Exception {
    Predicate<String> all = ScrapeQuery.parse(null, KNOWN);
    assertThat(all.test("cpu")).isTrue();
    assertThat(ScrapeQuery.parse("", KNOWN).test("meminfo")).isTrue();
    assertThat(ScrapeQuery.parse("name[]=x&debug=text&&", KNOWN).test("cpu")).as("other parameters are ignored").isTrue();
  }

  @Test
  void collectKeepsAndExcludeDrops() throws Exception {
    Predicate<String> collect = ScrapeQuery.parse("collect%5B%5D=cpu&collect[]=meminfo", KNOWN);
    assertThat(collect.test("cpu")).isTrue();
    assertThat(collect.test("meminfo")).isTrue();
    assertThat(collect.test("textfile")).isFalse();
    Predicate<String> exclude = ScrapeQuery.parse("exclude[]=cpu&exclude[]=nvml", KNOWN);
    assertThat(exclude.test("cpu")).isFalse();
    assertThat(exclude.test("meminfo")).isTrue();
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> ScrapeQuery.parse("collect[]=gpu", KNOWN))
        .hasMessage("unknown collector \"gpu\" in collect[]; known collectors: cpu, meminfo, nvml");
    assertThatThrownBy(() -> ScrapeQuery.parse("collect[]=nvml", KNOWN))
        .hasMessage("collector \"nvml\" in collect[] is not running: unavailable: libnvidia-ml.so.1 not found");
    assertThatThrownBy(() -> ScrapeQuery.parse("collect[]=cpu&exclude[]=meminfo", KNOWN))
        .hasMessage("collect[] and exclude[] cannot be combined; use one of them");
    assertThatThrownBy(() -> ScrapeQuery.parse("exclude[]", KNOWN)).hasMessage("empty collector name in exclude[]");
    assertThatThrownBy(() -> ScrapeQuery.parse("collect[]=%zz", KNOWN)).hasMessageStartingWith("malformed query string near \"%zz\"");
    assertThatThrownBy(() -> ScrapeQuery.parse("collect[]=a%0Ab", KNOWN))
        .hasMessage("unknown collector \"a\\nb\" in collect[]; known collectors: cpu, meminfo, nvml");
  }

  @Test
  void aBadValueIsQuotedOnlyAsAShortEscapedExcerpt() {
    String hostile = "%1B%5B2J%07" + "x".repeat(10_000);
    assertThatThrownBy(() -> ScrapeQuery.parse("collect[]=" + hostile, KNOWN))
        .hasMessageStartingWith("unknown collector \"\\x1b[2J\\x07xxx")
        .hasMessageContaining("…(+")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\u001b").doesNotContain("\u0007"));
    assertThatThrownBy(() -> ScrapeQuery.parse("exclude[]=%zz" + "y".repeat(10_000), KNOWN))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200)
            .startsWith("malformed query string near \"%zzyyy").endsWith("(write %25 for %)"));
  }
}
