package io.taoprom.metrics.host.sockstat;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's sockstat collector:
 *
 * <pre>
 * # HELP node_sockstat_TCP_inuse Number of TCP sockets in state inuse.
 * # TYPE node_sockstat_TCP_inuse gauge
 * node_sockstat_TCP_inuse 412.0
 * # HELP node_sockstat_TCP_mem_bytes Number of TCP sockets in state mem_bytes.
 * # TYPE node_sockstat_TCP_mem_bytes gauge
 * node_sockstat_TCP_mem_bytes 1.1169792E7
 * </pre>
 *
 * <p>Each line of {@code /proc/net/sockstat} and {@code /proc/net/sockstat6} is a protocol and
 * name-value pairs ({@code TCP: inuse 2 orphan 0 tw 0 alloc 2 mem 0}). node_exporter serves
 * {@code inuse} of every protocol (0 where the line lacks it), the other known keys where the line
 * has them, {@code mem} also as {@code mem_bytes} ({@code mem} counts pages), and the IPv4 file's
 * {@code sockets: used}. A missing file (IPv6 disabled) contributes nothing.
 */
final class SockstatCollector implements ReadingCollector {

  static final MetricMetadata SOCKETS_USED =
      new MetricMetadata("node_sockstat_sockets_used", "Number of IPv4 sockets in use.");

  /** The keys node_exporter serves besides {@code inuse}, in its order. */
  private static final List<String> OPTIONAL_KEYS = List.of("orphan", "tw", "alloc", "mem", "memory");

  private final ProcFs proc;
  private final long pageSize;

  SockstatCollector(ProcFs proc, long pageSize) {
    this.proc = proc;
    this.pageSize = pageSize;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    // By metric name: a protocol listed twice is served once, with its last line's figures.
    Map<String, Double> gauges = new LinkedHashMap<>();
    Map<String, MetricMetadata> metadata = new LinkedHashMap<>();
    read("net/sockstat", false, gauges, metadata);
    read("net/sockstat6", true, gauges, metadata);
    HostFamilies families = new HostFamilies();
    gauges.forEach((name, value) -> families.gauge(metadata.get(name), Labels.EMPTY, value));
    return families.snapshots();
  }

  private void read(String file, boolean ipv6, Map<String, Double> gauges, Map<String, MetricMetadata> metadata)
      throws IOException {
    String content = proc.readIfPresent(file);
    if (content == null) {
      return;
    }
    ProcText text = new ProcText(content, proc.path(file));
    while (text.nextLine()) {
      if (text.blankLine()) {
        continue;
      }
      if (text.fieldsLeft() < 3 || text.fieldsLeft() % 2 == 0) {
        throw text.malformed("a protocol and pairs of names and numbers");
      }
      String first = text.field();
      if (!first.endsWith(":")) {
        throw text.malformed("a protocol name ending in ':'");
      }
      String protocol = first.substring(0, first.length() - 1);
      Map<String, Double> pairs = new LinkedHashMap<>();
      while (text.hasField()) {
        pairs.put(text.field(), text.signed());
      }
      if (protocol.equals("sockets")) {
        if (!ipv6) { // sockstat6 has no such line; node_exporter serves only the IPv4 one
          gauges.put(SOCKETS_USED.getName(), pairs.getOrDefault("used", 0.0));
          metadata.put(SOCKETS_USED.getName(), SOCKETS_USED);
        }
        continue;
      }
      put(text, protocol, "inuse", pairs.getOrDefault("inuse", 0.0), gauges, metadata);
      for (String key : OPTIONAL_KEYS) {
        Double value = pairs.get(key);
        if (value != null) {
          put(text, protocol, key, value, gauges, metadata);
        }
      }
      Double pages = pairs.get("mem");
      if (pages != null) {
        put(text, protocol, "mem_bytes", pages * pageSize, gauges, metadata);
      }
    }
  }

  private static void put(ProcText text, String protocol, String key, double value,
      Map<String, Double> gauges, Map<String, MetricMetadata> metadata) throws IOException {
    String name = "node_sockstat_" + protocol + "_" + key;
    if (!metadata.containsKey(name)) {
      if (!PrometheusNaming.isValidLegacyMetricName(name)) {
        throw text.malformed("a protocol name of letters, digits and '_', not " + Excerpt.quoted(protocol, 40));
      }
      metadata.put(name, new MetricMetadata(name, "Number of " + protocol + " sockets in state " + key + "."));
    }
    gauges.put(name, value);
  }
}
