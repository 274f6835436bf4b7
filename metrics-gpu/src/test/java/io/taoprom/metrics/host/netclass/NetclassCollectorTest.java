package io.taoprom.metrics.host.netclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden texts from this VM's interfaces and from a GPU server's (bonded 100 Gb/s mlx5 ports, a
 * 400 Gb/s IPoIB port, a NIC with its link down, a Docker bridge that is down, a veth); node_exporter
 * 1.5 run on both fixture trees gives the same series and values.
 */
class NetclassCollectorTest {

  private static final Pattern NODE_EXPORTER_DEFAULT = Pattern.compile(NetclassPlugin.DEFAULT_IGNORED_DEVICES);

  @Test
  void goldenTextOfThisVm() {
    NetclassCollector collector = new NetclassCollector(HostFixtures.sys("netclass", "vm"), NODE_EXPORTER_DEFAULT, false);

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_network_address_assign_type Network device property: address_assign_type
            # TYPE node_network_address_assign_type gauge
            node_network_address_assign_type{device="eth0"} 0.0
            node_network_address_assign_type{device="ifb0"} 1.0
            node_network_address_assign_type{device="ifb1"} 1.0
            node_network_address_assign_type{device="lo"} 0.0
            # HELP node_network_carrier Network device property: carrier
            # TYPE node_network_carrier gauge
            node_network_carrier{device="eth0"} 1.0
            node_network_carrier{device="lo"} 1.0
            # HELP node_network_carrier_changes_total Network device property: carrier_changes_total
            # TYPE node_network_carrier_changes_total counter
            node_network_carrier_changes_total{device="eth0"} 2.0
            node_network_carrier_changes_total{device="ifb0"} 0.0
            node_network_carrier_changes_total{device="ifb1"} 0.0
            node_network_carrier_changes_total{device="lo"} 0.0
            # HELP node_network_carrier_down_changes_total Network device property: carrier_down_changes_total
            # TYPE node_network_carrier_down_changes_total counter
            node_network_carrier_down_changes_total{device="eth0"} 1.0
            node_network_carrier_down_changes_total{device="ifb0"} 0.0
            node_network_carrier_down_changes_total{device="ifb1"} 0.0
            node_network_carrier_down_changes_total{device="lo"} 0.0
            # HELP node_network_carrier_up_changes_total Network device property: carrier_up_changes_total
            # TYPE node_network_carrier_up_changes_total counter
            node_network_carrier_up_changes_total{device="eth0"} 1.0
            node_network_carrier_up_changes_total{device="ifb0"} 0.0
            node_network_carrier_up_changes_total{device="ifb1"} 0.0
            node_network_carrier_up_changes_total{device="lo"} 0.0
            # HELP node_network_device_id Network device property: device_id
            # TYPE node_network_device_id gauge
            node_network_device_id{device="eth0"} 0.0
            node_network_device_id{device="ifb0"} 0.0
            node_network_device_id{device="ifb1"} 0.0
            node_network_device_id{device="lo"} 0.0
            # HELP node_network_dormant Network device property: dormant
            # TYPE node_network_dormant gauge
            node_network_dormant{device="eth0"} 0.0
            node_network_dormant{device="lo"} 0.0
            # HELP node_network_flags Network device property: flags
            # TYPE node_network_flags gauge
            node_network_flags{device="eth0"} 4099.0
            node_network_flags{device="ifb0"} 130.0
            node_network_flags{device="ifb1"} 130.0
            node_network_flags{device="lo"} 9.0
            # HELP node_network_iface_id Network device property: iface_id
            # TYPE node_network_iface_id gauge
            node_network_iface_id{device="eth0"} 4.0
            node_network_iface_id{device="ifb0"} 2.0
            node_network_iface_id{device="ifb1"} 3.0
            node_network_iface_id{device="lo"} 1.0
            # HELP node_network_iface_link Network device property: iface_link
            # TYPE node_network_iface_link gauge
            node_network_iface_link{device="eth0"} 4.0
            node_network_iface_link{device="ifb0"} 2.0
            node_network_iface_link{device="ifb1"} 3.0
            node_network_iface_link{device="lo"} 1.0
            # HELP node_network_iface_link_mode Network device property: iface_link_mode
            # TYPE node_network_iface_link_mode gauge
            node_network_iface_link_mode{device="eth0"} 0.0
            node_network_iface_link_mode{device="ifb0"} 0.0
            node_network_iface_link_mode{device="ifb1"} 0.0
            node_network_iface_link_mode{device="lo"} 0.0
            # HELP node_network_info Non-numeric data from /sys/class/net/<iface>, value is always 1.
            # TYPE node_network_info gauge
            node_network_info{address="00:00:00:00:00:00",broadcast="00:00:00:00:00:00",device="lo",duplex="",ifalias="",operstate="unknown"} 1.0
            node_network_info{address="02:fc:00:00:00:01",broadcast="ff:ff:ff:ff:ff:ff",device="eth0",duplex="unknown",ifalias="",operstate="up"} 1.0
            node_network_info{address="56:54:4a:39:84:c4",broadcast="ff:ff:ff:ff:ff:ff",device="ifb1",duplex="",ifalias="",operstate="down"} 1.0
            node_network_info{address="8a:96:32:a4:9c:f0",broadcast="ff:ff:ff:ff:ff:ff",device="ifb0",duplex="",ifalias="",operstate="down"} 1.0
            # HELP node_network_mtu_bytes Network device property: mtu_bytes
            # TYPE node_network_mtu_bytes gauge
            node_network_mtu_bytes{device="eth0"} 1400.0
            node_network_mtu_bytes{device="ifb0"} 1500.0
            node_network_mtu_bytes{device="ifb1"} 1500.0
            node_network_mtu_bytes{device="lo"} 65536.0
            # HELP node_network_name_assign_type Network device property: name_assign_type
            # TYPE node_network_name_assign_type gauge
            node_network_name_assign_type{device="eth0"} 1.0
            node_network_name_assign_type{device="lo"} 2.0
            # HELP node_network_net_dev_group Network device property: net_dev_group
            # TYPE node_network_net_dev_group gauge
            node_network_net_dev_group{device="eth0"} 0.0
            node_network_net_dev_group{device="ifb0"} 0.0
            node_network_net_dev_group{device="ifb1"} 0.0
            node_network_net_dev_group{device="lo"} 0.0
            # HELP node_network_protocol_type Network device property: protocol_type
            # TYPE node_network_protocol_type gauge
            node_network_protocol_type{device="eth0"} 1.0
            node_network_protocol_type{device="ifb0"} 1.0
            node_network_protocol_type{device="ifb1"} 1.0
            node_network_protocol_type{device="lo"} 772.0
            # HELP node_network_speed_bytes Network device property: speed_bytes
            # TYPE node_network_speed_bytes gauge
            node_network_speed_bytes{device="eth0"} -125000.0
            # HELP node_network_transmit_queue_length Network device property: transmit_queue_length
            # TYPE node_network_transmit_queue_length gauge
            node_network_transmit_queue_length{device="eth0"} 1000.0
            node_network_transmit_queue_length{device="ifb0"} 32.0
            node_network_transmit_queue_length{device="ifb1"} 32.0
            node_network_transmit_queue_length{device="lo"} 1000.0
            # HELP node_network_up Value is 1 if operstate is 'up', 0 otherwise.
            # TYPE node_network_up gauge
            node_network_up{device="eth0"} 1.0
            node_network_up{device="ifb0"} 0.0
            node_network_up{device="ifb1"} 0.0
            node_network_up{device="lo"} 0.0
            """);
  }

  /** The bond, the IPoIB port, a NIC whose link is down and a bridge whose attributes answer EINVAL. */
  @Test
  void goldenTextOfAGpuServer() {
    NetclassCollector collector = new NetclassCollector(
        HostFixtures.sys("netclass", "gpu-server"), Pattern.compile("^(lo|eno1|enp65s0f[01]np[01]|veth.*)$"), false);

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_network_address_assign_type Network device property: address_assign_type
            # TYPE node_network_address_assign_type gauge
            node_network_address_assign_type{device="bond0"} 3.0
            node_network_address_assign_type{device="docker0"} 3.0
            node_network_address_assign_type{device="enp66s0f0"} 0.0
            node_network_address_assign_type{device="ibp12s0"} 0.0
            # HELP node_network_carrier Network device property: carrier
            # TYPE node_network_carrier gauge
            node_network_carrier{device="bond0"} 1.0
            node_network_carrier{device="enp66s0f0"} 0.0
            node_network_carrier{device="ibp12s0"} 1.0
            # HELP node_network_carrier_changes_total Network device property: carrier_changes_total
            # TYPE node_network_carrier_changes_total counter
            node_network_carrier_changes_total{device="bond0"} 1.0
            node_network_carrier_changes_total{device="docker0"} 0.0
            node_network_carrier_changes_total{device="enp66s0f0"} 7.0
            node_network_carrier_changes_total{device="ibp12s0"} 2.0
            # HELP node_network_carrier_down_changes_total Network device property: carrier_down_changes_total
            # TYPE node_network_carrier_down_changes_total counter
            node_network_carrier_down_changes_total{device="bond0"} 0.0
            node_network_carrier_down_changes_total{device="docker0"} 0.0
            node_network_carrier_down_changes_total{device="enp66s0f0"} 4.0
            node_network_carrier_down_changes_total{device="ibp12s0"} 1.0
            # HELP node_network_carrier_up_changes_total Network device property: carrier_up_changes_total
            # TYPE node_network_carrier_up_changes_total counter
            node_network_carrier_up_changes_total{device="bond0"} 1.0
            node_network_carrier_up_changes_total{device="docker0"} 0.0
            node_network_carrier_up_changes_total{device="enp66s0f0"} 3.0
            node_network_carrier_up_changes_total{device="ibp12s0"} 1.0
            # HELP node_network_device_id Network device property: device_id
            # TYPE node_network_device_id gauge
            node_network_device_id{device="bond0"} 0.0
            node_network_device_id{device="docker0"} 0.0
            node_network_device_id{device="enp66s0f0"} 0.0
            node_network_device_id{device="ibp12s0"} 0.0
            # HELP node_network_dormant Network device property: dormant
            # TYPE node_network_dormant gauge
            node_network_dormant{device="bond0"} 0.0
            node_network_dormant{device="enp66s0f0"} 0.0
            node_network_dormant{device="ibp12s0"} 0.0
            # HELP node_network_flags Network device property: flags
            # TYPE node_network_flags gauge
            node_network_flags{device="bond0"} 5123.0
            node_network_flags{device="docker0"} 4098.0
            node_network_flags{device="enp66s0f0"} 4099.0
            node_network_flags{device="ibp12s0"} 4099.0
            # HELP node_network_iface_id Network device property: iface_id
            # TYPE node_network_iface_id gauge
            node_network_iface_id{device="bond0"} 7.0
            node_network_iface_id{device="docker0"} 8.0
            node_network_iface_id{device="enp66s0f0"} 6.0
            node_network_iface_id{device="ibp12s0"} 5.0
            # HELP node_network_iface_link Network device property: iface_link
            # TYPE node_network_iface_link gauge
            node_network_iface_link{device="bond0"} 7.0
            node_network_iface_link{device="docker0"} 8.0
            node_network_iface_link{device="enp66s0f0"} 6.0
            node_network_iface_link{device="ibp12s0"} 5.0
            # HELP node_network_iface_link_mode Network device property: iface_link_mode
            # TYPE node_network_iface_link_mode gauge
            node_network_iface_link_mode{device="bond0"} 0.0
            node_network_iface_link_mode{device="docker0"} 0.0
            node_network_iface_link_mode{device="enp66s0f0"} 0.0
            node_network_iface_link_mode{device="ibp12s0"} 0.0
            # HELP node_network_info Non-numeric data from /sys/class/net/<iface>, value is always 1.
            # TYPE node_network_info gauge
            node_network_info{address="00:00:10:29:fe:80:00:00:00:00:00:00:b8:59:9f:03:00:a1:b2:c3",broadcast="00:ff:ff:ff:ff:12:40:1b:ff:ff:00:00:00:00:00:00:ff:ff:ff:ff",device="ibp12s0",duplex="full",ifalias="",operstate="up"} 1.0
            node_network_info{address="02:42:6e:4f:1a:9b",broadcast="ff:ff:ff:ff:ff:ff",device="docker0",duplex="",ifalias="",operstate="down"} 1.0
            node_network_info{address="0c:42:a1:00:10:01",broadcast="ff:ff:ff:ff:ff:ff",device="enp66s0f0",duplex="unknown",ifalias="",operstate="down"} 1.0
            node_network_info{address="b8:59:9f:a0:00:01",broadcast="ff:ff:ff:ff:ff:ff",device="bond0",duplex="full",ifalias="fabric uplink",operstate="up"} 1.0
            # HELP node_network_mtu_bytes Network device property: mtu_bytes
            # TYPE node_network_mtu_bytes gauge
            node_network_mtu_bytes{device="bond0"} 9000.0
            node_network_mtu_bytes{device="docker0"} 1500.0
            node_network_mtu_bytes{device="enp66s0f0"} 1500.0
            node_network_mtu_bytes{device="ibp12s0"} 4092.0
            # HELP node_network_name_assign_type Network device property: name_assign_type
            # TYPE node_network_name_assign_type gauge
            node_network_name_assign_type{device="bond0"} 3.0
            node_network_name_assign_type{device="docker0"} 3.0
            node_network_name_assign_type{device="enp66s0f0"} 4.0
            node_network_name_assign_type{device="ibp12s0"} 4.0
            # HELP node_network_net_dev_group Network device property: net_dev_group
            # TYPE node_network_net_dev_group gauge
            node_network_net_dev_group{device="bond0"} 0.0
            node_network_net_dev_group{device="docker0"} 0.0
            node_network_net_dev_group{device="enp66s0f0"} 0.0
            node_network_net_dev_group{device="ibp12s0"} 0.0
            # HELP node_network_protocol_type Network device property: protocol_type
            # TYPE node_network_protocol_type gauge
            node_network_protocol_type{device="bond0"} 1.0
            node_network_protocol_type{device="docker0"} 1.0
            node_network_protocol_type{device="enp66s0f0"} 1.0
            node_network_protocol_type{device="ibp12s0"} 32.0
            # HELP node_network_speed_bytes Network device property: speed_bytes
            # TYPE node_network_speed_bytes gauge
            node_network_speed_bytes{device="bond0"} 2.5E10
            node_network_speed_bytes{device="enp66s0f0"} -125000.0
            node_network_speed_bytes{device="ibp12s0"} 5.0E10
            # HELP node_network_transmit_queue_length Network device property: transmit_queue_length
            # TYPE node_network_transmit_queue_length gauge
            node_network_transmit_queue_length{device="bond0"} 1000.0
            node_network_transmit_queue_length{device="docker0"} 0.0
            node_network_transmit_queue_length{device="enp66s0f0"} 1000.0
            node_network_transmit_queue_length{device="ibp12s0"} 256.0
            # HELP node_network_up Value is 1 if operstate is 'up', 0 otherwise.
            # TYPE node_network_up gauge
            node_network_up{device="bond0"} 1.0
            node_network_up{device="docker0"} 0.0
            node_network_up{device="enp66s0f0"} 0.0
            node_network_up{device="ibp12s0"} 1.0
            """);
  }

  @Test
  void everyInterfaceButTheBondingMastersFile() {
    String text = HostFixtures.text(new NetclassCollector(HostFixtures.sys("netclass", "gpu-server"), NODE_EXPORTER_DEFAULT, false));

    assertThat(text).contains(
        "node_network_mtu_bytes{device=\"lo\"} 65536.0",
        "node_network_speed_bytes{device=\"eno1\"} 1.25E8",
        "node_network_speed_bytes{device=\"enp65s0f0np0\"} 1.25E10",
        "node_network_speed_bytes{device=\"enp65s0f1np1\"} 1.25E10",
        "node_network_speed_bytes{device=\"veth3f9a2c1\"} 1.25E9",
        "ifalias=\"BMC shared mgmt\"");
    assertThat(text).doesNotContain("bonding_masters");
  }

  @Test
  void ignoreInvalidSpeedLeavesOutOnlyNegativeSpeeds() {
    String text = HostFixtures.text(new NetclassCollector(HostFixtures.sys("netclass", "gpu-server"), NODE_EXPORTER_DEFAULT, true));

    assertThat(text).doesNotContain("node_network_speed_bytes{device=\"enp66s0f0\"}")
        .contains("node_network_speed_bytes{device=\"bond0\"} 2.5E10")
        .contains("node_network_mtu_bytes{device=\"enp66s0f0\"} 1500.0");
  }

  @Test
  void noClassNetNoSeries(@TempDir Path empty) {
    assertThat(HostFixtures.text(new NetclassCollector(SysFs.at(empty), NODE_EXPORTER_DEFAULT, false))).isEmpty();
  }

  /** On Linux, {@code lo} answers EINVAL for its speed: the attribute is left out, the rest served. */
  @Test
  void anAttributeTheDriverRefusesIsLeftOut() throws IOException {
    Path speed = Path.of("/sys/class/net/lo/speed");
    assumeTrue(Files.exists(speed) && refusesToRead(speed), "needs a Linux lo whose speed answers EINVAL");

    String text = HostFixtures.text(new NetclassCollector(SysFs.system(), Pattern.compile("^(?!lo$)"), false));

    assertThat(text).contains("node_network_mtu_bytes{device=\"lo\"}").doesNotContain("node_network_speed_bytes");
  }

  private static boolean refusesToRead(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      in.read();
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void anAliasIsReadAsUtf8(@TempDir Path root) {
    HostFixtures.write(root, "class/net/gpu0/operstate", "up\n");
    HostFixtures.write(root, "class/net/gpu0/ifalias", "Fabric \u2192 spine \u2603\n");

    assertThat(HostFixtures.text(new NetclassCollector(SysFs.at(root), NODE_EXPORTER_DEFAULT, false)))
        .contains("ifalias=\"Fabric \u2192 spine \u2603\"");
  }

  @Test
  void aPropertyThatIsNotANumberNamesTheFileAndQuotesItEscaped(@TempDir Path root) {
    HostFixtures.write(root, "class/net/eth0/mtu", "15\u001b[2J00\n");

    assertThatThrownBy(() -> new NetclassCollector(SysFs.at(root), NODE_EXPORTER_DEFAULT, false).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("class/net/eth0/mtu") + ": expected an integer, found \"15\\x1b[2J00\"")
        .hasMessageNotContaining("\u001b");
  }

  @Test
  void aDirectoryWhereAnAttributeShouldBeFails(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("class/net/eth0/mtu"));

    assertThatThrownBy(() -> new NetclassCollector(SysFs.at(root), NODE_EXPORTER_DEFAULT, false).collect())
        .hasMessageContaining(root.resolve("class/net/eth0/mtu") + " is a directory");
  }

  @Test
  void anAttributeLongerThanAPageFails(@TempDir Path root) {
    HostFixtures.write(root, "class/net/eth0/address", "a".repeat(5000));

    assertThatThrownBy(() -> new NetclassCollector(SysFs.at(root), NODE_EXPORTER_DEFAULT, false).collect())
        .hasMessageContaining("is longer than a sysfs attribute can be");
  }

  @Test
  void optionsAreCheckedWhenTheCollectorIsMade() {
    assertThatThrownBy(() -> new NetclassPlugin().create(
            CollectorConfig.of(Map.of(NetclassPlugin.IGNORED_DEVICES, List.of("[veth")))))
        .hasMessageContaining("option netclass.ignored-devices '[veth' is not a valid regular expression");
    assertThatThrownBy(() -> new NetclassPlugin().create(
            CollectorConfig.of(Map.of(NetclassPlugin.IGNORE_INVALID_SPEED, List.of("maybe")))))
        .hasMessageContaining("option netclass.ignore-invalid-speed must be true or false, got 'maybe'");
  }
}
