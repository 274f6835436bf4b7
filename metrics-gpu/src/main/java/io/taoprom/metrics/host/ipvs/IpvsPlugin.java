package io.taoprom.metrics.host.ipvs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ipvs} plugin: node_exporter's {@code node_ipvs_connections_total},
 * {@code _incoming/outgoing_packets_total}, {@code _incoming/outgoing_bytes_total} and, per
 * backend, {@code node_ipvs_backend_connections_active}, {@code _inactive} and
 * {@code node_ipvs_backend_weight}. Emits nothing where the {@code ip_vs} module is not loaded.
 * Fewer backend labels sum the backends that then look alike:
 *
 * <pre>{@code
 * taoprom serve --ipvs.backend-labels local_address,local_port,proto
 * }</pre>
 */
public final class IpvsPlugin implements CollectorPlugin {

  static final String BACKEND_LABELS = "ipvs.backend-labels";

  /** Every backend label, in node_exporter's order. */
  static final List<String> ALL_BACKEND_LABELS =
      List.of("local_address", "local_port", "remote_address", "remote_port", "proto", "local_mark");

  @Override
  public String name() {
    return "ipvs";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "IPVS load balancer totals and backend connections (node_ipvs_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/net/ip_vs");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(BACKEND_LABELS, "LABELS",
        "Comma-separated labels of the backend series; backends alike in them are summed",
        String.join(",", ALL_BACKEND_LABELS)));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new IpvsCollector(ProcFs.system(), backendLabels(config.value(BACKEND_LABELS).orElse(String.join(",", ALL_BACKEND_LABELS))));
  }

  /**
   * The labels named in {@code value}, in node_exporter's order whatever order they are given in.
   *
   * @throws IllegalArgumentException naming the labels that are not backend labels
   */
  static List<String> backendLabels(String value) {
    Set<String> given = new LinkedHashSet<>();
    for (String label : value.split(",", -1)) {
      if (!label.isEmpty()) {
        given.add(label);
      }
    }
    List<String> labels = new ArrayList<>();
    for (String label : ALL_BACKEND_LABELS) {
      if (given.remove(label)) {
        labels.add(label);
      }
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("option " + BACKEND_LABELS + ": unknown IPVS backend labels: \""
          + String.join(", ", new TreeSet<>(given)) + "\"; known are " + String.join(", ", ALL_BACKEND_LABELS));
    }
    return List.copyOf(labels);
  }
}
