package io.taoprom.metrics.scrape;

import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.InputLimitException;
import io.taoprom.untrusted.Excerpt;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Collects one response of a scrape target: a {@code 200} body up to a cap (its buffer charged to
 * the heap budget as it grows), or the redirect it asks for, or why not. Anything else (another status, an announced or actual body over the cap)
 * aborts the exchange at once, which closes its connection: a hostile target gets no more of our
 * time or memory than the first bytes that gave it away.
 */
final class BodyListener implements Response.Listener {

  /** What a target answered. */
  record Answer(byte[] body, int length, String contentEncoding, String location, int status) {
    boolean redirect() {
      return location != null;
    }
  }

  private final int maxBytes;
  private final HeapBudget.Account account;
  private final CompletableFuture<Answer> result = new CompletableFuture<>();
  private byte[] buffer = new byte[0];
  private int length;
  private String location;

  /** A listener for a body of at most {@code maxBytes}, whose buffer is charged to {@code account} as it grows. */
  BodyListener(int maxBytes, HeapBudget.Account account) {
    this.maxBytes = maxBytes;
    this.account = account;
  }

  CompletableFuture<Answer> result() {
    return result;
  }

  @Override
  public void onHeaders(Response response) {
    int status = response.getStatus();
    if (isRedirect(status)) {
      String to = response.getHeaders().get(HttpHeader.LOCATION);
      if (to == null) {
        abort(response, "answered HTTP " + status + " without a Location");
      } else {
        location = to;
        // The body of a redirect is of no use: the exchange ends here, and its connection with it.
        result.complete(new Answer(null, 0, null, location, status));
        response.abort(new FetchFailure("redirect taken"));
      }
      return;
    }
    if (status != 200) {
      abort(response, "answered HTTP " + status);
      return;
    }
    long announced = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (announced > maxBytes) {
      abort(response, "announced a body of " + announced + " bytes, larger than " + maxBytes + " bytes");
    } else if (announced > 0) {
      grow(response, (int) announced);
    }
  }

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    if (result.isDone()) {
      return;
    }
    int n = content.remaining();
    if (length + n > maxBytes) {
      abort(response, "sent a body larger than " + maxBytes + " bytes");
      return;
    }
    if (length + n > buffer.length
        && !grow(response, (int) Math.min(maxBytes, Math.max(length + n, Math.max(8192L, 2L * buffer.length))))) {
      return;
    }
    content.get(buffer, length, n);
    length += n;
  }

  /**
   * Grows the buffer to {@code capacity} (by doubling, but never past the cap: a 4 MiB body never
   * costs an 8 MiB array), charging the growth to the heap budget; false, and the exchange
   * aborted, when the budget has not that much left.
   */
  private boolean grow(Response response, int capacity) {
    try {
      account.charge(capacity - buffer.length);
    } catch (InputLimitException e) {
      abort(response, e.getMessage());
      return false;
    }
    buffer = Arrays.copyOf(buffer, capacity);
    return true;
  }

  @Override
  public void onComplete(Result outcome) {
    if (result.isDone()) {
      return;
    }
    if (outcome.isFailed()) {
      result.completeExceptionally(outcome.getFailure());
      return;
    }
    Response response = outcome.getResponse();
    result.complete(new Answer(buffer, length, response.getHeaders().get(HttpHeader.CONTENT_ENCODING), null, 200));
  }

  private void abort(Response response, String why) {
    FetchFailure failure = new FetchFailure(Excerpt.of(why, 200));
    result.completeExceptionally(failure);
    response.abort(failure);
  }
}
