package io.taoprom.benchmarks.startup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The least a Jetty 12 server (the one TaoProm serves with) does: one handler answering every
 * request with one fixed sample line, on {@code 127.0.0.1:PORT}. No collectors, no command line,
 * no TLS, no limits.
 *
 * <pre>
 * java -cp hello.jar:lib/* io.taoprom.benchmarks.startup.JettyHello 7091
 * </pre>
 */
public final class JettyHello {

  private JettyHello() {}

  public static void main(String[] args) throws Exception {
    byte[] body = "floor_up 1\n".getBytes(StandardCharsets.UTF_8);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
      }
    });
    server.start();
    server.join();
  }
}
