package io.taoprom.exporter.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The read-header timeout Jetty lacks (Go's {@code ReadHeaderTimeout}): a connection whose request
 * line and headers have not all arrived within {@code timeout} of the request's first byte (of the
 * connection's opening, for its first request) is closed. Without it, a client that sends one
 * header byte just inside every idle timeout keeps its connection forever.
 *
 * <p>Jetty's parser holds no thread while it waits, so this only sweeps: every quarter of the
 * timeout (at most every second) it looks at each open HTTP/1.1 connection's parser. A connection
 * idle between two requests is the idle timeout's business, not this one's. The client is only
 * blamed for what the server has read: while every worker is busy, bytes may wait in the socket
 * unread, so a connection of which nothing has been read is left alone then (the idle timeout and
 * the connection bound still apply to it); and a connection is closed only when it is found
 * overdue and waiting for input on two sweeps in a row.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {

  /** Whether the last sweep found the connection overdue already. */
  private static final class Track {
    volatile boolean overdue;
  }

  private final long timeoutNanos;
  private final long sweepMillis;
  private final Scheduler scheduler;
  private final QueuedThreadPool workers;
  private final Map<HttpConnection, Track> open = new ConcurrentHashMap<>();
  private final AtomicLong closed = new AtomicLong();
  private volatile Scheduler.Task next;

  HeaderDeadline(Duration timeout, Scheduler scheduler, QueuedThreadPool workers) {
    this.timeoutNanos = timeout.toNanos();
    this.sweepMillis = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
    this.scheduler = scheduler;
    this.workers = workers;
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.put(http, new Track());
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
      // Every worker busy, or work queued: bytes may be waiting unread; that is not the clients' doing.
      boolean saturated = workers.getIdleThreads() == 0 || workers.getQueueSize() > 0;
      long now = System.nanoTime();
      long nowMillis = System.currentTimeMillis();
      for (Map.Entry<HttpConnection, Track> e : open.entrySet()) {
        HttpConnection http = e.getKey();
        Track track = e.getValue();
        // While saturated, a connection with nothing read may have its request waiting unread in
        // the socket; one with part of a header read has been read, and the rest is the client's.
        if (saturated && http.getBytesIn() == 0 || !overdue(http, now, nowMillis)) {
          track.overdue = false;
        } else if (track.overdue) {
          closed.incrementAndGet();
          http.getEndPoint().close();
        } else {
          track.overdue = true;
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
    if (!parser.inHeaderState() || !http.getEndPoint().isFillInterested()) {
      return false; // a request being served or its body read, or input not yet looked at
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
