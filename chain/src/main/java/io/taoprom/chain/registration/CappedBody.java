package io.taoprom.chain.registration;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP body read into bytes up to a cap: a {@code Content-Length} over it is not read at all,
 * and a body that passes it is cut off (the connection with it); either way the body is null.
 * For answers that are a few bytes by nature, such as an external-ip provider's.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final int max;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final byte[] buffer;
  private int length;
  private Flow.Subscription subscription;

  private CappedBody(int max) {
    this.max = max;
    this.buffer = new byte[max];
  }

  /** A handler whose bodies are at most {@code max} bytes (null beyond). */
  static HttpResponse.BodyHandler<byte[]> handler(int max) {
    return info -> {
      CappedBody b = new CappedBody(max);
      if (info.headers().firstValueAsLong("content-length").orElse(0) > max) {
        b.body.complete(null);
      }
      return b;
    };
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (body.isDone()) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      if (b.remaining() > max - length) {
        subscription.cancel();
        body.complete(null);
        return;
      }
      int n = b.remaining();
      b.get(buffer, length, n);
      length += n;
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    if (!body.isDone()) {
      body.complete(java.util.Arrays.copyOf(buffer, length));
    }
  }
}
