package io.taoprom.exporter.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Route} learns of a request. Header names are matched without regard to case.
 *
 * <pre>{@code
 * Route echo = request -> {
 *   try (InputStream in = request.body().open()) {
 *     return RouteResponse.of(200, "application/octet-stream", in.readNBytes(1024));
 *   }
 * };
 * }</pre>
 *
 * @param method {@code GET}, {@code HEAD}, or another of the route's {@link Route#methods()}
 * @param path the normalised path ({@code .} and {@code ..} segments resolved), still
 *     percent-encoded: what routes are chosen by
 * @param rawPath the path exactly as sent ({@code /metrics/job/a%20b}); a route that gives meaning
 *     to path segments parses this one
 * @param rawQuery the query string without {@code ?}, as sent; empty when there is none
 * @param headers the request headers by lower-case name, each with its values in order
 * @param remoteAddress the address of the client at the other end of the connection (not a
 *     proxy's {@code X-Forwarded-For}); empty when the server cannot tell
 * @param body the request body, read at most once; bounded in time by the server (a client that
 *     sends it slowly is cut off), not in size: the route reads no more than it will take
 */
public record RouteRequest(
    String method,
    String path,
    String rawPath,
    Optional<String> rawQuery,
    Map<String, List<String>> headers,
    Optional<InetAddress> remoteAddress,
    Body body) {

  /** A request body. */
  @FunctionalInterface
  public interface Body {
    /** No body. */
    Body EMPTY = () -> new ByteArrayInputStream(new byte[0]);

    /**
     * The body's stream. A read that fails because the client went away or was too slow throws
     * an {@link IOException}; let it propagate (the server then drops the connection).
     */
    InputStream open() throws IOException;
  }

  public RouteRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(rawQuery, "rawQuery");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(body, "body");
  }

  /** A request without a body from an unknown address, sent with its normalised path (tests of GET routes). */
  public RouteRequest(String method, String path, Optional<String> rawQuery, Map<String, List<String>> headers) {
    this(method, path, path, rawQuery, headers, Optional.empty(), Body.EMPTY);
  }

  /** The first value of header {@code name}, if the request has it. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
