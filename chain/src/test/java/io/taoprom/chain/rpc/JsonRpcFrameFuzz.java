package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.untrusted.testing.AllocationBudget;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Arbitrary text into the frame handler, as the client receives it from a node — cut into
 * frames at arbitrary points, with two requests and a subscription waiting for answers. Whatever
 * comes, {@code onText} returns at once without throwing, every waiting request ends with its
 * result or one of the declared failures ({@link RpcException}, {@link RpcProtocolException},
 * {@link RpcTransportException} and its subclasses), and every message and listener summary is
 * one escaped line of bounded length. The cap is 64 KiB, so a frame that grows is refused too,
 * and handling the frames allocates no more than a budget proportional to the text ({@link
 * AllocationBudget}).
 */
class JsonRpcFrameFuzz {

  private static final AllocationBudget BUDGET = AllocationBudget.perInputByte(256);

  @FuzzTest(maxDuration = "15s")
  void framesFromANodeEndInResultsOrDeclaredFailures(FuzzedDataProvider data) throws Exception {
    List<String> summaries = new CopyOnWriteArrayList<>();
    RpcListener listener = new RpcListener() {
      @Override
      public void onUnexpectedMessage(URI endpoint, String summary) {
        summaries.add(summary);
      }
    };
    try (RpcClient client = RpcClient.builder("ws://127.0.0.1:9").maxMessageBytes(64 << 10)
        .retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofSeconds(30)).listener(listener).build()) {
      WebSocketConnection conn = new WebSocketConnection((WebSocketRpcClient) client);
      StubSocket socket = new StubSocket();
      conn.onOpen(socket);
      List<CompletableFuture<JsonNode>> waiting = new ArrayList<>();
      waiting.add(conn.call("chain_getHeader", List.of(), Duration.ofSeconds(30), null)); // id 1
      waiting.add(conn.call("state_getMetadata", List.of(), Duration.ofSeconds(30), null)); // id 2
      ManagedSubscription sub = new ManagedSubscription((WebSocketRpcClient) client, "chain_subscribeNewHeads",
          List.of(), "chain_unsubscribeNewHeads", Delivery.AT_LEAST_ONCE, r -> { });
      waiting.add(conn.call("chain_subscribeNewHeads", List.of(), Duration.ofSeconds(30), sub)); // id 3

      int frames = data.consumeInt(1, 4);
      String text = data.consumeRemainingAsString();
      long start = System.nanoTime();
      BUDGET.check(2L * text.length(), () -> {
        int at = 0;
        for (int f = 1; f <= frames && !socket.aborted; f++) {
          int end = f == frames ? text.length() : Math.min(text.length(), at + text.length() / frames);
          conn.onText(socket, text.substring(at, end), f == frames);
          at = end;
        }
      });
      assertThat(System.nanoTime() - start).as("the handler returns at once").isLessThan(TimeUnit.SECONDS.toNanos(2));
      conn.closeByClient(); // what is still waiting fails now, as the transport's failure

      for (CompletableFuture<JsonNode> w : waiting) {
        try {
          w.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          assertThat(cause).isInstanceOfAny(RpcException.class, RpcProtocolException.class, RpcTransportException.class);
          assertSafe(cause.getMessage());
        }
      }
      summaries.forEach(JsonRpcFrameFuzz::assertSafe);
    }
  }

  /** One line, nothing a terminal acts on, bounded. */
  private static void assertSafe(String message) {
    assertThat(message).isNotNull().hasSizeLessThan(2000);
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      assertThat(c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u202e' || c == '\u2028')
          .as("character %x at %d of %s", (int) c, i, message).isFalse();
    }
  }

  /** The socket side of a connection, without a network: sends succeed, abort is remembered. */
  private static final class StubSocket implements WebSocket {
    volatile boolean aborted;

    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public void request(long n) {}

    @Override
    public String getSubprotocol() {
      return "";
    }

    @Override
    public boolean isOutputClosed() {
      return aborted;
    }

    @Override
    public boolean isInputClosed() {
      return aborted;
    }

    @Override
    public void abort() {
      aborted = true;
    }
  }
}
