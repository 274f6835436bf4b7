package io.taoprom.exporter.http;

import java.io.IOException;

/**
 * A page served beside {@code /metrics} at a path of its own (the CLI's {@code /sd}), free of any
 * HTTP server's types: it gets the request's method, path, query and headers and returns a whole
 * answer. The server does the rest as for its built-in pages: only GET and HEAD reach it (HEAD
 * gets the headers without the body), an exception becomes a short 500 and the server keeps
 * serving, and basic auth and the web config's headers apply.
 *
 * <pre>{@code
 * Route hello = request -> RouteResponse.text(200, "hello from " + request.path() + "\n");
 * TaoPromExporter.builder().route("/hello", hello).buildAndStart();
 * }</pre>
 */
@FunctionalInterface
public interface Route {

  /**
   * The answer to one request. Called on one of the server's worker threads; keep it quick (serve
   * from memory) since a slow route holds a worker for as long as it takes.
   *
   * @throws IOException when the answer cannot be produced; the client gets a 500
   */
  RouteResponse handle(RouteRequest request) throws IOException;
}
