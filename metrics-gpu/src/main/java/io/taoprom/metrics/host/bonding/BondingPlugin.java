package io.taoprom.metrics.host.bonding;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code bonding} plugin: node_exporter's {@code node_bonding_slaves{master}} (configured) and
 * {@code node_bonding_active{master}} (MII status up) for every Linux bond, which node-mixin's
 * {@code NodeBondingDegraded} alert compares. Emits nothing where the bonding driver is not loaded.
 *
 * <pre>{@code
 * MultiCollector bonds = new BondingPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class BondingPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "bonding";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Configured and active slaves of each bonded interface (node_bonding_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/net/bonding_masters");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new BondingCollector(SysFs.system());
  }
}
