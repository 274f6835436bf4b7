package io.taoprom.metrics.host.dmmultipath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmMultipathCollectorTest {

  @Test
  void goldenTextOfAGpuServersMultipathMaps() {
    DmMultipathCollector collector = new DmMultipathCollector(HostFixtures.sys("dmmultipath", "gpu-server"));

    // dm-0 (LVM) and dm-4 (LUKS) are not multipath maps. mpatha has four FC paths, one offline;
    // the WWID-named map two NVMe-oF paths, one reconnecting; mpathb is suspended.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_dmmultipath_device_active Whether the multipath device-mapper device is active (1) or suspended (0).
        # TYPE node_dmmultipath_device_active gauge
        node_dmmultipath_device_active{device="36001405f3b2c4d8e9a0b1c2d3e4f5a6b",sysfs_name="dm-2"} 1.0
        node_dmmultipath_device_active{device="mpatha",sysfs_name="dm-1"} 1.0
        node_dmmultipath_device_active{device="mpathb",sysfs_name="dm-3"} 0.0
        # HELP node_dmmultipath_device_info Non-numeric information about a DM-multipath device.
        # TYPE node_dmmultipath_device_info gauge
        node_dmmultipath_device_info{device="36001405f3b2c4d8e9a0b1c2d3e4f5a6b",sysfs_name="dm-2",uuid="mpath-36001405f3b2c4d8e9a0b1c2d3e4f5a6b"} 1.0
        node_dmmultipath_device_info{device="mpatha",sysfs_name="dm-1",uuid="mpath-3600a098038314b6f4a5d4e6c2f2d7a41"} 1.0
        node_dmmultipath_device_info{device="mpathb",sysfs_name="dm-3",uuid="mpath-3600a098038314b6f4a5d4e6c2f2d7a42"} 1.0
        # HELP node_dmmultipath_device_paths Number of paths for a multipath device.
        # TYPE node_dmmultipath_device_paths gauge
        node_dmmultipath_device_paths{device="36001405f3b2c4d8e9a0b1c2d3e4f5a6b",sysfs_name="dm-2"} 2.0
        node_dmmultipath_device_paths{device="mpatha",sysfs_name="dm-1"} 4.0
        node_dmmultipath_device_paths{device="mpathb",sysfs_name="dm-3"} 2.0
        # HELP node_dmmultipath_device_paths_active Number of paths in active state (SCSI running or NVMe live) for a multipath device.
        # TYPE node_dmmultipath_device_paths_active gauge
        node_dmmultipath_device_paths_active{device="36001405f3b2c4d8e9a0b1c2d3e4f5a6b",sysfs_name="dm-2"} 1.0
        node_dmmultipath_device_paths_active{device="mpatha",sysfs_name="dm-1"} 3.0
        node_dmmultipath_device_paths_active{device="mpathb",sysfs_name="dm-3"} 1.0
        # HELP node_dmmultipath_device_paths_failed Number of paths not in active state for a multipath device.
        # TYPE node_dmmultipath_device_paths_failed gauge
        node_dmmultipath_device_paths_failed{device="36001405f3b2c4d8e9a0b1c2d3e4f5a6b",sysfs_name="dm-2"} 1.0
        node_dmmultipath_device_paths_failed{device="mpatha",sysfs_name="dm-1"} 1.0
        node_dmmultipath_device_paths_failed{device="mpathb",sysfs_name="dm-3"} 1.0
        # HELP node_dmmultipath_device_size_bytes Size of the multipath device in bytes, read from /sys/block/<dm>/size.
        # TYPE node_dmmultipath_device_size_bytes gauge
        node_dmmultipath_device_size_bytes{device="36001405f3b2c4d8e9a0b1c2d3e4f5a6b",sysfs_name="dm-2"} 4.000787030016E12
        node_dmmultipath_device_size_bytes{device="mpatha",sysfs_name="dm-1"} 1.099511627776E13
        node_dmmultipath_device_size_bytes{device="mpathb",sysfs_name="dm-3"} 2.199023255552E12
        # HELP node_dmmultipath_path_state Reports the underlying device state for a multipath path, as read from /sys/block/<dev>/device/state.
        # TYPE node_dmmultipath_path_state gauge
        node_dmmultipath_path_state{device="36001405f3b2c4d8e9a0b1c2d3e4f5a6b",path="nvme4n1",state="live"} 1.0
        node_dmmultipath_path_state{device="36001405f3b2c4d8e9a0b1c2d3e4f5a6b",path="nvme5n1",state="connecting"} 1.0
        node_dmmultipath_path_state{device="mpatha",path="sdc",state="running"} 1.0
        node_dmmultipath_path_state{device="mpatha",path="sdd",state="running"} 1.0
        node_dmmultipath_path_state{device="mpatha",path="sde",state="running"} 1.0
        node_dmmultipath_path_state{device="mpatha",path="sdf",state="offline"} 1.0
        node_dmmultipath_path_state{device="mpathb",path="sdg",state="running"} 1.0
        node_dmmultipath_path_state{device="mpathb",path="sdh",state="transport-offline"} 1.0
        """);
  }

  @Test
  void noDeviceMapperDevicesIsNoSeries(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("block/vda"));
    Files.writeString(dir.resolve("block/vda/size"), "536870912\n");

    assertThat(HostFixtures.text(new DmMultipathCollector(SysFs.at(dir)))).isEmpty();
    assertThat(HostFixtures.text(new DmMultipathCollector(SysFs.at(dir.resolve("nothing"))))).isEmpty();
  }

  @Test
  void aPathRemovedSinceTheListingIsLeftOut(@TempDir Path dir) throws IOException {
    map(dir, "dm-7", "mpathz", "0");
    Files.createFile(dir.resolve("block/dm-7/slaves/sdz"));

    assertThat(HostFixtures.text(new DmMultipathCollector(SysFs.at(dir))))
        .contains("node_dmmultipath_device_paths{device=\"mpathz\",sysfs_name=\"dm-7\"} 0.0");
  }

  @Test
  void aMapWithoutANameFails(@TempDir Path dir) throws IOException {
    map(dir, "dm-7", "mpathz", "0");
    Files.delete(dir.resolve("block/dm-7/dm/name"));

    assertThatThrownBy(() -> new DmMultipathCollector(SysFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(dir.resolve("block/dm-7/dm/name") + " is missing");
  }

  @Test
  void aSuspendedFlagThatIsNotANumberFails(@TempDir Path dir) throws IOException {
    map(dir, "dm-7", "mpathz", "yes\u001b]0;x");

    assertThatThrownBy(() -> new DmMultipathCollector(SysFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(dir.resolve("block/dm-7/dm/suspended") + ": expected an unsigned number, found \"yes\\x1b]0;x\"");
  }

  private static void map(Path dir, String block, String name, String suspended) throws IOException {
    Path dm = Files.createDirectories(dir.resolve("block/" + block + "/dm"));
    Files.createDirectories(dir.resolve("block/" + block + "/slaves"));
    Files.writeString(dm.resolve("name"), name + "\n");
    Files.writeString(dm.resolve("uuid"), "mpath-3600a0980383\n");
    Files.writeString(dm.resolve("suspended"), suspended + "\n");
    Files.writeString(dir.resolve("block/" + block + "/size"), "2048\n");
  }
}
