package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaultsAreThePythonOriginals() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.firstDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.multiplier()).isEqualTo(2.0);
    assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.jitter()).isZero();
    assertThat(p.nominalDelayBefore(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.nominalDelayBefore(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.allowsAttemptAfter(2)).isTrue();
    assertThat(p.allowsAttemptAfter(3)).isFalse();
  }

  @Test
  void backoffGrowsByTheMultiplierUpToTheMaximum() {
    RetryPolicy p = RetryPolicy.defaults().withMaxAttempts(6);
    assertThat(p.nominalDelayBefore(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.nominalDelayBefore(5)).isEqualTo(Duration.ofSeconds(4));
    RetryPolicy triple = new RetryPolicy(5, Duration.ofMillis(10), 3.0, Duration.ofMillis(50), 0);
    assertThat(triple.nominalDelayBefore(2)).isEqualTo(Duration.ofMillis(10));
    assertThat(triple.nominalDelayBefore(3)).isEqualTo(Duration.ofMillis(30));
    assertThat(triple.nominalDelayBefore(4)).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void jitterSpreadsDelaysWithinItsBounds() {
    RetryPolicy p = RetryPolicy.defaults().withJitter(0.25);
    Random random = new Random(7);
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Duration d = p.delayBefore(3, random);
      assertThat(d).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
      seen.add(d);
    }
    assertThat(seen).hasSizeGreaterThan(100);
    assertThat(RetryPolicy.defaults().delayBefore(3, random)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void noneMeansASingleAttempt() {
    assertThat(RetryPolicy.none().allowsAttemptAfter(1)).isFalse();
  }

  @Test
  void invalidValuesAreRejectedWithTheirNames() {
    assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.defaults().withMultiplier(0.5)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(1.5)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> RetryPolicy.defaults().withMaxDelay(Duration.ofMillis(1)))
        .hasMessageContaining("shorter than firstDelay");
    assertThatThrownBy(() -> RetryPolicy.defaults().nominalDelayBefore(1)).hasMessageContaining("first attempt");
  }
}
