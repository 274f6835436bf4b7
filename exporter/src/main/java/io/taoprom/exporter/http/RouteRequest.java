package io.taoprom.exporter.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Route} learns of a request. Header names are matched without regard to case.
 *
 * @param method {@code GET} or {@code HEAD}
 * @param path the path, as sent (still percent-encoded)
 * @param rawQuery the query string without {@code ?}, as sent; empty when there is none
 * @param headers the request headers by lower-case name, each with its values in order
 */
public record RouteRequest(String method, String path, Optional<String> rawQuery, Map<String, List<String>> headers) {

  public RouteRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of header {@code name}, if the request has it. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
