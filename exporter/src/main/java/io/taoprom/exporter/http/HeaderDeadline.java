package io.taoprom.exporter.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The read-header timeout Jetty lacks (Go's {@code ReadHeaderTimeout}): a connection whose request
 * line and headers have not all arrived within {@code timeout} of the request's first byte (of the
 * connection's opening, for its first request) is closed. Without it, a client that sends one
 * header byte just inside every idle timeout keeps its connection forever.
 *
 * <p>Jetty's parser holds no thread while it waits, so this only sweeps: every quarter of the
 * timeout (at most every second) it looks at each open HTTP/1.1 connection's parser state. A
 * connection idle between two requests is the idle timeout's business, not this one's.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {

  private final long timeoutNanos;
  private final long sweepMillis;
  private final Scheduler scheduler;
  private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong closed = new AtomicLong();
  private volatile Scheduler.Task next;

  HeaderDeadline(Duration timeout, Scheduler scheduler) {
    this.timeoutNanos = timeout.toNanos();
    this.sweepMillis = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
    this.scheduler = scheduler;
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.add(http);
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.remove(http);
    }
  }

  @Override
  protected void doStart() {
    next = scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    Scheduler.Task task = next;
    if (task != null) {
      task.cancel();
    }
    open.clear();
  }

  /** Connections closed for being too slow with their headers, since start. */
  long closedConnections() {
    return closed.get();
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      long nowMillis = System.currentTimeMillis();
      for (HttpConnection http : open) {
        if (overdue(http, now, nowMillis)) {
          closed.incrementAndGet();
          http.getEndPoint().close();
        }
      }
    } finally {
      if (isRunning()) {
        next = scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  private boolean overdue(HttpConnection http, long now, long nowMillis) {
    var parser = http.getParser();
    if (!parser.inHeaderState()) {
      return false; // a request being served, or its body being read
    }
    if (parser.isStart()) {
      // Nothing of the next request yet: on a fresh connection that counts from its opening;
      // between requests it is the idle timeout's to end.
      return http.getMessagesIn() == 0
          && TimeUnit.MILLISECONDS.toNanos(nowMillis - http.getCreatedTimeStamp()) > timeoutNanos;
    }
    return now - parser.getBeginNanoTime() > timeoutNanos;
  }
}
