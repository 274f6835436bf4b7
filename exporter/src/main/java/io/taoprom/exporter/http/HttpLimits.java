package io.taoprom.exporter.http;

import java.time.Duration;

/**
 * The bounds the HTTP server puts on every client, so that clients that connect and send little
 * or nothing, or too much, cannot stall the endpoint:
 *
 * <ul>
 *   <li>{@code readHeaderTimeout}: a request's line and headers must arrive within this time of
 *       its first byte (of the connection's opening, for its first request), else the connection
 *       is closed; so must a request body that a route reads (a push), from its first read;
 *   <li>{@code idleTimeout}: a connection with nothing to do (between requests, or a write the
 *       client does not read) is closed after this long;
 *   <li>{@code busyIdleTimeout}: the idle timeout while {@code maxConnections} are open;
 *   <li>{@code writeTimeout}: an answer must be sent within this time of its first byte, so that a
 *       client that asks and then does not read holds a worker thread for no longer;
 *   <li>{@code maxConnections}: connections open at once (never more than the process may open
 *       files, less a reserve); beyond it the server stops accepting until some close;
 *   <li>{@code maxRequestHeaderBytes}: the request line and headers together (414 or 431 above);
 *   <li>{@code maxThreads}: worker threads; a client that has not sent a whole request header
 *       holds none.
 * </ul>
 *
 * <pre>{@code
 * HttpLimits limits = HttpLimits.DEFAULTS.withReadHeaderTimeout(Duration.ofSeconds(5));
 * TaoPromExporter.builder().httpLimits(limits).buildAndStart();
 * }</pre>
 */
public record HttpLimits(
    Duration readHeaderTimeout,
    Duration idleTimeout,
    Duration busyIdleTimeout,
    Duration writeTimeout,
    int maxConnections,
    int maxRequestHeaderBytes,
    int maxThreads) {

  /** The defaults of {@code taoprom serve}: see docs/operations.md for how they were chosen. */
  public static final HttpLimits DEFAULTS = new HttpLimits(
      Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(30), 4096, 64 * 1024, 24);

  public HttpLimits {
    positive("readHeaderTimeout", readHeaderTimeout);
    positive("idleTimeout", idleTimeout);
    positive("busyIdleTimeout", busyIdleTimeout);
    positive("writeTimeout", writeTimeout);
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
    }
    if (maxRequestHeaderBytes < 1024) {
      throw new IllegalArgumentException("maxRequestHeaderBytes must be at least 1024: " + maxRequestHeaderBytes);
    }
    if (maxThreads < 4) {
      throw new IllegalArgumentException("maxThreads must be at least 4 (the acceptor and selector take two): " + maxThreads);
    }
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** These limits with another read-header timeout. */
  public HttpLimits withReadHeaderTimeout(Duration timeout) {
    return new HttpLimits(timeout, idleTimeout, busyIdleTimeout, writeTimeout, maxConnections, maxRequestHeaderBytes, maxThreads);
  }

  /** These limits with another idle timeout. */
  public HttpLimits withIdleTimeout(Duration timeout) {
    return new HttpLimits(readHeaderTimeout, timeout, busyIdleTimeout, writeTimeout, maxConnections, maxRequestHeaderBytes, maxThreads);
  }

  /** These limits with another write timeout. */
  public HttpLimits withWriteTimeout(Duration timeout) {
    return new HttpLimits(readHeaderTimeout, idleTimeout, busyIdleTimeout, timeout, maxConnections, maxRequestHeaderBytes, maxThreads);
  }

  /** These limits with another idle timeout at the connection bound. */
  public HttpLimits withBusyIdleTimeout(Duration timeout) {
    return new HttpLimits(readHeaderTimeout, idleTimeout, timeout, writeTimeout, maxConnections, maxRequestHeaderBytes, maxThreads);
  }

  /** These limits with another connection bound. */
  public HttpLimits withMaxConnections(int max) {
    return new HttpLimits(readHeaderTimeout, idleTimeout, busyIdleTimeout, writeTimeout, max, maxRequestHeaderBytes, maxThreads);
  }

  /** These limits with another bound on the request line and headers. */
  public HttpLimits withMaxRequestHeaderBytes(int max) {
    return new HttpLimits(readHeaderTimeout, idleTimeout, busyIdleTimeout, writeTimeout, maxConnections, max, maxThreads);
  }

  /** These limits with another number of worker threads. */
  public HttpLimits withMaxThreads(int max) {
    return new HttpLimits(readHeaderTimeout, idleTimeout, busyIdleTimeout, writeTimeout, maxConnections, maxRequestHeaderBytes, max);
  }
}
