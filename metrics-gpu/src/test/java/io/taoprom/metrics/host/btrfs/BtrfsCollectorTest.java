package io.taoprom.metrics.host.btrfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MountTable;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BtrfsCollectorTest {

  /** What the ioctls answer for the "datasets" file system; the other two do not answer. */
  private static final class FakeIoctl implements DeviceStatsSource {
    final List<MountTable.Mount> asked = new ArrayList<>();

    @Override
    public Map<String, List<DeviceStats>> read(List<MountTable.Mount> mounts) {
      asked.addAll(mounts);
      List<DeviceStats> devices = new ArrayList<>();
      for (int n = 2; n <= 5; n++) {
        long[] errors = n == 4 ? new long[] {0, 3, 0, 17, 0} : new long[5];
        devices.add(new DeviceStats("/dev/nvme" + n + "n1", "8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a9" + n,
            1_280_000_000_000L + n, 3_840_755_982_336L, errors));
      }
      return Map.of("2d6f1b9e7c3a4e58a1f09b4c2e7d8a13", devices);
    }
  }

  @Test
  void goldenTextOfAGpuServersFileSystems() {
    FakeIoctl ioctl = new FakeIoctl();
    BtrfsCollector collector = new BtrfsCollector(
        HostFixtures.sys("btrfs", "gpu-server"), HostFixtures.proc("btrfs", "gpu-server"), ioctl);

    // "datasets" (raid10 data, raid1c3 metadata) answered the ioctls: per-device sizes, unused
    // bytes and errors labelled device and btrfs_dev_uuid. The other two did not: only sysfs
    // sizes, labelled device. raid1c3/raid1c4 keep 3 and 4 copies (node_exporter 1.5 says 0,
    // current upstream 3 and 4); raid6 over 4 devices stores 2 bytes per byte.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_btrfs_allocation_ratio Data allocation ratio for a layout/data type
        # TYPE node_btrfs_allocation_ratio gauge
        node_btrfs_allocation_ratio{block_group_type="data",mode="raid10",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 2.0
        node_btrfs_allocation_ratio{block_group_type="data",mode="raid6",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 2.0
        node_btrfs_allocation_ratio{block_group_type="data",mode="single",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 1.0
        node_btrfs_allocation_ratio{block_group_type="metadata",mode="dup",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 2.0
        node_btrfs_allocation_ratio{block_group_type="metadata",mode="raid1c3",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 3.0
        node_btrfs_allocation_ratio{block_group_type="metadata",mode="raid1c4",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 4.0
        node_btrfs_allocation_ratio{block_group_type="system",mode="dup",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 2.0
        node_btrfs_allocation_ratio{block_group_type="system",mode="raid1c3",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 3.0
        node_btrfs_allocation_ratio{block_group_type="system",mode="raid1c4",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 4.0
        # HELP node_btrfs_device_errors_total Errors reported for the device
        # TYPE node_btrfs_device_errors_total counter
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a92",device="nvme2n1",type="corruption",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a92",device="nvme2n1",type="flush",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a92",device="nvme2n1",type="generation",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a92",device="nvme2n1",type="read",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a92",device="nvme2n1",type="write",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a93",device="nvme3n1",type="corruption",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a93",device="nvme3n1",type="flush",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a93",device="nvme3n1",type="generation",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a93",device="nvme3n1",type="read",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a93",device="nvme3n1",type="write",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a94",device="nvme4n1",type="corruption",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 17.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a94",device="nvme4n1",type="flush",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a94",device="nvme4n1",type="generation",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a94",device="nvme4n1",type="read",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 3.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a94",device="nvme4n1",type="write",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a95",device="nvme5n1",type="corruption",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a95",device="nvme5n1",type="flush",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a95",device="nvme5n1",type="generation",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a95",device="nvme5n1",type="read",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_device_errors_total{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a95",device="nvme5n1",type="write",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        # HELP node_btrfs_device_size_bytes Size of a device that is part of the filesystem.
        # TYPE node_btrfs_device_size_bytes gauge
        node_btrfs_device_size_bytes{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a92",device="nvme2n1",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 3.840755982336E12
        node_btrfs_device_size_bytes{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a93",device="nvme3n1",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 3.840755982336E12
        node_btrfs_device_size_bytes{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a94",device="nvme4n1",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 3.840755982336E12
        node_btrfs_device_size_bytes{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a95",device="nvme5n1",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 3.840755982336E12
        node_btrfs_device_size_bytes{device="nvme1n1p3",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 1.900427608064E12
        node_btrfs_device_size_bytes{device="sda",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 1.8000207937536E13
        node_btrfs_device_size_bytes{device="sdb",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 1.8000207937536E13
        node_btrfs_device_size_bytes{device="sdc",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 1.8000207937536E13
        node_btrfs_device_size_bytes{device="sdd",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 1.8000207937536E13
        # HELP node_btrfs_device_unused_bytes Unused bytes unused on a device that is part of the filesystem.
        # TYPE node_btrfs_device_unused_bytes gauge
        node_btrfs_device_unused_bytes{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a92",device="nvme2n1",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 2.560755982334E12
        node_btrfs_device_unused_bytes{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a93",device="nvme3n1",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 2.560755982333E12
        node_btrfs_device_unused_bytes{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a94",device="nvme4n1",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 2.560755982332E12
        node_btrfs_device_unused_bytes{btrfs_dev_uuid="8c1f4e2a-0d3b-4c6e-9a7f-5b2e1d0c3a95",device="nvme5n1",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 2.560755982331E12
        # HELP node_btrfs_global_rsv_size_bytes Size of global reserve.
        # TYPE node_btrfs_global_rsv_size_bytes gauge
        node_btrfs_global_rsv_size_bytes{uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 5.36870912E8
        node_btrfs_global_rsv_size_bytes{uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 2.68435456E8
        node_btrfs_global_rsv_size_bytes{uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 5.36870912E8
        # HELP node_btrfs_info Filesystem information
        # TYPE node_btrfs_info gauge
        node_btrfs_info{label="",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 1.0
        node_btrfs_info{label="archive",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 1.0
        node_btrfs_info{label="datasets",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 1.0
        # HELP node_btrfs_reserved_bytes Amount of space reserved for a data type
        # TYPE node_btrfs_reserved_bytes gauge
        node_btrfs_reserved_bytes{block_group_type="data",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_reserved_bytes{block_group_type="data",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 4096.0
        node_btrfs_reserved_bytes{block_group_type="data",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 0.0
        node_btrfs_reserved_bytes{block_group_type="metadata",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 1572864.0
        node_btrfs_reserved_bytes{block_group_type="metadata",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 16384.0
        node_btrfs_reserved_bytes{block_group_type="metadata",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 0.0
        node_btrfs_reserved_bytes{block_group_type="system",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 0.0
        node_btrfs_reserved_bytes{block_group_type="system",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 0.0
        node_btrfs_reserved_bytes{block_group_type="system",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 0.0
        # HELP node_btrfs_size_bytes Amount of space allocated for a layout/data type
        # TYPE node_btrfs_size_bytes gauge
        node_btrfs_size_bytes{block_group_type="data",mode="raid10",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 6.597069766656E12
        node_btrfs_size_bytes{block_group_type="data",mode="raid6",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 2.4189255811072E13
        node_btrfs_size_bytes{block_group_type="data",mode="single",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 1.099511627776E12
        node_btrfs_size_bytes{block_group_type="metadata",mode="dup",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 5.36870912E9
        node_btrfs_size_bytes{block_group_type="metadata",mode="raid1c3",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 1.073741824E10
        node_btrfs_size_bytes{block_group_type="metadata",mode="raid1c4",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 2.147483648E10
        node_btrfs_size_bytes{block_group_type="system",mode="dup",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 8388608.0
        node_btrfs_size_bytes{block_group_type="system",mode="raid1c3",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 3.3554432E7
        node_btrfs_size_bytes{block_group_type="system",mode="raid1c4",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 3.3554432E7
        # HELP node_btrfs_used_bytes Amount of used space by a layout/data type
        # TYPE node_btrfs_used_bytes gauge
        node_btrfs_used_bytes{block_group_type="data",mode="raid10",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 5.112174927872E12
        node_btrfs_used_bytes{block_group_type="data",mode="raid6",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 2.199023255552E13
        node_btrfs_used_bytes{block_group_type="data",mode="single",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 7.3127108608E11
        node_btrfs_used_bytes{block_group_type="metadata",mode="dup",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 2.147483648E9
        node_btrfs_used_bytes{block_group_type="metadata",mode="raid1c3",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 7.021264896E9
        node_btrfs_used_bytes{block_group_type="metadata",mode="raid1c4",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 1.5032385536E10
        node_btrfs_used_bytes{block_group_type="system",mode="dup",uuid="9a1c5e3f-0b7d-4f26-8e41-c3d5a7b9e021"} 163840.0
        node_btrfs_used_bytes{block_group_type="system",mode="raid1c3",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13"} 475136.0
        node_btrfs_used_bytes{block_group_type="system",mode="raid1c4",uuid="e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24"} 1310720.0
        """);
    assertThat(ioctl.asked).extracting(MountTable.Mount::mountPoint)
        .contains("/data", "/data/checkpoints", "/var/lib/docker", "/mnt/archive old");
  }

  @Test
  void goldenTextOfThisVmsRaid1OverTwoLoopDevices() {
    BtrfsCollector collector = new BtrfsCollector(
        HostFixtures.sys("btrfs", "vm"), ProcFs.at(Path.of("/nonexistent")), mounts -> Map.of());

    // Captured from a btrfs made here (mkfs.btrfs -d raid1 -m raid1 over two 300 MiB loop
    // devices, 20 MiB written); node_exporter 1.5 serves the same from this tree.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_btrfs_allocation_ratio Data allocation ratio for a layout/data type
        # TYPE node_btrfs_allocation_ratio gauge
        node_btrfs_allocation_ratio{block_group_type="data",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 2.0
        node_btrfs_allocation_ratio{block_group_type="metadata",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 2.0
        node_btrfs_allocation_ratio{block_group_type="system",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 2.0
        # HELP node_btrfs_device_size_bytes Size of a device that is part of the filesystem.
        # TYPE node_btrfs_device_size_bytes gauge
        node_btrfs_device_size_bytes{device="loop0",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 3.145728E8
        node_btrfs_device_size_bytes{device="loop1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 3.145728E8
        # HELP node_btrfs_global_rsv_size_bytes Size of global reserve.
        # TYPE node_btrfs_global_rsv_size_bytes gauge
        node_btrfs_global_rsv_size_bytes{uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 5767168.0
        # HELP node_btrfs_info Filesystem information
        # TYPE node_btrfs_info gauge
        node_btrfs_info{label="gpuscratch",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 1.0
        # HELP node_btrfs_reserved_bytes Amount of space reserved for a data type
        # TYPE node_btrfs_reserved_bytes gauge
        node_btrfs_reserved_bytes{block_group_type="data",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 0.0
        node_btrfs_reserved_bytes{block_group_type="metadata",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 0.0
        node_btrfs_reserved_bytes{block_group_type="system",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 0.0
        # HELP node_btrfs_size_bytes Amount of space allocated for a layout/data type
        # TYPE node_btrfs_size_bytes gauge
        node_btrfs_size_bytes{block_group_type="data",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 6.7108864E7
        node_btrfs_size_bytes{block_group_type="metadata",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 3.3554432E7
        node_btrfs_size_bytes{block_group_type="system",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 8388608.0
        # HELP node_btrfs_used_bytes Amount of used space by a layout/data type
        # TYPE node_btrfs_used_bytes gauge
        node_btrfs_used_bytes{block_group_type="data",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 2.097152E7
        node_btrfs_used_bytes{block_group_type="metadata",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 163840.0
        node_btrfs_used_bytes{block_group_type="system",mode="raid1",uuid="5797faf8-61c2-4e66-bf9b-8f3c527b24a0"} 16384.0
        """);
  }

  @Test
  void noBtrfsIsNoSeriesAndNoMountTableRead(@TempDir Path dir) {
    FakeIoctl ioctl = new FakeIoctl();

    assertThat(HostFixtures.text(new BtrfsCollector(SysFs.at(dir), ProcFs.at(dir), ioctl))).isEmpty();
    assertThat(ioctl.asked).isEmpty();
  }

  @Test
  void aFileSystemWithoutItsDevicesDirectoryFails(@TempDir Path dir) throws IOException {
    Path fs = dir.resolve("fs/btrfs/0f0f0f0f-0000-1111-2222-333333333333");
    Files.createDirectories(fs.resolve("allocation/data"));

    assertThatThrownBy(() -> new BtrfsCollector(SysFs.at(dir), ProcFs.at(dir), mounts -> Map.of()).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(fs.resolve("devices") + " is missing: not the btrfs sysfs layout this reads");
  }

  @Test
  void aValueThatIsNotANumberFailsNamingTheFile(@TempDir Path dir) throws IOException {
    Path fs = dir.resolve("fs/btrfs/0f0f0f0f-0000-1111-2222-333333333333");
    for (String type : BtrfsSysfs.BLOCK_GROUP_TYPES) {
      Files.createDirectories(fs.resolve("allocation/" + type + "/single"));
    }
    Files.createDirectories(fs.resolve("devices/sda"));
    Files.writeString(fs.resolve("devices/sda/size"), "-12\n");

    assertThatThrownBy(() -> new BtrfsCollector(SysFs.at(dir), ProcFs.at(dir), mounts -> Map.of()).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(fs.resolve("devices/sda/size") + ": expected an unsigned number, found \"-12\"");
  }

  @Test
  void ratiosPerLayout() {
    assertThat(BtrfsSysfs.ratio("single", 1)).isEqualTo(1);
    assertThat(BtrfsSysfs.ratio("raid10", 4)).isEqualTo(2);
    assertThat(BtrfsSysfs.ratio("raid5", 3)).isEqualTo(1.5);
    assertThat(BtrfsSysfs.ratio("raid6", 6)).isEqualTo(1.5);
    assertThat(BtrfsSysfs.ratio("raid1c4", 4)).isEqualTo(4);
    assertThat(BtrfsSysfs.ratio("raid7", 9)).isZero();
  }

  @Test
  void ioctlNumbersAreTheKernelHeadersOnes() {
    // _IOR(0x94, 31, 1024 bytes), _IOWR(0x94, 30, 4096 bytes), _IOWR(0x94, 52, 1032 bytes)
    assertThat(BtrfsIoctl.BTRFS_IOC_FS_INFO).isEqualTo(0x8400941FL);
    assertThat(BtrfsIoctl.BTRFS_IOC_DEV_INFO).isEqualTo(0xD000941EL);
    assertThat(BtrfsIoctl.BTRFS_IOC_GET_DEV_STATS).isEqualTo(0xC4089434L);
  }

  @Test
  void idsPrintAsNodeExportersIoctlLibraryPrintsThem() {
    byte[] id = new byte[16];
    for (int i = 0; i < 16; i++) {
      id[i] = (byte) (0xf0 + i);
    }
    assertThat(BtrfsIoctl.hex(id)).isEqualTo("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    assertThat(BtrfsIoctl.uuid(id)).isEqualTo("f0f1f2f3-f4f5-f6f7-f8f9-fafbfcfdfeff");
    assertThat(BtrfsIoctl.uuid(new byte[16])).isEqualTo("<zero>");
  }

  @Test
  void theIoctlsFindNothingWhereNoBtrfsIsMounted() {
    assertThat(BtrfsIoctl.forThisMachine().read(List.of(new MountTable.Mount("/dev/vda", "/", "ext4", "rw"))))
        .isEmpty();
  }
}
