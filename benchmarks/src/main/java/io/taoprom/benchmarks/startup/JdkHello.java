package io.taoprom.benchmarks.startup;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The least a JVM serving HTTP does: the JDK's own {@code com.sun.net.httpserver} answering
 * {@code /metrics} with one fixed sample line, on {@code 127.0.0.1:PORT}. Needs the
 * {@code jdk.httpserver} module, which a full JDK has (TaoProm's runtime does not link it).
 *
 * <pre>
 * java -cp hello.jar io.taoprom.benchmarks.startup.JdkHello 7091
 * </pre>
 */
public final class JdkHello {

  private JdkHello() {}

  public static void main(String[] args) throws Exception {
    byte[] body = "floor_up 1\n".getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
    server.createContext("/metrics", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }
}
