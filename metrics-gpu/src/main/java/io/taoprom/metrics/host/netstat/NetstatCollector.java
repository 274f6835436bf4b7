package io.taoprom.metrics.host.netstat;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * node_exporter's netstat collector:
 *
 * <pre>
 * # HELP node_netstat_Tcp_RetransSegs Statistic TcpRetransSegs.
 * # TYPE node_netstat_Tcp_RetransSegs untyped
 * node_netstat_Tcp_RetransSegs 2247.0
 * </pre>
 *
 * <p>{@code /proc/net/netstat} and {@code /proc/net/snmp} hold pairs of lines, the names of a
 * protocol's fields and then their values ({@code Tcp: ActiveOpens PassiveOpens ...} /
 * {@code Tcp: 8536 7993 ...}); {@code /proc/net/snmp6} holds one {@code Ip6InReceives 1} per line,
 * the protocol ending at the first {@code 6}. Every value must be a number (the field filter picks
 * among valid files, it does not excuse broken ones). Where the same protocol appears again, the
 * later block replaces the earlier one, as node_exporter merges them. A missing file (IPv6
 * disabled: no {@code snmp6}) contributes nothing.
 *
 * <p>Which columns a header line keeps, and their metadata, are worked out once per distinct
 * header line and kept: a header changes only with the kernel.
 */
final class NetstatCollector implements ReadingCollector {

  private static final String NETSTAT = "net/netstat";
  private static final String SNMP = "net/snmp";
  private static final String SNMP6 = "net/snmp6";

  /** Distinct header lines (and snmp6 names) remembered before the caches start over. */
  private static final int CACHE_LIMIT = 1024;

  /** One sample to serve. */
  private record Sample(MetricMetadata metadata, double value) {}

  /** What a header line keeps: per column, its metadata or null. */
  private record Plan(String protocol, MetricMetadata[] kept) {}

  /** An snmp6 name's protocol ({@code Ip6}) and its metadata, null where the filter leaves it out. */
  private record Snmp6Name(String protocol, MetricMetadata metadata) {}

  private static final Snmp6Name NOT_KEPT = new Snmp6Name("", null);

  private final ProcFs proc;
  private final Pattern fields;
  private final Map<String, Plan> plans = new ConcurrentHashMap<>();
  private final Map<String, Snmp6Name> snmp6Names = new ConcurrentHashMap<>();

  /** @param fields the fields to serve, searched in {@code Protocol_Name}; null serves all */
  NetstatCollector(ProcFs proc, Pattern fields) {
    this.proc = proc;
    this.fields = fields;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    Map<String, List<Sample>> byProtocol = new LinkedHashMap<>();
    pairedLines(NETSTAT, byProtocol);
    pairedLines(SNMP, byProtocol);
    snmp6(byProtocol);
    HostFamilies families = new HostFamilies();
    for (List<Sample> samples : byProtocol.values()) {
      for (Sample s : samples) {
        families.untyped(s.metadata(), Labels.EMPTY, s.value());
      }
    }
    return families.snapshots();
  }

  private void pairedLines(String file, Map<String, List<Sample>> byProtocol) throws IOException {
    String content = proc.readIfPresent(file);
    if (content == null) {
      return;
    }
    ProcText text = new ProcText(content, proc.path(file));
    while (text.nextLine()) {
      if (text.blankLine()) {
        continue;
      }
      Plan plan = plan(text, file);
      if (!text.nextLine()) {
        throw text.malformed("a line of values after the names of " + plan.protocol());
      }
      if (!text.skipIf(plan.protocol() + ":")) {
        throw text.malformed("the values of " + plan.protocol() + ", starting \"" + plan.protocol() + ":\"");
      }
      MetricMetadata[] kept = plan.kept();
      if (text.fieldsLeft() != kept.length) {
        throw text.malformed(kept.length + " values, one per name of " + plan.protocol());
      }
      List<Sample> samples = new ArrayList<>();
      for (MetricMetadata metadata : kept) {
        double value = text.signed();
        if (metadata != null) {
          samples.add(new Sample(metadata, value));
        }
      }
      byProtocol.put(plan.protocol(), samples);
    }
  }

  /** The plan of the current line, a header such as {@code TcpExt: SyncookiesSent ...}. */
  private Plan plan(ProcText text, String file) throws IOException {
    String header = text.line();
    Plan plan = plans.get(header);
    if (plan != null) {
      text.skipToEnd();
      return plan;
    }
    String first = text.field();
    if (first.length() < 2 || !first.endsWith(":")) {
      throw text.malformed("a protocol name ending in ':'");
    }
    String protocol = first.substring(0, first.length() - 1);
    MetricMetadata[] kept = new MetricMetadata[text.fieldsLeft()];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = keep(text, protocol, text.field());
    }
    plan = new Plan(protocol, kept);
    remember(plans, header, plan);
    return plan;
  }

  private void snmp6(Map<String, List<Sample>> byProtocol) throws IOException {
    String content = proc.readIfPresent(SNMP6);
    if (content == null) {
      return; // IPv6 disabled
    }
    Map<String, List<Sample>> ipv6 = new LinkedHashMap<>();
    ProcText text = new ProcText(content, proc.path(SNMP6));
    while (text.nextLine()) {
      if (text.fieldsLeft() < 2) {
        continue; // node_exporter skips such lines
      }
      String name = text.field();
      Snmp6Name known = snmp6Names.get(name);
      if (known == null) {
        int six = name.indexOf('6');
        if (six < 0) {
          known = NOT_KEPT; // node_exporter skips names without the 6
        } else {
          String protocol = name.substring(0, six + 1);
          known = new Snmp6Name(protocol, keep(text, protocol, name.substring(six + 1)));
        }
        remember(snmp6Names, name, known);
      }
      double value = text.signed();
      if (known.metadata() != null) {
        ipv6.computeIfAbsent(known.protocol(), p -> new ArrayList<>()).add(new Sample(known.metadata(), value));
      }
    }
    byProtocol.putAll(ipv6);
  }

  /** The metadata of {@code Protocol_Name} when the filter keeps it, else null. */
  private MetricMetadata keep(ProcText text, String protocol, String name) throws IOException {
    String key = protocol + "_" + name;
    if (fields != null && !fields.matcher(key).find()) {
      return null;
    }
    String metric = "node_netstat_" + key;
    if (!PrometheusNaming.isValidLegacyMetricName(metric)) {
      throw text.malformed("field names of letters, digits and '_', not " + Excerpt.quoted(key, 40));
    }
    return new MetricMetadata(metric, "Statistic " + protocol + name + ".");
  }

  private static <V> void remember(Map<String, V> cache, String key, V value) {
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear(); // only a file that is not the kernel's has this many distinct headers
    }
    cache.put(key, value);
  }
}
