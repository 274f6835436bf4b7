package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.bcache.BcachePlugin;
import io.taoprom.metrics.host.btrfs.BtrfsPlugin;
import io.taoprom.metrics.host.dmmultipath.DmMultipathPlugin;
import io.taoprom.metrics.host.mdadm.MdadmPlugin;
import io.taoprom.metrics.host.nfs.NfsPlugin;
import io.taoprom.metrics.host.nfsd.NfsdPlugin;
import io.taoprom.metrics.host.tapestats.TapestatsPlugin;
import io.taoprom.metrics.host.xfs.XfsPlugin;
import io.taoprom.metrics.host.zfs.ZfsPlugin;
import io.taoprom.metrics.textfile.format.TextFormatParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storage plugins as the exporter runs them, against this machine: available on Linux only,
 * built from an empty configuration, and each collection a valid exposition (on the build VM,
 * which has no md, bcache, btrfs, multipath, NFS, tape, XFS or ZFS, an empty one).
 */
class StoragePluginsOnThisMachineTest {

  private static final List<CollectorPlugin> STORAGE = List.of(
      new MdadmPlugin(), new BcachePlugin(), new BtrfsPlugin(), new DmMultipathPlugin(), new NfsPlugin(),
      new NfsdPlugin(), new TapestatsPlugin(), new XfsPlugin(), new ZfsPlugin());

  @Test
  void availableOnLinuxOnlyAndNeverFailingWhereTheirFeatureIsAbsent() throws Exception {
    for (CollectorPlugin plugin : STORAGE) {
      assertThat(plugin.availability().available()).as(plugin.name()).isEqualTo(LinuxOnly.isLinux());
      assertThat(plugin.nodeExporterCompatible()).as(plugin.name()).isTrue();
    }
    assumeTrue(LinuxOnly.isLinux(), "the storage collectors read Linux kernel files");
    for (CollectorPlugin plugin : STORAGE) {
      String text = HostFixtures.text(plugin.create(CollectorConfig.empty()));
      assertThat(TextFormatParser.parse(text)).as(plugin.name())
          .allSatisfy(family -> assertThat(family.name()).startsWith("node_"));
    }
  }

  @Test
  void unavailableElsewhereWithTheFileItWouldRead() {
    String os = System.getProperty("os.name");
    try {
      System.setProperty("os.name", "Mac OS X");
      assertThat(new MdadmPlugin().availability().reason()).isEqualTo("/proc/mdstat is Linux-only (this is Mac OS X)");
    } finally {
      System.setProperty("os.name", os);
    }
  }
}
