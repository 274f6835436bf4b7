package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an HTTP answer's body into a JSON tree while it arrives, through a {@link MessageReader}:
 * a {@code Content-Length} over the cap is refused before a byte of the body is read, and a body
 * without one is refused as soon as it passes the cap. A body that is not JSON (a proxy's error
 * page) is not read further; its start is kept for the error message.
 */
final class JsonBodyHandler implements HttpResponse.BodyHandler<JsonBodyHandler.Body> {

  /**
   * What came: the tree, or null with why not.
   *
   * @param json the message, or null
   * @param refused why there is no message, or null
   * @param head the start of the body, escaped and cut short
   */
  record Body(JsonNode json, RefusedMessage refused, String head) {}

  private final MessageLimits limits;

  JsonBodyHandler(MessageLimits limits) {
    this.limits = limits;
  }

  @Override
  public HttpResponse.BodySubscriber<Body> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    if (declared > limits.maxBytes()) {
      return new Reading(new RefusedMessage(RefusedMessage.Reason.TOO_LARGE, "its Content-Length "
          + declared + " exceeds " + MessageLimits.describe(limits.maxBytes())));
    }
    return new Reading(null);
  }

  /** One body. The client calls it from one thread at a time, as the Flow contract says. */
  private final class Reading implements HttpResponse.BodySubscriber<Body> {
    private final CompletableFuture<Body> body = new CompletableFuture<>();
    private final MessageReader reader = new MessageReader(limits);
    private final RefusedMessage refusedAtOnce;
    private Flow.Subscription subscription;

    Reading(RefusedMessage refusedAtOnce) {
      this.refusedAtOnce = refusedAtOnce;
    }

    @Override
    public CompletionStage<Body> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (refusedAtOnce != null) {
        s.cancel();
        body.complete(new Body(null, refusedAtOnce, ""));
        return;
      }
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return;
      }
      try {
        for (ByteBuffer b : buffers) {
          reader.feed(b);
        }
      } catch (RefusedMessage refused) {
        subscription.cancel();
        body.complete(new Body(null, refused, reader.head()));
        return;
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      if (body.isDone()) {
        return;
      }
      try {
        body.complete(new Body(reader.finish(), null, reader.head()));
      } catch (RefusedMessage refused) {
        body.complete(new Body(null, refused, reader.head()));
      }
    }
  }
}
