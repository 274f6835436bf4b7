package io.taoprom.metrics.host.bonding;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ReadingCollector;
import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.Path;

/**
 * node_exporter's bonding collector:
 *
 * <pre>
 * # HELP node_bonding_active Number of active slaves per bonding interface.
 * # TYPE node_bonding_active gauge
 * node_bonding_active{master="bond0"} 2.0
 * # HELP node_bonding_slaves Number of configured slaves per bonding interface.
 * # TYPE node_bonding_slaves gauge
 * node_bonding_slaves{master="bond0"} 2.0
 * </pre>
 *
 * <p>{@code bonding_masters} lists the bonds; each bond's {@code bonding/slaves} lists its slaves,
 * and a slave is active when its {@code lower_<slave>/bonding_slave/mii_status} (on kernels
 * before 4.13 {@code slave_<slave>/...}) reads {@code up}. A bond removed between the two reads is
 * left out; a slave listed without a status file is an error, as in node_exporter.
 */
final class BondingCollector implements ReadingCollector {

  static final MetricMetadata SLAVES =
      new MetricMetadata("node_bonding_slaves", "Number of configured slaves per bonding interface.");
  static final MetricMetadata ACTIVE =
      new MetricMetadata("node_bonding_active", "Number of active slaves per bonding interface.");

  private final SysFs sys;

  BondingCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies families = new HostFamilies();
    String masters = SysAttribute.readStripped(sys.path("class/net/bonding_masters"));
    if (masters != null) {
      for (String master : names(masters, sys.path("class/net/bonding_masters"))) {
        bond(master, families);
      }
    }
    return families.snapshots();
  }

  private void bond(String master, HostFamilies families) throws IOException {
    Path bond = sys.path("class/net").resolve(master);
    String slaves = SysAttribute.readStripped(bond.resolve("bonding/slaves"));
    if (slaves == null) {
      return; // removed since bonding_masters was read
    }
    int configured = 0;
    int active = 0;
    for (String slave : names(slaves, bond.resolve("bonding/slaves"))) {
      configured++;
      if ("up".equals(miiStatus(bond, slave))) {
        active++;
      }
    }
    Labels labels = Labels.of("master", master);
    families.gauge(SLAVES, labels, configured);
    families.gauge(ACTIVE, labels, active);
  }

  private static String miiStatus(Path bond, String slave) throws IOException {
    Path lower = bond.resolve("lower_" + slave).resolve("bonding_slave/mii_status");
    String status = SysAttribute.readStripped(lower);
    if (status == null) {
      status = SysAttribute.readStripped(bond.resolve("slave_" + slave).resolve("bonding_slave/mii_status"));
    }
    if (status == null) {
      throw new IOException(lower + " does not exist (nor does the slave_" + slave + " of older kernels)");
    }
    return status;
  }

  /** Interface names separated by blanks; a name that could leave the directory is refused. */
  private static String[] names(String list, Path file) throws IOException {
    String[] names = list.isBlank() ? new String[0] : list.strip().split("\\s+");
    for (String name : names) {
      if (name.contains("/") || name.equals(".") || name.equals("..")) {
        throw new IOException(file + ": " + Excerpt.quoted(name, 40) + " is not an interface name");
      }
    }
    return names;
  }
}
