package io.taoprom.metrics.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into memory up to a limit: past it the exchange is cancelled and
 * the body fails, so that a runaway endpoint cannot exhaust a small heap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final int maxBytes;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  CappedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A handler that refuses at once a body whose announced length is too large. */
  static HttpResponse.BodyHandler<byte[]> handler(int maxBytes) {
    return info -> {
      long announced = info.headers().firstValueAsLong("content-length").orElse(-1);
      CappedBody body = new CappedBody(maxBytes);
      if (announced > maxBytes) {
        body.result.completeExceptionally(tooLarge(maxBytes));
      }
      return body;
    };
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      if (buffer.size() + item.remaining() > maxBytes) {
        subscription.cancel();
        result.completeExceptionally(tooLarge(maxBytes));
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  private static IOException tooLarge(int maxBytes) {
    return new IOException("response body larger than " + maxBytes + " bytes");
  }
}
