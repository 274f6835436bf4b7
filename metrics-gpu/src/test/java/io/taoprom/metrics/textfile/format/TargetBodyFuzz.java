package io.taoprom.metrics.textfile.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Arbitrary bytes as a scrape target's body, read as the scrape collector reads one (timestamps
 * passed on, a {@code source} label added to every series, so a body's own {@code source}
 * becomes {@code exported_source}), with a small series limit the fuzzer picks: only
 * {@link TextFormatException} and {@link InputLimitException} escape, messages are short and
 * show no secret, the limit and the budget hold, and the merged result is a valid exposition.
 */
class TargetBodyFuzz {

  @FuzzTest(maxDuration = "15s")
  @DictionaryFile(resourcePath = "text-format.dict")
  void anyBodyIsReadOrRefusedWithinItsLimits(FuzzedDataProvider data) throws Exception {
    int maxSeries = data.consumeInt(0, 64);
    boolean secret = data.consumeBoolean();
    int at = data.consumeInt();
    byte[] bytes = data.consumeRemainingAsBytes();
    if (secret) {
      bytes = FuzzChecks.withSecret(bytes, at);
    }
    HeapBudget budget = new HeapBudget(8 << 20);
    try {
      Exposition exposition = ExpositionReader.builder()
          .extraLabels(Labels.of("source", "neuron"))
          .maxSeries(maxSeries, "scrape.max-series")
          .account(budget.account())
          .build()
          .read(bytes);
      assertThat(exposition.series()).isLessThanOrEqualTo(maxSeries);
      exposition.families().forEach(f -> f.getDataPoints().forEach(p -> assertThat(p.getLabels().get("source")).isEqualTo("neuron")));
      FuzzChecks.served(exposition, false);
    } catch (TextFormatException | InputLimitException e) {
      FuzzChecks.message(e.getMessage());
    }
    assertThat(budget.used()).isLessThanOrEqualTo(budget.limit());
  }
}
