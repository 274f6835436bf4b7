package io.taoprom.benchmarks.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile clients on one thread: each opens a connection, sends the start of a request
 * ({@code GET /metrics HTTP/1.1\r\nHo}) and holds the socket open, in {@code drip} mode adding one
 * header byte every {@code dripMillis} (slowloris). When the server closes a connection it is
 * opened again at once, so the server sees constant pressure; how long the server kept each one
 * is recorded.
 *
 * <pre>{@code
 * try (SlowClients slow = SlowClients.start(new InetSocketAddress("127.0.0.1", 7091), 200, 0)) {
 *   ... measure ...
 *   slow.closedByServer();   // connections the server has closed so far
 * }
 * }</pre>
 */
public final class SlowClients implements AutoCloseable {

  private static final byte[] START = "GET /metrics HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DRIP = {'x'};

  private final InetSocketAddress target;
  private final int count;
  private final long dripNanos;
  private final Selector selector;
  private final Thread thread;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong closedByServer = new AtomicLong();
  private final AtomicLong connectFailures = new AtomicLong();
  private final List<Long> heldNanos = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean running = true;

  /** What one connection is doing. */
  private static final class Held {
    final long openedAt;
    long lastDrip;

    Held(long openedAt) {
      this.openedAt = openedAt;
      this.lastDrip = openedAt;
    }
  }

  private SlowClients(InetSocketAddress target, int count, long dripMillis) throws IOException {
    this.target = target;
    this.count = count;
    this.dripNanos = dripMillis * 1_000_000L;
    this.selector = Selector.open();
    this.thread = new Thread(this::run, "slow-clients");
    this.thread.setDaemon(true);
  }

  /**
   * Opens {@code count} hostile connections to {@code target} and keeps them open.
   *
   * @param dripMillis 0: send the start of a request once and nothing more; else one more header
   *     byte at this interval
   */
  public static SlowClients start(InetSocketAddress target, int count, long dripMillis) throws IOException {
    SlowClients clients = new SlowClients(target, count, dripMillis);
    clients.thread.start();
    return clients;
  }

  private void run() {
    ByteBuffer sink = ByteBuffer.allocate(4096);
    try {
      while (running) {
        while (open.get() < count && running) {
          if (!openOne()) {
            break;
          }
        }
        selector.select(50);
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
          readOrClose(key, sink, now);
        }
        selector.selectedKeys().clear();
        if (dripNanos > 0) {
          for (SelectionKey key : selector.keys()) {
            drip(key, now);
          }
        }
      }
    } catch (IOException e) {
      System.err.println("slow clients stopped: " + e);
    }
  }

  private boolean openOne() {
    try {
      SocketChannel channel = SocketChannel.open();
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.socket().connect(target, 2000);
      channel.write(ByteBuffer.wrap(START));
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ, new Held(System.nanoTime()));
      open.incrementAndGet();
      return true;
    } catch (IOException e) {
      connectFailures.incrementAndGet();
      return false;
    }
  }

  private void readOrClose(SelectionKey key, ByteBuffer sink, long now) {
    SocketChannel channel = (SocketChannel) key.channel();
    try {
      sink.clear();
      if (channel.read(sink) >= 0) {
        return; // the server answered (400, 408): keep reading until it closes
      }
    } catch (IOException e) {
      // reset by the server: closed as well
    }
    closed(key, now);
  }

  private void drip(SelectionKey key, long now) {
    Held held = (Held) key.attachment();
    if (!key.isValid() || now - held.lastDrip < dripNanos) {
      return;
    }
    held.lastDrip = now;
    try {
      ((SocketChannel) key.channel()).write(ByteBuffer.wrap(DRIP));
    } catch (IOException e) {
      closed(key, now);
    }
  }

  private void closed(SelectionKey key, long now) {
    Held held = (Held) key.attachment();
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // closing a dead socket
    }
    heldNanos.add(now - held.openedAt);
    closedByServer.incrementAndGet();
    open.decrementAndGet();
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }

  /** Connections the server has closed (or reset) so far. */
  public long closedByServer() {
    return closedByServer.get();
  }

  /** Connection attempts that failed (refused, timed out). */
  public long connectFailures() {
    return connectFailures.get();
  }

  /** How long the server held each connection it closed, in seconds, sorted. */
  public double[] heldSeconds() {
    synchronized (heldNanos) {
      return heldNanos.stream().mapToDouble(n -> n / 1e9).sorted().toArray();
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }
}
