package io.taoprom.metrics.host.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemCollectorTest {

  private static final DeviceFilter MOUNT_POINTS =
      DeviceFilter.exclude(CollectorConfig.empty(), "m", FilesystemCollector.DEFAULT_MOUNT_POINTS_EXCLUDE);
  private static final DeviceFilter FS_TYPES =
      DeviceFilter.exclude(CollectorConfig.empty(), "f", FilesystemCollector.DEFAULT_FS_TYPES_EXCLUDE);

  /** The fixture's mount table; the root answers, /srv/my data fails. */
  private static final FilesystemSource FIXTURE =
      new FilesystemSource() {
        private final ProcMountsSource table = new ProcMountsSource(HostFixtures.fixtureProc());

        @Override
        public List<Mount> mounts() throws IOException {
          return table.mounts();
        }

        @Override
        public Space stat(Mount mount) throws IOException {
          if (mount.mountPoint().equals("/")) {
            return new Space(2.7e11, 2.45e11, 8.4e10);
          }
          throw new IOException("stale file handle");
        }
      };

  @Test
  void goldenTextWithNodeExportersDefaultFilters() {
    FilesystemCollector collector = new FilesystemCollector(FIXTURE, MOUNT_POINTS, FS_TYPES);

    // /proc, /sys, /dev/shm and the overlay are filtered, the second / line is a duplicate, the
    // mount point with a space arrives unescaped and, failing, only has readonly and device_error.
    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.
            # TYPE node_filesystem_avail_bytes gauge
            node_filesystem_avail_bytes{device="/dev/vda",fstype="ext4",mountpoint="/"} 8.4E10
            # HELP node_filesystem_device_error Whether an error occurred while getting statistics for the given device.
            # TYPE node_filesystem_device_error gauge
            node_filesystem_device_error{device="/dev/vda",fstype="ext4",mountpoint="/"} 0.0
            node_filesystem_device_error{device="/dev/vdb",fstype="xfs",mountpoint="/srv/my data"} 1.0
            # HELP node_filesystem_free_bytes Filesystem free space in bytes.
            # TYPE node_filesystem_free_bytes gauge
            node_filesystem_free_bytes{device="/dev/vda",fstype="ext4",mountpoint="/"} 2.45E11
            # HELP node_filesystem_readonly Filesystem read-only status.
            # TYPE node_filesystem_readonly gauge
            node_filesystem_readonly{device="/dev/vda",fstype="ext4",mountpoint="/"} 0.0
            node_filesystem_readonly{device="/dev/vdb",fstype="xfs",mountpoint="/srv/my data"} 1.0
            # HELP node_filesystem_size_bytes Filesystem size in bytes.
            # TYPE node_filesystem_size_bytes gauge
            node_filesystem_size_bytes{device="/dev/vda",fstype="ext4",mountpoint="/"} 2.7E11
            """);
  }

  @Test
  void inodesAreServedWhereTheSourceCountsThem() {
    FilesystemSource source = new FilesystemSource() {
      @Override
      public List<Mount> mounts() {
        return List.of(new Mount("/dev/nvme0n1p2", "/", "ext4", false), new Mount("tmpfs", "/run", "tmpfs", false));
      }

      @Override
      public Space stat(Mount mount) {
        return mount.mountPoint().equals("/")
            ? new Space(1.9e12, 1.2e12, 1.1e12, 117_178_368, 116_002_911)
            : new Space(1.0e10, 1.0e10, 1.0e10); // a source without inode counts
      }
    };

    assertThat(HostFixtures.text(new FilesystemCollector(source, MOUNT_POINTS, FS_TYPES)))
        .contains("""
            # HELP node_filesystem_files Filesystem total file nodes.
            # TYPE node_filesystem_files gauge
            node_filesystem_files{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 1.17178368E8
            # HELP node_filesystem_files_free Filesystem total free file nodes.
            # TYPE node_filesystem_files_free gauge
            node_filesystem_files_free{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 1.16002911E8
            """);
  }

  @Test
  void statvfsAgreesWithJavasFileStoreOnARealDirectory(@TempDir Path dir) throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Statvfs.available(), "statvfs over JNA needs 64-bit Linux");
    FilesystemSource.Space space = Statvfs.stat(dir.toString());
    java.nio.file.FileStore store = java.nio.file.Files.getFileStore(dir);

    // f_bsize and f_frsize are equal on local file systems: the sizes are Java's to the byte
    assertThat(space.size()).isEqualTo((double) store.getTotalSpace());
    assertThat(space.files()).isPositive();
    assertThat(space.filesFree()).isBetween(0.0, space.files());
    assertThatThrownBy(() -> Statvfs.stat(dir.resolve("gone").toString()))
        .isInstanceOf(IOException.class)
        .hasMessage("statvfs " + dir.resolve("gone") + ": errno 2");
  }

  @Test
  void aStuckMountIsReportedAsDeviceErrorAndNotQueriedAgainUntilItReturns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger slowCalls = new AtomicInteger();
    AtomicLong clock = new AtomicLong();
    FilesystemSource source =
        new FilesystemSource() {
          @Override
          public List<Mount> mounts() {
            return List.of(new Mount("nfs:/export", "/mnt/nfs", "nfs4", false));
          }

          @Override
          public Space stat(Mount mount) throws IOException {
            if (slowCalls.incrementAndGet() == 1) {
              try {
                release.await(); // a dead NFS server
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
            }
            return new Space(100, 50, 40);
          }
        };
    FilesystemCollector collector =
        new FilesystemCollector(source, DeviceFilter.none(), DeviceFilter.none(), clock::get);
    CompletableFuture<String> stuckScrape = CompletableFuture.supplyAsync(() -> HostFixtures.text(collector));
    while (slowCalls.get() == 0) {
      Thread.onSpinWait();
    }

    clock.addAndGet(FilesystemCollector.MOUNT_TIMEOUT_NANOS + 1);
    String whileStuck = HostFixtures.text(collector);

    assertThat(whileStuck)
        .contains("node_filesystem_device_error{device=\"nfs:/export\",fstype=\"nfs4\",mountpoint=\"/mnt/nfs\"} 1.0")
        .doesNotContain("node_filesystem_size_bytes{");
    assertThat(slowCalls).hasValue(1);

    release.countDown();
    assertThat(stuckScrape.get(5, TimeUnit.SECONDS)).contains("node_filesystem_size_bytes{device=\"nfs:/export\"");
    assertThat(HostFixtures.text(collector))
        .contains("node_filesystem_device_error{device=\"nfs:/export\",fstype=\"nfs4\",mountpoint=\"/mnt/nfs\"} 0.0");
    assertThat(slowCalls).hasValue(2);
  }

  @Test
  void parsesTheMountTableAndItsEscapes() throws IOException {
    assertThat(ProcMountsSource.parse("/dev/sda1 /mnt/a\\040b\\011c ext4 rw,noatime 0 0\n\nx /ro vfat ro 0 0\n"))
        .containsExactly(
            new FilesystemSource.Mount("/dev/sda1", "/mnt/a b\tc", "ext4", false),
            new FilesystemSource.Mount("x", "/ro", "vfat", true));
    assertThatThrownBy(() -> ProcMountsSource.parse("only three fields\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("malformed mount point information");
  }

  @Test
  void procSourceFallsBackToProcMountsWherePidOneIsHidden(@TempDir Path dir) throws IOException {
    java.nio.file.Files.writeString(dir.resolve("mounts"), "/dev/sdb1 /data xfs rw 0 0\n");

    assertThat(new ProcMountsSource(io.taoprom.metrics.host.ProcFs.at(dir)).mounts())
        .containsExactly(new FilesystemSource.Mount("/dev/sdb1", "/data", "xfs", false));
  }

  @Test
  void procSourceStatsARealDirectoryAndFailsOnAMissingOne(@TempDir Path dir) throws IOException {
    ProcMountsSource source = new ProcMountsSource(HostFixtures.fixtureProc());

    FilesystemSource.Space space = source.stat(new FilesystemSource.Mount("tmp", dir.toString(), "tmpfs", false));
    assertThat(space.size()).isPositive();
    assertThat(space.free()).isBetween(space.avail(), space.size());

    FilesystemSource.Mount gone = new FilesystemSource.Mount("x", dir.resolve("gone").toString(), "ext4", false);
    assertThatThrownBy(() -> source.stat(gone)).isInstanceOf(IOException.class);
  }
}
