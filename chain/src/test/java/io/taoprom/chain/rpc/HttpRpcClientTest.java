package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRpcClientTest {

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(30), 2.0, Duration.ofMillis(100), 0);

  private FakeNode node;
  private RpcClient rpc;

  @AfterEach
  void close() {
    if (rpc != null) {
      rpc.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private RpcClient client() {
    rpc = RpcClient.builder(node.httpUri()).retryPolicy(FAST).requestTimeout(Duration.ofMillis(800)).build();
    return rpc;
  }

  @Test
  void requestsAndErrorsOverHttp() {
    node = FakeNode.start(r -> {
      if (r.method().equals("chain_getBlockHash")) {
        r.reply("0x2f05");
      } else {
        r.replyError(-32601, "Method not found", null);
      }
    });
    RpcClient c = client();
    assertThat(c.supportsSubscriptions()).isFalse();
    assertThat(c.request("chain_getBlockHash", 0).asText()).isEqualTo("0x2f05");
    assertThatThrownBy(() -> c.request("nope")).isInstanceOfSatisfying(RpcException.class,
        e -> assertThat(e.code()).isEqualTo(-32601));
    assertThatThrownBy(() -> c.subscribeAsync("chain_subscribeNewHeads", List.of(), "x", Delivery.AT_LEAST_ONCE,
        r -> { })).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ws://");
  }

  @Test
  void serverErrorsAreRetriedForReadsButNotForSubmissions() {
    AtomicInteger calls = new AtomicInteger();
    node = FakeNode.start(r -> {
      if (calls.incrementAndGet() % 2 == 1) {
        r.connection().sendHttpStatus(503, "busy");
      } else {
        r.reply("ok");
      }
    });
    RpcClient c = client();
    assertThat(c.request("system_health").asText()).isEqualTo("ok");
    assertThat(node.count("system_health")).isEqualTo(2);
    assertThatThrownBy(() -> c.submit("author_submitExtrinsic", "0x00"))
        .isInstanceOfSatisfying(RpcTransportException.class, e -> assertThat(e.maybeDelivered()).isTrue())
        .hasMessageContaining("HTTP 503");
    assertThat(node.count("author_submitExtrinsic")).isEqualTo(1);
  }

  @Test
  void nonJsonAnswerIsAProtocolError() {
    node = FakeNode.start(r -> r.connection().sendHttpStatus(404, "<html>not here</html>"));
    RpcClient c = client();
    assertThatThrownBy(() -> c.request("system_health")).isInstanceOf(RpcProtocolException.class)
        .hasMessageContaining("HTTP 404").hasMessageContaining("not here");
  }

  @Test
  void timeoutIsTypedAndClosedPortFailsFast() throws IOException {
    node = FakeNode.start(r -> { });
    RpcClient c = client();
    assertThatThrownBy(() -> c.submit("author_submitExtrinsic", "0x00"))
        .isInstanceOf(RpcTransportException.class).hasRootCauseInstanceOf(RpcTimeoutException.class);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (RpcClient closed = RpcClient.builder("http://127.0.0.1:" + port).retryPolicy(RetryPolicy.none()).build()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> closed.request("system_health")).isInstanceOf(RpcTransportException.class)
          .hasMessageContaining("connection refused");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    }
  }

  @Test
  void badAddressesAreRejectedByTheBuilder() {
    assertThatThrownBy(() -> RpcClient.builder("ftp://node:1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ws://host:port");
    assertThatThrownBy(() -> RpcClient.builder("127.0.0.1:9944")).isInstanceOf(IllegalArgumentException.class);
  }
}
