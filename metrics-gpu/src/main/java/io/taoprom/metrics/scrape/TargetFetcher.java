package io.taoprom.metrics.scrape;

import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.untrusted.Excerpt;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Fetches scrape targets with Jetty's HTTP client (see docs/design.md for why not the JDK's):
 * one exchange per target and scrape, each on a connection of its own that is closed when the
 * exchange ends, whatever the end (a body, an error status, a timeout, headers or a body too
 * large, the scrape giving up): no connection outlives the scrape that opened it. Redirects are followed only within
 * the target's origin (scheme, host and port), at most {@value #MAX_REDIRECTS} of them, inside
 * the same deadline; a redirect elsewhere fails the target.
 *
 * <pre>{@code
 * try (TargetFetcher fetcher = TargetFetcher.start(Duration.ofSeconds(5), 4 << 20)) {
 *   BodyListener.Answer answer = fetcher.fetch(uri, Duration.ofSeconds(2), account).get();
 * }
 * }</pre>
 */
final class TargetFetcher implements AutoCloseable {

  static final int MAX_REDIRECTS = 3;
  /** Prometheus' own clients send a few hundred bytes of headers; a target that sends more is refused. */
  static final int MAX_HEADER_BYTES = 16 << 10;

  private static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";

  private final HttpClient client;
  private final int maxBodyBytes;

  private TargetFetcher(HttpClient client, int maxBodyBytes) {
    this.client = client;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** A started client with its own few daemon threads ({@code taoprom-scrape-N}). */
  static TargetFetcher start(Duration connectTimeout, int maxBodyBytes) {
    QueuedThreadPool threads = new QueuedThreadPool(4, 1, 60_000);
    threads.setName("taoprom-scrape");
    threads.setDaemon(true);
    threads.setReservedThreads(0);
    ClientConnector connector = new ClientConnector();
    connector.setSelectors(1);
    connector.setSslContextFactory(new SslContextFactory.Client()); // the JVM's trust store, host names verified
    HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
    client.setExecutor(threads);
    client.setScheduler(new ScheduledExecutorScheduler("taoprom-scrape-timer", true));
    // Nothing pooled between scrapes: buffers are allocated per exchange on the heap, where -Xmx bounds them.
    client.setByteBufferPool(ByteBufferPool.NON_POOLING);
    client.setUseInputDirectByteBuffers(false);
    client.setUseOutputDirectByteBuffers(false);
    client.setConnectTimeout(Math.max(1, connectTimeout.toMillis()));
    client.setFollowRedirects(false);
    client.setMaxResponseHeadersSize(MAX_HEADER_BYTES);
    client.setMaxConnectionsPerDestination(2);
    client.setMaxRequestsQueuedPerDestination(4);
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "taoprom"));
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the scrape collector's HTTP client: " + e, e);
    }
    // Cleared once started (starting adds the defaults): gzip is undone by the collector, under
    // its own cap on the uncompressed size.
    client.getContentDecoderFactories().clear();
    return new TargetFetcher(client, maxBodyBytes);
  }

  /**
   * Fetches {@code uri} within {@code budget}, following same-origin redirects; completes with
   * a {@code 200} answer, or exceptionally with why not. The body's buffer is charged to
   * {@code account} as it grows; the caller refunds it once it is done with the body.
   */
  CompletableFuture<BodyListener.Answer> fetch(URI uri, Duration budget, HeapBudget.Account account) {
    long deadline = System.nanoTime() + budget.toNanos();
    AtomicReference<Exchange> current = new AtomicReference<>();
    CompletableFuture<BodyListener.Answer> answer = fetch(uri, uri, deadline, 0, current, account);
    // Giving up on the answer (the scrape's deadline, a cancel) ends the exchange in flight,
    // redirects included, and with it its connection.
    answer.whenComplete((a, t) -> {
      Exchange exchange = current.get();
      if (t != null && exchange != null) {
        exchange.end(t);
      }
    });
    return answer;
  }

  /** One request on a connection of its own. */
  private record Exchange(Request request, BodyListener listener) {
    void end(Throwable why) {
      listener.result().completeExceptionally(why); // closes the connection, or the one still being made
      request.abort(why);
    }
  }

  private CompletableFuture<BodyListener.Answer> fetch(
      URI origin, URI uri, long deadline, int redirects, AtomicReference<Exchange> current, HeapBudget.Account account) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return CompletableFuture.failedFuture(new FetchFailure("ran out of time after " + redirects + " redirects"));
    }
    BodyListener listener = new BodyListener(maxBodyBytes, account);
    Request request = client.newRequest(uri)
        .method(HttpMethod.GET)
        .timeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS)
        .followRedirects(false)
        .headers(h -> h
            .put(HttpHeader.ACCEPT, ACCEPT)
            .put(HttpHeader.ACCEPT_ENCODING, "gzip")
            .put(HttpHeader.CONNECTION, "close")
            .put("X-Prometheus-Scrape-Timeout-Seconds", ScrapeCollector.seconds(left)));
    current.set(new Exchange(request, listener));
    send(request, listener);
    return listener.result().thenCompose(a -> {
      if (!a.redirect()) {
        return CompletableFuture.completedFuture(a);
      }
      URI next;
      try {
        next = resolve(uri, a.location());
      } catch (URISyntaxException | IllegalArgumentException e) {
        return CompletableFuture.failedFuture(new FetchFailure(
            "answered HTTP " + a.status() + " to an invalid Location " + Excerpt.quoted(a.location(), 80)));
      }
      if (!sameOrigin(origin, next)) {
        return CompletableFuture.failedFuture(new FetchFailure("answered HTTP " + a.status() + " redirecting to another origin ("
            + Excerpt.of(next.toString(), 80) + "); only redirects within " + origin(origin) + " are followed"));
      }
      if (redirects == MAX_REDIRECTS) {
        return CompletableFuture.failedFuture(new FetchFailure("redirected more than " + MAX_REDIRECTS + " times"));
      }
      return fetch(origin, next, deadline, redirects + 1, current, account);
    });
  }

  /**
   * Sends {@code request} on a new connection that serves it alone and is closed as soon as its
   * answer is known, or as soon as it is made if the answer was given up on meanwhile. The
   * client's pool is not used: a pool may open a spare connection for requests that run at once
   * and keep it idle for its idle timeout, which is a connection that outlives the scrape.
   */
  private void send(Request request, BodyListener listener) {
    CompletableFuture<BodyListener.Answer> result = listener.result();
    CompletableFuture<Connection> connecting;
    try {
      Destination destination = client.resolveDestination(request);
      connecting = destination.newConnection();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    connecting.whenComplete((connection, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
        return;
      }
      result.whenComplete((a, t) -> connection.close());
      if (!result.isDone()) {
        connection.send(request, listener);
      }
    });
  }

  private static URI resolve(URI base, String location) throws URISyntaxException {
    URI next = base.resolve(new URI(location.trim()));
    if (next.getScheme() == null || next.getHost() == null) {
      throw new URISyntaxException(location, "no scheme or host");
    }
    return next;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
  }

  /** Stops the client: its threads end and every connection still open is closed. */
  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      // Stopping is best effort; the threads are daemons either way.
    }
  }
}
