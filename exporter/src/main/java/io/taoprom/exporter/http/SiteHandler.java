package io.taoprom.exporter.http;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's side of the {@link Router}: a blocking handler (Jetty calls it on a worker thread once
 * a whole request header has arrived), completing Jetty's callback when the answer is sent and
 * failing it (Jetty then drops the connection) when the client went away mid-answer.
 */
final class SiteHandler extends Handler.Abstract {

  private final Router router;
  private final Scheduler scheduler;
  private final long writeTimeoutMillis;
  private final long bodyTimeoutMillis;

  SiteHandler(Router router, Scheduler scheduler, Duration writeTimeout, Duration bodyTimeout) {
    super(InvocationType.BLOCKING);
    this.router = router;
    this.scheduler = scheduler;
    this.writeTimeoutMillis = writeTimeout.toMillis();
    this.bodyTimeoutMillis = bodyTimeout.toMillis();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    JettyExchange exchange = new JettyExchange(request, response, scheduler, writeTimeoutMillis, bodyTimeoutMillis);
    try {
      router.serve(exchange);
      callback.succeeded();
    } catch (IOException | RuntimeException e) {
      callback.failed(e);
    } finally {
      exchange.finish();
    }
    return true;
  }
}
