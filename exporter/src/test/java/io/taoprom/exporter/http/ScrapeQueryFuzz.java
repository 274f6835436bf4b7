package io.taoprom.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Any query string either selects collectors or is a {@link ScrapeQuery.BadQuery} whose message
 * (the body of a 400) is one short line without a control character: a client's value comes back
 * only as an escaped excerpt.
 */
class ScrapeQueryFuzz {

  private static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("cpu", "");
    KNOWN.put("meminfo", "");
    KNOWN.put("nvml", "unavailable: libnvidia-ml.so.1 not found");
  }

  @FuzzTest(maxDuration = "15s")
  void onlyBadQueriesWithShortEscapedMessages(FuzzedDataProvider data) {
    String query = data.consumeRemainingAsString();
    try {
      Predicate<String> selected = ScrapeQuery.parse(query, KNOWN);
      selected.test("cpu");
      selected.test("textfile");
    } catch (ScrapeQuery.BadQuery e) {
      String message = e.getMessage();
      assertThat(message).hasSizeLessThan(400);
      assertThat(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0))
          .as("control characters in %s", message).isTrue();
    }
  }
}
