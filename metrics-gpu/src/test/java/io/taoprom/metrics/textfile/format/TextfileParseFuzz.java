package io.taoprom.metrics.textfile.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes as a {@code *.prom} file, read as the textfile collector reads one (no
 * timestamps, the default series limit, a heap budget): only {@link TextFormatException} and
 * {@link InputLimitException} escape, each message is one short escaped line that shows no more
 * of a secret line in the file than a few characters, the budget is never passed, and what is
 * served after the merge is a valid exposition every writer takes. The JVM has 96 MiB.
 */
class TextfileParseFuzz {

  @FuzzTest(maxDuration = "15s")
  @DictionaryFile(resourcePath = "text-format.dict")
  void anyFileIsReadOrRefusedWithinItsBudget(FuzzedDataProvider data) throws Exception {
    boolean secret = data.consumeBoolean();
    int at = data.consumeInt();
    byte[] bytes = data.consumeRemainingAsBytes();
    if (secret) {
      bytes = FuzzChecks.withSecret(bytes, at);
    }
    HeapBudget budget = new HeapBudget(16 << 20);
    HeapBudget.Account account = budget.account();
    try {
      Exposition exposition = ExpositionReader.builder()
          .timestamps(false)
          .maxSeries(ExpositionReader.DEFAULT_MAX_SERIES, "textfile.max-series")
          .account(account)
          .build()
          .read(bytes);
      assertThat(exposition.series()).isLessThanOrEqualTo(ExpositionReader.DEFAULT_MAX_SERIES);
      FuzzChecks.served(exposition, true);
    } catch (TextFormatException | InputLimitException e) {
      FuzzChecks.message(e.getMessage());
    }
    assertThat(budget.used()).isLessThanOrEqualTo(budget.limit());
  }
}
