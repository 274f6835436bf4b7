package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a node can send that a client must bound: messages over the cap (WebSocket and HTTP), and
 * text meant for a terminal (escape sequences, bells, 100 KB) in errors, close reasons and
 * unexpected frames. The child-JVM proof at the real cap is {@link RpcSmallHeapIT}.
 */
class HostileNodeTest {

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(30), 2.0, Duration.ofMillis(100), 0);
  private static final int CAP = MessageLimits.MIN_MAX_BYTES;
  /** ESC [ 2 J (clear screen), an OSC title change ending in BEL, a C1 CSI, a bidi override. */
  static final String TERMINAL_TRICKS = "\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e";

  private final List<AutoCloseable> open = new ArrayList<>();
  private final RecordingListener listener = new RecordingListener();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T opened(T c) {
    open.add(c);
    return c;
  }

  private RpcClient client(URI uri) {
    return opened(RpcClient.builder(uri).retryPolicy(FAST).requestTimeout(Duration.ofSeconds(5))
        .connectTimeout(Duration.ofSeconds(2)).maxMessageBytes(CAP).listener(listener).build());
  }

  @Test
  void aFrameOverTheCapDropsTheConnectionAndTheReadIsRetriedOnANewOne() {
    AtomicInteger answered = new AtomicInteger();
    HostileNode node = opened(HostileNode.start(c -> {
      c.handshake();
      var request = c.readRequest();
      if (answered.getAndIncrement() == 0) {
        c.streamFrame(1L << 40, NodeBehaviours.whitespace()); // 1 TiB declared
      } else {
        c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":\"fine\"}");
        c.readRequest();
      }
    }));
    RpcClient rpc = client(node.wsUri());
    assertThat(rpc.request("system_health").asText()).isEqualTo("fine");
    assertThat(node.connections()).isEqualTo(2);
    assertThat(listener.retries).singleElement().satisfies(r ->
        assertThat(r.cause()).isInstanceOf(RpcMessageTooLargeException.class));
    assertThat(listener.unexpected).anySatisfy(u -> assertThat(u).contains("was refused: it exceeds 64 KiB"));
    // Not much more than the cap was read before the connection was dropped.
    assertThat(node.bytesSent()).isLessThan(64L << 20);
  }

  @Test
  void aReadThatKeepsGettingOversizedAnswersFailsTypedAfterThePolicy() {
    HostileNode node = opened(HostileNode.start(NodeBehaviours.answering(
        NodeBehaviours.repeated("\"", "a", CAP, "\""))));
    RpcClient rpc = client(node.wsUri());
    assertThatThrownBy(() -> rpc.request("state_getMetadata"))
        .isInstanceOfSatisfying(RpcMessageTooLargeException.class, e -> {
          assertThat(e.limitBytes()).isEqualTo(CAP);
          assertThat(e.maybeDelivered()).isTrue();
        })
        .hasMessageContaining("state_getMetadata: a message from " + node.wsUri() + " was refused")
        .hasMessageContaining("gave up after 3 attempts");
    assertThat(node.connections()).isEqualTo(3);
  }

  @Test
  void aSubmissionAnsweredOverTheCapIsNotResent() {
    HostileNode node = opened(HostileNode.start(NodeBehaviours.streamingFrame(1L << 40, NodeBehaviours.whitespace())));
    RpcClient rpc = client(node.wsUri());
    assertThatThrownBy(() -> rpc.submit("author_submitExtrinsic", "0x1234"))
        .isInstanceOfSatisfying(RpcTransportException.class, e -> assertThat(e.maybeDelivered()).isTrue())
        .hasMessageContaining("not re-sent automatically");
    assertThat(node.requests()).isEqualTo(1);
  }

  @Test
  void anHttpAnswerDeclaringTooMuchIsRefusedBeforeItsBodyAndOneWithoutALengthAtTheCap() {
    HostileNode declared = opened(HostileNode.start(c -> c.httpAnswerStreaming(1L << 40, NodeBehaviours.whitespace())));
    RpcClient rpc = client(declared.httpUri());
    long start = System.nanoTime();
    assertThatThrownBy(() -> rpc.request("system_health")).isInstanceOf(RpcMessageTooLargeException.class)
        .hasMessageContaining("its Content-Length 1099511627776 exceeds 64 KiB");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    HostileNode chunked = opened(HostileNode.start(c -> c.httpAnswerStreaming(-1, NodeBehaviours.whitespace())));
    assertThatThrownBy(() -> client(chunked.httpUri()).request("system_health"))
        .isInstanceOf(RpcMessageTooLargeException.class).hasMessageContaining("it exceeds 64 KiB");
  }

  @Test
  void anHttpBodyThatTricklesInIsCutOffAfterTheConnectAndRequestTimeouts() {
    HostileNode trickle = opened(HostileNode.start(c -> c.httpAnswerStreaming(1000, (off, buf, len) -> {
      java.util.Arrays.fill(buf, 0, len, (byte) ' ');
      try {
        Thread.sleep(200L * len); // one byte every 200 ms
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })));
    RpcClient rpc = opened(RpcClient.builder(trickle.httpUri()).retryPolicy(RetryPolicy.none())
        .connectTimeout(Duration.ofMillis(500)).requestTimeout(Duration.ofMillis(700)).build());
    long start = System.nanoTime();
    assertThatThrownBy(() -> rpc.request("system_health")).isInstanceOf(RpcTimeoutException.class)
        .hasMessageContaining("got no whole answer within 1200 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aNodesErrorTextReachesTheMessageEscapedAndCutShort() {
    String hostile = TERMINAL_TRICKS + "x".repeat(100_000);
    FakeNode node = opened(FakeNode.start(r -> r.replyError(1010, hostile, hostile)));
    RpcClient rpc = opened(RpcClient.builder(node.wsUri()).retryPolicy(FAST).build()); // the default 16 MiB cap
    assertThatThrownBy(() -> rpc.submit("author_submitExtrinsic", "0x01"))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
              .doesNotContain("\u202e").contains("\\x1b[2J\\x1b]0;owned\\x07\\x9b31m\\u202e");
          assertThat(e.getMessage().length()).isLessThan(1000);
          assertThat(e.getMessage().lines().count()).isEqualTo(1);
          // The node's text is still there as sent, for code that needs it.
          assertThat(e.rpcMessage()).isEqualTo(hostile);
          InvalidTransaction why = e.invalidTransaction().orElseThrow();
          assertThat(why.kind()).isEqualTo(InvalidTransaction.Kind.UNKNOWN);
          assertThat(why.describe()).doesNotContain("\u001b").hasSizeLessThan(300);
        });
  }

  @Test
  void closeReasonsAndUnexpectedFramesAreEscaped() {
    HostileNode node = opened(HostileNode.start(c -> {
      c.handshake();
      c.readRequest();
      c.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"" + TERMINAL_TRICKS.replace("\u001b", "\\u001b")
          .replace("\u0007", "\\u0007") + "\",\"result\":1}");
      c.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"subscription\":\"\\u001b[2J\",\"result\":1}}");
      c.sendClose(4000, TERMINAL_TRICKS);
      c.readRequest();
    }));
    RpcClient rpc = opened(RpcClient.builder(node.wsUri()).retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(5)).listener(listener).build());
    assertThatThrownBy(() -> rpc.request("system_health")).isInstanceOf(RpcTransportException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("code 4000").contains("\\x1b[2J")
            .doesNotContain("\u001b").doesNotContain("\u0007"));
    await().atMost(Duration.ofSeconds(5)).until(() -> listener.unexpected.size() >= 2);
    assertThat(listener.unexpected).allSatisfy(u -> assertThat(u).doesNotContain("\u001b").doesNotContain("\u0007"));
  }
}
