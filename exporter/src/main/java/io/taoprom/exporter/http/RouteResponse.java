package io.taoprom.exporter.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A whole answer of a {@link Route}: status, content type, body and extra headers. The server adds
 * {@code Content-Length}.
 *
 * <pre>{@code
 * RouteResponse.of(200, "application/json", json).withHeader("Cache-Control", "no-store");
 * RouteResponse.text(503, "no targets yet\n");
 * }</pre>
 *
 * @param status the HTTP status, 200 to 599
 * @param contentType the {@code Content-Type} header
 * @param body the body (not sent for HEAD)
 * @param headers extra headers
 */
public record RouteResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

  public RouteResponse {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status " + status + " is not a final HTTP status (200-599)");
    }
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** An answer without extra headers. */
  public static RouteResponse of(int status, String contentType, byte[] body) {
    return new RouteResponse(status, contentType, body, Map.of());
  }

  /** A plain-text UTF-8 answer. */
  public static RouteResponse text(int status, String body) {
    return of(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  /** The same answer with one more header (replacing one of the same name). */
  public RouteResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new RouteResponse(status, contentType, body, more);
  }
}
