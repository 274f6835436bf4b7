package io.taoprom.cli.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.http.RouteRequest;
import io.taoprom.exporter.http.RouteResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code /sd} route's answers: a chain's error text reaches its 503 body only escaped and cut short. */
class SdRouteTest {

  @Test
  void aNodesErrorTextIsEscapedAndCutShortInThe503Body() throws Exception {
    String hostile = "node says \u001b[2J\u0007" + "x".repeat(100_000);
    try (CachedTargets sd = new CachedTargets(() -> {
      throw new IllegalStateException(hostile);
    }, Duration.ofHours(1))) {
      assertThat(sd.refresh()).isFalse();
      RouteResponse answer = sd.handler().handle(new RouteRequest("GET", "/sd", Optional.empty(), Map.of()));
      String body = new String(answer.body(), StandardCharsets.UTF_8);
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.headers()).containsEntry("Cache-Control", "no-store");
      assertThat(body).startsWith("service discovery has no targets yet: cannot read the chain: node says \\x1b[2J\\x07xxx")
          .contains("…(+").endsWith("\n").doesNotContain("\u001b").doesNotContain("\u0007");
      // the error's own share is cut at ERROR_CHARS; the rest is the fixed wording and the "…(+N chars)" tail
      assertThat(body.length()).isLessThan(CachedTargets.ERROR_CHARS + 100);
    }
  }
}
