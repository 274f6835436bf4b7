package io.taoprom.metrics.push;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.http.Route;
import io.taoprom.exporter.http.RouteRequest;
import io.taoprom.exporter.http.RouteResponse;
import io.taoprom.exporter.scrape.KnownFamily;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.textfile.format.HeapBudget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A push plugin on a clock the test moves and a heap budget of its own, its collector, and its
 * route called the way the HTTP server calls it: requests with a method, a raw path, headers, a
 * body and a client address.
 */
final class PushFixture {

  /** 2025-06-15T12:00:00Z: push_time_seconds reads 1.75E9. */
  static final long START_MILLIS = 1_750_000_000_000L;

  final MutableClock clock = new MutableClock(START_MILLIS);
  final HeapBudget budget;
  final PushPlugin plugin;
  final MultiCollector collector;
  final List<KnownFamily> known = new ArrayList<>();
  final Route route;

  PushFixture() {
    this(Map.of(), 64L << 20);
  }

  PushFixture(Map<String, String> options) {
    this(options, 64L << 20);
  }

  PushFixture(Map<String, String> options, long heapBytes) {
    budget = new HeapBudget(heapBytes);
    plugin = new PushPlugin(clock, budget);
    Map<String, List<String>> config = new LinkedHashMap<>();
    options.forEach((k, v) -> config.put(k, List.of(v.split(","))));
    collector = plugin.create(CollectorConfig.of(config));
    route = plugin.route(() -> known);
  }

  /** What the push collector serves now, in text format 0.0.4. */
  String exposition() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, collector.collect());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  Answer put(String rawPath, String body) {
    return send("PUT", rawPath, body);
  }

  Answer post(String rawPath, String body) {
    return send("POST", rawPath, body);
  }

  Answer delete(String rawPath) {
    return send("DELETE", rawPath, "");
  }

  /** A request from loopback with prometheus_client's Content-Type. */
  Answer send(String method, String rawPath, String body) {
    return send(method, rawPath, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1",
        Map.of("content-type", List.of("text/plain; version=0.0.4; charset=utf-8")));
  }

  Answer send(String method, String rawPath, byte[] body, String client, Map<String, List<String>> headers) {
    Optional<InetAddress> remote;
    try {
      remote = client == null ? Optional.empty() : Optional.of(InetAddress.getByName(client));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
    RouteRequest request = new RouteRequest(method, rawPath, rawPath, Optional.empty(), headers, remote,
        () -> new ByteArrayInputStream(body));
    try {
      RouteResponse response = route.handle(request);
      return new Answer(response.status(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A route's answer: the status and the body as text. */
  record Answer(int status, String body) {}

  /** A clock that moves only when told to. */
  static final class MutableClock extends Clock {
    private final AtomicLong millis;

    MutableClock(long millis) {
      this.millis = new AtomicLong(millis);
    }

    void advanceSeconds(long seconds) {
      millis.addAndGet(seconds * 1000);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
      return millis.get();
    }
  }
}
