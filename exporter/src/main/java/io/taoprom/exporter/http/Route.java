package io.taoprom.exporter.http;

import java.io.IOException;
import java.util.Set;

/**
 * A page served beside {@code /metrics} at a path of its own (the CLI's {@code /sd}), or at every
 * path under a prefix (the push API's {@code /metrics/job/...}), free of any HTTP server's types:
 * it gets the request's method, path, query, headers, client address and body and returns a whole
 * answer. The server does the rest as for its built-in pages: only the route's {@link #methods()}
 * reach it (others get {@code 405} with {@code Allow}; HEAD of a GET route gets the headers
 * without the body), an exception becomes a short 500 and the server keeps serving, and the web
 * config's rate limit, basic auth and headers apply first.
 *
 * <pre>{@code
 * Route hello = request -> RouteResponse.text(200, "hello from " + request.path() + "\n");
 * TaoPromExporter.builder().route("/hello", hello).buildAndStart();
 * }</pre>
 */
@FunctionalInterface
public interface Route {

  /** GET and HEAD: what a route answers unless it says otherwise. */
  Set<String> GET_AND_HEAD = Set.of("GET", "HEAD");

  /**
   * The answer to one request. Called on one of the server's worker threads; keep it quick (serve
   * from memory) since a slow route holds a worker for as long as it takes.
   *
   * @throws IOException when the answer cannot be produced, or the body could not be read; the
   *     client gets a 500, or nothing when it went away
   */
  RouteResponse handle(RouteRequest request) throws IOException;

  /**
   * The methods this route answers, in upper case: {@link #GET_AND_HEAD} unless overridden. HEAD
   * is allowed wherever GET is.
   */
  default Set<String> methods() {
    return GET_AND_HEAD;
  }
}
