package io.taoprom.metrics.host.bonding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPU server's bonds: an LACP bond of two 100 Gb/s ports, an active-backup management bond
 * whose backup link is down (the older {@code slave_} links), and an empty bond. node_exporter 1.5
 * run on the fixture tree gives the same series and values.
 */
class BondingCollectorTest {

  @Test
  void goldenTextOfAGpuServer() {
    assertThat(HostFixtures.text(new BondingCollector(HostFixtures.sys("bonding", "gpu-server"))))
        .isEqualTo(
            """
            # HELP node_bonding_active Number of active slaves per bonding interface.
            # TYPE node_bonding_active gauge
            node_bonding_active{master="bond0"} 2.0
            node_bonding_active{master="bond1"} 1.0
            node_bonding_active{master="bond2"} 0.0
            # HELP node_bonding_slaves Number of configured slaves per bonding interface.
            # TYPE node_bonding_slaves gauge
            node_bonding_slaves{master="bond0"} 2.0
            node_bonding_slaves{master="bond1"} 2.0
            node_bonding_slaves{master="bond2"} 0.0
            """);
  }

  /** This VM, like most machines, has no bonding driver loaded: nothing, and no failure. */
  @Test
  void withoutTheBondingDriverNothing(@TempDir Path root) {
    HostFixtures.write(root, "class/net/eth0/mtu", "1500\n");

    assertThat(HostFixtures.text(new BondingCollector(SysFs.at(root)))).isEmpty();
  }

  @Test
  void aBondRemovedSinceTheListWasReadIsLeftOut(@TempDir Path root) {
    HostFixtures.write(root, "class/net/bonding_masters", "bond0 bond9\n");
    HostFixtures.write(root, "class/net/bond0/bonding/slaves", "eth0\n");
    HostFixtures.write(root, "class/net/bond0/lower_eth0/bonding_slave/mii_status", "up\n");

    assertThat(HostFixtures.text(new BondingCollector(SysFs.at(root))))
        .contains("node_bonding_slaves{master=\"bond0\"} 1.0").doesNotContain("bond9");
  }

  @Test
  void aSlaveWithoutAStatusIsAnError(@TempDir Path root) {
    HostFixtures.write(root, "class/net/bonding_masters", "bond0\n");
    HostFixtures.write(root, "class/net/bond0/bonding/slaves", "eth0 eth1\n");
    HostFixtures.write(root, "class/net/bond0/lower_eth0/bonding_slave/mii_status", "up\n");

    assertThatThrownBy(() -> new BondingCollector(SysFs.at(root)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("class/net/bond0/lower_eth1/bonding_slave/mii_status") + " does not exist");
  }

  @Test
  void aNameThatWouldLeaveTheDirectoryIsRefused(@TempDir Path root) {
    HostFixtures.write(root, "class/net/bonding_masters", "../../etc\n");

    assertThatThrownBy(() -> new BondingCollector(SysFs.at(root)).collect())
        .hasMessageContaining("\"../../etc\" is not an interface name");
  }

  @Test
  void anUnreadableStatusIsAnError(@TempDir Path root) throws Exception {
    HostFixtures.write(root, "class/net/bonding_masters", "bond0\n");
    HostFixtures.write(root, "class/net/bond0/bonding/slaves", "eth0\n");
    java.nio.file.Files.createDirectories(root.resolve("class/net/bond0/lower_eth0/bonding_slave/mii_status"));

    assertThatThrownBy(() -> new BondingCollector(SysFs.at(root)).collect())
        .hasMessageContaining("bonding_slave/mii_status");
  }
}
