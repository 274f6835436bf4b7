package io.taoprom.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.rpc.RequestOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WaitProgressTest {

  private final AtomicLong now = new AtomicLong();
  private final StringWriter out = new StringWriter();

  private WaitProgress progress(String node) {
    return WaitProgress.manual(new PrintWriter(out, true), "taoprom.status", URI.create(node), now::get);
  }

  private void at(double seconds, WaitProgress p) {
    now.set((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
    p.tick();
  }

  @Test
  void saysNothingForTwoSecondsThenWhatItWaitsForAndRepeatsEveryFive() {
    WaitProgress p = progress("ws://10.0.0.5:9944");
    p.onAttempt("chain_getHeader", 1, 3);
    at(1.9, p);
    assertThat(out.toString()).isEmpty();
    at(2.0, p);
    assertThat(io.taoprom.cli.CliRun.withoutTime(out.toString())).containsExactly("level=info source=taoprom.status"
        + " msg=\"waiting for ws://10.0.0.5:9944: no WebSocket handshake for 2 s (attempt 1 of 3)…\"");
    at(6.5, p);
    assertThat(out.toString().lines()).hasSize(1);
    p.onConnected(URI.create("ws://10.0.0.5:9944"));
    at(7.0, p);
    assertThat(io.taoprom.cli.CliRun.messages(out.toString())).hasSize(2).last().asString()
        .isEqualTo("waiting for ws://10.0.0.5:9944: no answer to chain_getHeader for 7 s (attempt 1 of 3)…");
  }

  @Test
  void eachAttemptIsTimedFromItsOwnStartAndAnAnsweredOneIsForgotten() {
    WaitProgress p = progress("ws://10.0.0.5:9944");
    p.onConnected(URI.create("ws://10.0.0.5:9944"));
    p.onAttempt("state_getMetadata", 1, 3);
    at(1.0, p);
    p.onRequest("state_getMetadata", RequestOutcome.TIMEOUT, Duration.ofSeconds(1), 1);
    p.onAttempt("state_getMetadata", 2, 3);
    at(2.5, p);
    assertThat(out.toString()).isEmpty();
    at(3.0, p);
    assertThat(out.toString()).contains("no answer to state_getMetadata for 2 s (attempt 2 of 3)");
    p.onRequest("state_getMetadata", RequestOutcome.SUCCESS, Duration.ofSeconds(2), 2);
    at(30, p);
    assertThat(out.toString().lines()).hasSize(1);
  }

  @Test
  void overHttpThereIsNoHandshakeToWaitFor() {
    WaitProgress p = progress("http://10.0.0.5:9933");
    p.onAttempt("system_health", 1, 1);
    at(2, p);
    assertThat(out.toString()).contains("waiting for http://10.0.0.5:9933: no answer to system_health for 2 s (attempt 1 of 1)");
  }
}
