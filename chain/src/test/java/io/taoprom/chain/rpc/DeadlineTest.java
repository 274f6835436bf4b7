package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One {@link Deadline} bounds a request with all its connects, attempts and delays, whatever the
 * timeouts and the retry policy would allow; the error says what the node did not do.
 */
class DeadlineTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A patient client: 10 s to connect, 30 s per attempt, the default 1 s / 3 / ×2 / 4 s policy. */
  private RpcClient patient(URI uri) {
    RpcClient c = RpcClient.builder(uri).connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(30))
        .retryPolicy(RetryPolicy.defaults()).build();
    open.add(c);
    return c;
  }

  private HostileNode node(HostileNode.Behaviour b) {
    HostileNode n = HostileNode.start(b);
    open.add(n);
    return n;
  }

  private static Duration timed(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void aTcpPeerThatSaysNothingIsGivenUpOnAtTheDeadline() {
    HostileNode silent = node(NodeBehaviours.silentTcp());
    RpcClient rpc = patient(silent.wsUri());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Duration took = timed(() -> {
      try (Deadline.Scope s = Deadline.after(Duration.ofMillis(1500)).bind()) {
        rpc.request("chain_getHeader");
      } catch (RuntimeException e) {
        failure.set(e);
      }
    });
    assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofMillis(3000));
    assertThat(failure.get()).isInstanceOfSatisfying(RpcDeadlineException.class, e -> {
      assertThat(e.timeout()).isEqualTo(Duration.ofMillis(1500));
      assertThat(e.maybeDelivered()).isFalse();
      assertThat(e.attempts()).isEqualTo(1);
    }).hasMessageStartingWith("chain_getHeader on " + silent.wsUri() + ": gave up at the deadline of 1.5 s, in attempt"
        + " 1 of 3: no WebSocket connection: the TCP connect or the WebSocket handshake with " + silent.wsUri()
        + " has not completed for ").hasMessageMatching(".* for \\d+(\\.\\d)? m?s$");
  }

  @Test
  void aNodeThatCompletesTheHandshakeAndNeverAnswersIsGivenUpOnAtTheDeadline() {
    HostileNode silent = node(NodeBehaviours.silentAfterHandshake());
    RpcClient rpc = patient(silent.wsUri());
    Deadline d = Deadline.after(Duration.ofMillis(1200));
    Duration took = timed(() -> assertThatThrownBy(() -> d.call(() -> rpc.request("chain_getBlockHash", 0)))
        .isInstanceOfSatisfying(RpcDeadlineException.class, e -> assertThat(e.maybeDelivered()).isTrue())
        .hasMessageContaining("gave up at the deadline of 1.2 s, in attempt 1 of 3: the node completed the"
            + " WebSocket handshake but has not answered chain_getBlockHash for "));
    assertThat(took).isBetween(Duration.ofMillis(1100), Duration.ofMillis(2500));
    assertThat(silent.requests()).isEqualTo(1);
  }

  @Test
  void anHttpNodeThatNeverAnswersIsGivenUpOnAtTheDeadline() {
    HostileNode silent = node(c -> c.holdOpen());
    RpcClient rpc = patient(silent.httpUri());
    Duration took = timed(() -> assertThatThrownBy(() -> Deadline.after(Duration.ofSeconds(1)).call(
        () -> rpc.request("system_health"))).isInstanceOf(RpcDeadlineException.class)
        .hasMessageContaining(silent.httpUri() + " has not answered system_health"));
    assertThat(took).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void aRetryDelayLongerThanWhatRemainsEndsTheRequestAtOnce() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RpcClient rpc = RpcClient.builder("ws://127.0.0.1:" + port)
        .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(5), 0)).build();
    open.add(rpc);
    Duration took = timed(() -> assertThatThrownBy(() -> Deadline.after(Duration.ofSeconds(2)).call(
        () -> rpc.request("system_health"))).isInstanceOfSatisfying(RpcDeadlineException.class, e -> {
          assertThat(e.maybeDelivered()).isFalse();
          assertThat(e.getCause()).isInstanceOf(RpcTransportException.class);
        }).hasMessageContaining("connection refused"));
    assertThat(took).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aSpentDeadlineFailsAtOnceAndWaitsInPausedDoNotSpendIt() throws Exception {
    FakeNode fine = FakeNode.start(r -> r.reply("ok"));
    open.add(fine);
    RpcClient rpc = patient(fine.wsUri());
    assertThat(rpc.request("system_health").asText()).isEqualTo("ok"); // connected, outside any deadline
    Deadline d = Deadline.after(Duration.ofMillis(2000));
    d.paused(() -> {
      sleep(2500);
      return null;
    });
    assertThat(d.remaining()).isGreaterThan(Duration.ofMillis(1900));
    assertThat(d.call(() -> rpc.request("system_health").asText())).isEqualTo("ok");
    sleep(2100);
    assertThat(d.expired()).isTrue();
    assertThatThrownBy(() -> d.call(() -> rpc.request("system_health"))).isInstanceOf(RpcDeadlineException.class)
        .hasMessageContaining("spent before the request could start");
    assertThat(fine.count("system_health")).isEqualTo(2);
  }

  @Test
  void aDeadlineBelongsToTheThreadThatBoundItAndScopesNest() throws Exception {
    Deadline outer = Deadline.after(Duration.ofSeconds(5));
    Deadline inner = Deadline.after(Duration.ofSeconds(1));
    try (Deadline.Scope a = outer.bind()) {
      try (Deadline.Scope b = inner.bind()) {
        assertThat(Deadline.current()).isSameAs(inner);
        assertThat(CompletableFuture.supplyAsync(Deadline::current).get()).isNull();
      }
      assertThat(Deadline.current()).isSameAs(outer);
    }
    assertThat(Deadline.current()).isNull();
    assertThatThrownBy(() -> Deadline.after(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
