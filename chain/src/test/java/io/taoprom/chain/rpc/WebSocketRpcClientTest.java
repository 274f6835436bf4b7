package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketRpcClientTest {

  /** Fast delays so the retry behaviour is visible without slowing the suite. */
  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(200), 0);

  private final List<AutoCloseable> open = new ArrayList<>();
  private final RecordingListener listener = new RecordingListener();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private FakeNode node(FakeNode.Handler h) {
    FakeNode n = FakeNode.start(h);
    open.add(n);
    return n;
  }

  private RpcClient client(URI uri, RetryPolicy policy, Duration requestTimeout) {
    RpcClient c = RpcClient.builder(uri).retryPolicy(policy).requestTimeout(requestTimeout)
        .connectTimeout(Duration.ofSeconds(2)).listener(listener).build();
    open.add(c);
    return c;
  }

  private RpcClient client(FakeNode n) {
    return client(n.wsUri(), FAST, Duration.ofSeconds(5));
  }

  @Test
  void concurrentRequestsAreCorrelatedById() {
    FakeNode n = node(r -> {
      int k = r.params().get(0).asInt();
      r.replyAfter(Duration.ofMillis(50 - k), k * 10); // later requests answer first
    });
    RpcClient rpc = client(n);
    List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      futures.add(rpc.requestAsync("echo", List.of(k), Delivery.AT_LEAST_ONCE));
    }
    for (int k = 0; k < 40; k++) {
      assertThat(futures.get(k).join().asInt()).isEqualTo(k * 10);
    }
    assertThat(n.connections()).isEqualTo(1);
  }

  @Test
  void errorResponseIsAnRpcExceptionAndIsNotRetried() {
    FakeNode n = node(r -> r.replyError(-32601, "Method not found", Map.of("hint", "typo?")));
    RpcClient rpc = client(n);
    assertThatThrownBy(() -> rpc.request("chain_getHeadr"))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32601);
          assertThat(e.rpcMessage()).isEqualTo("Method not found");
          assertThat(e.data().get("hint").asText()).isEqualTo("typo?");
          assertThat(e.method()).isEqualTo("chain_getHeadr");
        })
        .hasMessageContaining("chain_getHeadr on " + n.wsUri() + " failed with error -32601");
    assertThat(n.count("chain_getHeadr")).isEqualTo(1);
    assertThat(listener.attempts).extracting(RecordingListener.Attempt::outcome)
        .containsExactly(RequestOutcome.RPC_ERROR);
  }

  @Test
  void readIsResentAfterTheConnectionDropsMidRequest() {
    AtomicInteger calls = new AtomicInteger();
    FakeNode n = node(r -> {
      if (calls.incrementAndGet() == 1) {
        r.dropConnection();
      } else {
        r.reply("0xabc");
      }
    });
    RpcClient rpc = client(n);
    assertThat(rpc.request("chain_getBlockHash", 0).asText()).isEqualTo("0xabc");
    assertThat(n.count("chain_getBlockHash")).isEqualTo(2);
    assertThat(n.connections()).isEqualTo(2);
    assertThat(listener.retries).hasSize(1);
    assertThat(listener.retries.get(0).delay()).isEqualTo(Duration.ofMillis(50));
    assertThat(listener.retries.get(0).cause()).isInstanceOf(RpcTransportException.class);
    assertThat(listener.attempts).extracting(RecordingListener.Attempt::outcome)
        .containsExactly(RequestOutcome.TRANSPORT_ERROR, RequestOutcome.SUCCESS);
  }

  @Test
  void readIsResentAfterATimeout() {
    AtomicInteger calls = new AtomicInteger();
    FakeNode n = node(r -> {
      if (calls.incrementAndGet() > 1) {
        r.reply(42);
      } // the first one is never answered
    });
    RpcClient rpc = client(n.wsUri(), FAST, Duration.ofMillis(300));
    assertThat(rpc.request("system_health").asInt()).isEqualTo(42);
    assertThat(listener.attempts).extracting(RecordingListener.Attempt::outcome)
        .containsExactly(RequestOutcome.TIMEOUT, RequestOutcome.SUCCESS);
    assertThat(listener.attempts.get(0).took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(n.connections()).isEqualTo(1);
  }

  @Test
  void retriesStopAfterMaxAttemptsWithBackoffBetween() {
    FakeNode n = node(FakeNode.Request::dropConnection);
    RpcClient rpc = client(n);
    long start = System.nanoTime();
    assertThatThrownBy(() -> rpc.request("state_getMetadata"))
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("state_getMetadata")
        .hasMessageContaining("gave up after 3 attempts");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(n.count("state_getMetadata")).isEqualTo(3);
    assertThat(listener.retries).extracting(RecordingListener.Retry::delay)
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void backoffIsCappedAtTheMaximumDelay() {
    FakeNode n = node(FakeNode.Request::dropConnection);
    RetryPolicy capped = new RetryPolicy(5, Duration.ofMillis(20), 3.0, Duration.ofMillis(50), 0);
    RpcClient rpc = client(n.wsUri(), capped, Duration.ofSeconds(5));
    assertThatThrownBy(() -> rpc.request("system_health")).isInstanceOf(RpcTransportException.class);
    assertThat(listener.retries).extracting(RecordingListener.Retry::delay)
        .containsExactly(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));
    assertThat(n.count("system_health")).isEqualTo(5);
  }

  @Test
  void jitteredDelaysStayWithinTheirBounds() {
    FakeNode n = node(FakeNode.Request::dropConnection);
    RetryPolicy jittered = new RetryPolicy(4, Duration.ofMillis(40), 2.0, Duration.ofMillis(200), 0.5);
    RpcClient rpc = client(n.wsUri(), jittered, Duration.ofSeconds(5));
    assertThatThrownBy(() -> rpc.request("system_health")).isInstanceOf(RpcTransportException.class);
    List<Duration> delays = listener.retries.stream().map(RecordingListener.Retry::delay).toList();
    assertThat(delays.get(0)).isBetween(Duration.ofMillis(20), Duration.ofMillis(60));
    assertThat(delays.get(1)).isBetween(Duration.ofMillis(40), Duration.ofMillis(120));
    assertThat(delays.get(2)).isBetween(Duration.ofMillis(80), Duration.ofMillis(240));
  }

  @Test
  void submissionIsNeverResentAfterTheConnectionDropsAfterSubmit() throws Exception {
    AtomicInteger nonce = new AtomicInteger(7);
    FakeNode n = node(r -> {
      switch (r.method()) {
        case "author_submitExtrinsic" -> {
          nonce.incrementAndGet(); // the node accepted it ...
          r.dropConnection();      // ... but the answer never arrives
        }
        case "system_accountNextIndex" -> r.reply(nonce.get());
        default -> r.replyError(-32601, "Method not found", null);
      }
    });
    RpcClient rpc = client(n);
    assertThatThrownBy(() -> rpc.submit("author_submitExtrinsic", "0x1234"))
        .isInstanceOfSatisfying(RpcTransportException.class, e -> assertThat(e.maybeDelivered()).isTrue())
        .hasMessageContaining("not re-sent automatically")
        .hasMessageContaining("re-check the nonce");
    Thread.sleep(400); // longer than every retry delay of the policy
    assertThat(n.count("author_submitExtrinsic")).isEqualTo(1);
    assertThat(listener.retries).isEmpty();
    // The re-check the caller is told to make works on a fresh connection and shows the effect.
    assertThat(rpc.request("system_accountNextIndex", "5Grw").asInt()).isEqualTo(8);
    assertThat(n.count("author_submitExtrinsic")).isEqualTo(1);
  }

  @Test
  void submissionThatTimesOutIsNotResent() {
    FakeNode n = node(r -> { }); // never answers
    RpcClient rpc = client(n.wsUri(), FAST, Duration.ofMillis(200));
    assertThatThrownBy(() -> rpc.submit("author_submitExtrinsic", "0x1234"))
        .isInstanceOfSatisfying(RpcTransportException.class, e -> {
          assertThat(e.maybeDelivered()).isTrue();
          assertThat(e.getCause()).isInstanceOf(RpcTimeoutException.class);
        });
    assertThat(n.count("author_submitExtrinsic")).isEqualTo(1);
  }

  @Test
  void submissionIsRetriedWhenItNeverLeftBecauseTheConnectionFailed() {
    FakeNode n = node(r -> r.reply("0xhash"));
    // Two: the JDK itself retries a failed upgrade request once before reporting it.
    n.refuseHandshakes(2);
    RpcClient rpc = client(n);
    assertThat(rpc.submit("author_submitExtrinsic", "0x1234").asText()).isEqualTo("0xhash");
    assertThat(n.count("author_submitExtrinsic")).isEqualTo(1);
    assertThat(n.connections()).isGreaterThanOrEqualTo(3);
    assertThat(listener.retries).isNotEmpty()
        .allSatisfy(r -> assertThat(((RpcTransportException) r.cause()).maybeDelivered()).isFalse());
  }

  @Test
  void slowAnswerWithinTheTimeoutSucceeds() {
    FakeNode n = node(r -> r.replyAfter(Duration.ofMillis(400), "late"));
    RpcClient rpc = client(n.wsUri(), RetryPolicy.none(), Duration.ofSeconds(3));
    assertThat(rpc.request("system_name").asText()).isEqualTo("late");
    assertThat(listener.attempts.get(0).took()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void closedPortFailsWellUnderASecond() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RpcClient rpc = client(URI.create("ws://127.0.0.1:" + port), RetryPolicy.none(), Duration.ofSeconds(5));
    long start = System.nanoTime();
    assertThatThrownBy(() -> rpc.request("system_health"))
        .isInstanceOfSatisfying(RpcTransportException.class, e -> assertThat(e.maybeDelivered()).isFalse())
        .hasMessageContaining("cannot connect to ws://127.0.0.1:" + port)
        .hasMessageContaining("connection refused");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
  }

  @Test
  void serverThatNeverCompletesTheHandshakeTimesOutAtTheConnectTimeout() throws IOException {
    try (ServerSocket blackHole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      RpcClient rpc = RpcClient.builder("ws://127.0.0.1:" + blackHole.getLocalPort())
          .connectTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build();
      open.add(rpc);
      long start = System.nanoTime();
      assertThatThrownBy(() -> rpc.request("system_health")).isInstanceOf(RpcTimeoutException.class)
          .hasMessageContaining("system_health");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void subscriptionDeliversNotificationsInOrderAndUnsubscribes() {
    FakeNode n = node(r -> {
      if (r.method().equals("chain_subscribeNewHeads")) {
        r.reply("sub-1");
        for (int k = 1; k <= 3; k++) {
          r.connection().notify("chain_newHead", "sub-1", Map.of("number", "0x" + k));
        }
      } else if (r.method().equals("chain_unsubscribeNewHeads")) {
        r.reply(true);
        r.connection().notify("chain_newHead", "sub-1", Map.of("number", "0x4"));
      }
    });
    RpcClient rpc = client(n);
    List<String> heads = new CopyOnWriteArrayList<>();
    Subscription sub = rpc.subscribe("chain_subscribeNewHeads", List.of(), "chain_unsubscribeNewHeads",
        head -> heads.add(head.get("number").asText()));
    await().atMost(Duration.ofSeconds(5)).until(() -> heads.size() == 3);
    assertThat(heads).containsExactly("0x1", "0x2", "0x3");
    assertThat(sub.id()).isEqualTo("sub-1");
    sub.unsubscribe().join();
    assertThat(sub.isActive()).isFalse();
    assertThat(n.received()).filteredOn(r -> r.method().equals("chain_unsubscribeNewHeads"))
        .singleElement().satisfies(r -> assertThat(r.params().get(0).asText()).isEqualTo("sub-1"));
    await().atMost(Duration.ofSeconds(5)).until(() -> !listener.unexpected.isEmpty());
    assertThat(listener.unexpected.get(0)).contains("unknown subscription");
    assertThat(heads).hasSize(3);
  }

  @Test
  void subscriptionIsReestablishedAfterAReconnect() {
    AtomicInteger subscribes = new AtomicInteger();
    FakeNode n = node(r -> {
      if (r.method().equals("chain_subscribeNewHeads")) {
        int k = subscribes.incrementAndGet();
        String id = "sub-" + k;
        r.reply(id);
        r.connection().notify("chain_newHead", id, Map.of("number", k * 100));
      }
    });
    RpcClient rpc = client(n);
    List<Integer> heads = new CopyOnWriteArrayList<>();
    AtomicInteger resubscribed = new AtomicInteger();
    Subscription sub = rpc.subscribe("chain_subscribeNewHeads", List.of(), "chain_unsubscribeNewHeads",
        new SubscriptionListener() {
          @Override
          public void onNotification(JsonNode result) {
            heads.add(result.get("number").asInt());
          }

          @Override
          public void onResubscribed() {
            resubscribed.incrementAndGet();
          }
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> heads.size() == 1);
    n.dropAll();
    await().atMost(Duration.ofSeconds(5)).until(() -> heads.size() == 2);
    assertThat(heads).containsExactly(100, 200);
    assertThat(sub.id()).isEqualTo("sub-2");
    assertThat(resubscribed.get()).isEqualTo(1);
    assertThat(n.connections()).isEqualTo(2);
    assertThat(listener.events).contains("disconnected", "resubscribed chain_subscribeNewHeads");
  }

  @Test
  void watchedSubmissionEndsWithAnErrorInsteadOfBeingResubmitted() throws Exception {
    FakeNode n = node(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic")) {
        r.reply("watch-1");
        r.connection().notify("author_extrinsicUpdate", "watch-1", "ready");
        Thread.sleep(100);
        r.dropConnection();
      }
    });
    RpcClient rpc = client(n);
    List<String> updates = new CopyOnWriteArrayList<>();
    CompletableFuture<Exception> failed = new CompletableFuture<>();
    rpc.subscribeAsync("author_submitAndWatchExtrinsic", List.of("0x1234"), "author_unwatchExtrinsic",
        Delivery.AT_MOST_ONCE, new SubscriptionListener() {
          @Override
          public void onNotification(JsonNode result) {
            updates.add(result.asText());
          }

          @Override
          public void onError(Exception error) {
            failed.complete(error);
          }
        }).join();
    Exception e = failed.get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(e).isInstanceOfSatisfying(RpcTransportException.class, t -> assertThat(t.maybeDelivered()).isTrue())
        .hasMessageContaining("look for it in the chain before submitting again");
    assertThat(updates).containsExactly("ready");
    Thread.sleep(300);
    assertThat(n.count("author_submitAndWatchExtrinsic")).isEqualTo(1);
  }

  @Test
  void malformedFrameFailsPendingRequestsAtOnceAndTheClientRecovers() {
    AtomicInteger calls = new AtomicInteger();
    FakeNode n = node(r -> {
      if (calls.incrementAndGet() == 1) {
        r.replyRaw("<html>502 Bad Gateway</html>");
      } else {
        r.reply("fine");
      }
    });
    RpcClient rpc = client(n.wsUri(), FAST, Duration.ofSeconds(10));
    long start = System.nanoTime();
    assertThatThrownBy(() -> rpc.request("system_name"))
        .isInstanceOf(RpcProtocolException.class)
        .hasMessageContaining("malformed JSON-RPC frame from " + n.wsUri())
        .hasMessageContaining("<html>502 Bad Gateway</html>");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(rpc.request("system_name").asText()).isEqualTo("fine");
    assertThat(n.connections()).isEqualTo(2);
  }

  @Test
  void responseForAnUnknownIdIsReportedAndIgnored() {
    FakeNode n = node(r -> {
      r.replyRaw("{\"jsonrpc\":\"2.0\",\"id\":987654,\"result\":1}");
      r.reply("mine");
    });
    RpcClient rpc = client(n);
    assertThat(rpc.request("system_name").asText()).isEqualTo("mine");
    assertThat(listener.unexpected).anySatisfy(u -> assertThat(u).contains("unknown or expired id 987654"));
  }

  @Test
  void responseWithNeitherResultNorErrorIsAProtocolError() {
    FakeNode n = node(r -> r.replyRaw("{\"jsonrpc\":\"2.0\",\"id\":" + r.id() + "}"));
    RpcClient rpc = client(n);
    assertThatThrownBy(() -> rpc.request("system_name")).isInstanceOf(RpcProtocolException.class)
        .hasMessageContaining("neither result nor error");
    assertThat(n.count("system_name")).isEqualTo(1);
  }

  @Test
  void invalidTransactionStaleAndBadProofAreDecodedAndNotRetried() {
    FakeNode n = node(r -> {
      String tx = r.params().get(0).asText();
      r.replyError(1010, "Invalid Transaction",
          tx.equals("0x01") ? "Transaction is outdated" : "Transaction has a bad signature");
    });
    RpcClient rpc = client(n);
    assertThatThrownBy(() -> rpc.submit("author_submitExtrinsic", "0x01"))
        .isInstanceOfSatisfying(RpcException.class, e ->
            assertThat(e.invalidTransaction().orElseThrow().kind()).isEqualTo(InvalidTransaction.Kind.STALE));
    assertThatThrownBy(() -> rpc.submit("author_submitExtrinsic", "0x02"))
        .isInstanceOfSatisfying(RpcException.class, e ->
            assertThat(e.invalidTransaction().orElseThrow().kind()).isEqualTo(InvalidTransaction.Kind.BAD_PROOF));
    assertThat(n.count("author_submitExtrinsic")).isEqualTo(2);
  }

  @Test
  void closingFailsPendingRequestsPromptly() {
    FakeNode n = node(r -> { });
    RpcClient rpc = client(n.wsUri(), FAST, Duration.ofSeconds(30));
    CompletableFuture<JsonNode> pending = rpc.requestAsync("system_health", List.of(), Delivery.AT_LEAST_ONCE);
    await().atMost(Duration.ofSeconds(5)).until(() -> n.count("system_health") == 1);
    rpc.close();
    assertThatThrownBy(() -> RpcClient.await(pending)).isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> rpc.request("system_health")).isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void largeMessagesArriveWhole() {
    String big = "0x" + "ab".repeat(400_000);
    FakeNode n = node(r -> r.reply(big));
    RpcClient rpc = client(n);
    assertThat(rpc.request("state_getMetadata").asText()).isEqualTo(big);
  }
}
