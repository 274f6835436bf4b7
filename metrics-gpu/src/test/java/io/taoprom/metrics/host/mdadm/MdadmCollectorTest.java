package io.taoprom.metrics.host.mdadm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdadmCollectorTest {

  @Test
  void goldenTextOfAGpuServersArrays() {
    MdadmCollector collector = new MdadmCollector(HostFixtures.proc("mdadm", "gpu-server"));

    // md1 plain raid1 (no bitmap), md0 raid1 with a bitmap line, md2 raid0 (no [n/m]: its four
    // members are required and active), md3 resync, md4 degraded and recovering onto a new disk
    // with one failed member, md5 raid6 with a spare under check, md6 resync=DELAYED (0 blocks
    // synced), md127 an inactive spare. node_exporter 1.5 serves the same values from this file.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_md_blocks Total number of blocks on device.
        # TYPE node_md_blocks gauge
        node_md_blocks{device="md0"} 1.874188288E9
        node_md_blocks{device="md1"} 1046528.0
        node_md_blocks{device="md127"} 3.750606144E9
        node_md_blocks{device="md2"} 1.5002423296E10
        node_md_blocks{device="md3"} 7.501211648E9
        node_md_blocks{device="md4"} 3.750606144E9
        node_md_blocks{device="md5"} 6.2511161344E10
        node_md_blocks{device="md6"} 3.9067648E9
        # HELP node_md_blocks_synced Number of blocks synced on device.
        # TYPE node_md_blocks_synced gauge
        node_md_blocks_synced{device="md0"} 1.874188288E9
        node_md_blocks_synced{device="md1"} 1046528.0
        node_md_blocks_synced{device="md127"} 3.750606144E9
        node_md_blocks_synced{device="md2"} 1.5002423296E10
        node_md_blocks_synced{device="md3"} 6.09384448E8
        node_md_blocks_synced{device="md4"} 6.71359744E8
        node_md_blocks_synced{device="md5"} 7.391734784E9
        node_md_blocks_synced{device="md6"} 0.0
        # HELP node_md_disks Number of active/failed/spare disks of device.
        # TYPE node_md_disks gauge
        node_md_disks{device="md0",state="active"} 2.0
        node_md_disks{device="md0",state="failed"} 0.0
        node_md_disks{device="md0",state="spare"} 0.0
        node_md_disks{device="md1",state="active"} 2.0
        node_md_disks{device="md1",state="failed"} 0.0
        node_md_disks{device="md1",state="spare"} 0.0
        node_md_disks{device="md127",state="active"} 0.0
        node_md_disks{device="md127",state="failed"} 0.0
        node_md_disks{device="md127",state="spare"} 1.0
        node_md_disks{device="md2",state="active"} 4.0
        node_md_disks{device="md2",state="failed"} 0.0
        node_md_disks{device="md2",state="spare"} 0.0
        node_md_disks{device="md3",state="active"} 4.0
        node_md_disks{device="md3",state="failed"} 0.0
        node_md_disks{device="md3",state="spare"} 0.0
        node_md_disks{device="md4",state="active"} 1.0
        node_md_disks{device="md4",state="failed"} 1.0
        node_md_disks{device="md4",state="spare"} 0.0
        node_md_disks{device="md5",state="active"} 6.0
        node_md_disks{device="md5",state="failed"} 0.0
        node_md_disks{device="md5",state="spare"} 1.0
        node_md_disks{device="md6",state="active"} 3.0
        node_md_disks{device="md6",state="failed"} 0.0
        node_md_disks{device="md6",state="spare"} 0.0
        # HELP node_md_disks_required Total number of disks of device.
        # TYPE node_md_disks_required gauge
        node_md_disks_required{device="md0"} 2.0
        node_md_disks_required{device="md1"} 2.0
        node_md_disks_required{device="md127"} 0.0
        node_md_disks_required{device="md2"} 4.0
        node_md_disks_required{device="md3"} 4.0
        node_md_disks_required{device="md4"} 2.0
        node_md_disks_required{device="md5"} 6.0
        node_md_disks_required{device="md6"} 3.0
        # HELP node_md_state Indicates the state of md-device.
        # TYPE node_md_state gauge
        node_md_state{device="md0",state="active"} 1.0
        node_md_state{device="md0",state="check"} 0.0
        node_md_state{device="md0",state="inactive"} 0.0
        node_md_state{device="md0",state="recovering"} 0.0
        node_md_state{device="md0",state="resync"} 0.0
        node_md_state{device="md1",state="active"} 1.0
        node_md_state{device="md1",state="check"} 0.0
        node_md_state{device="md1",state="inactive"} 0.0
        node_md_state{device="md1",state="recovering"} 0.0
        node_md_state{device="md1",state="resync"} 0.0
        node_md_state{device="md127",state="active"} 0.0
        node_md_state{device="md127",state="check"} 0.0
        node_md_state{device="md127",state="inactive"} 1.0
        node_md_state{device="md127",state="recovering"} 0.0
        node_md_state{device="md127",state="resync"} 0.0
        node_md_state{device="md2",state="active"} 1.0
        node_md_state{device="md2",state="check"} 0.0
        node_md_state{device="md2",state="inactive"} 0.0
        node_md_state{device="md2",state="recovering"} 0.0
        node_md_state{device="md2",state="resync"} 0.0
        node_md_state{device="md3",state="active"} 0.0
        node_md_state{device="md3",state="check"} 0.0
        node_md_state{device="md3",state="inactive"} 0.0
        node_md_state{device="md3",state="recovering"} 0.0
        node_md_state{device="md3",state="resync"} 1.0
        node_md_state{device="md4",state="active"} 0.0
        node_md_state{device="md4",state="check"} 0.0
        node_md_state{device="md4",state="inactive"} 0.0
        node_md_state{device="md4",state="recovering"} 1.0
        node_md_state{device="md4",state="resync"} 0.0
        node_md_state{device="md5",state="active"} 0.0
        node_md_state{device="md5",state="check"} 1.0
        node_md_state{device="md5",state="inactive"} 0.0
        node_md_state{device="md5",state="recovering"} 0.0
        node_md_state{device="md5",state="resync"} 0.0
        node_md_state{device="md6",state="active"} 0.0
        node_md_state{device="md6",state="check"} 0.0
        node_md_state{device="md6",state="inactive"} 0.0
        node_md_state{device="md6",state="recovering"} 0.0
        node_md_state{device="md6",state="resync"} 1.0
        """);
  }

  @Test
  void noMdstatIsNoArrays(@TempDir Path dir) {
    assertThat(HostFixtures.text(new MdadmCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void noArraysIsNoSeries(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mdstat"), "Personalities : \nunused devices: <none>\n");

    assertThat(HostFixtures.text(new MdadmCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void aReshapeIsASyncWithNoneOfTheFiveStates(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mdstat"), """
        Personalities : [raid5]
        md9 : active raid5 sdd[3] sdc[2] sdb[1] sda[0]
              2929890816 blocks super 1.2 level 5, 512k chunk, algorithm 2 [4/4] [UUUU]
              [>....................]  reshape =  2.1% (20511744/976630272) finish=412.6min speed=38616K/sec

        unused devices: <none>
        """);

    String text = HostFixtures.text(new MdadmCollector(ProcFs.at(dir)));

    assertThat(text)
        .contains("node_md_blocks_synced{device=\"md9\"} 2.0511744E7")
        .contains("node_md_state{device=\"md9\",state=\"active\"} 0.0")
        .contains("node_md_state{device=\"md9\",state=\"resync\"} 0.0");
  }

  @Test
  void aReadOnlyArrayStillNamesItsPersonality(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mdstat"), """
        md3 : active (auto-read-only) raid0 sdb[1] sda[0]
              1953260544 blocks super 1.2 512k chunks

        unused devices: <none>
        """);

    assertThat(HostFixtures.text(new MdadmCollector(ProcFs.at(dir))))
        .contains("node_md_disks_required{device=\"md3\"} 2.0")
        .contains("node_md_state{device=\"md3\",state=\"active\"} 1.0");
  }

  @Test
  void aStatusLineWithoutMemberCountsFailsNamingFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mdstat"), """
        Personalities : [raid1]
        md0 : active raid1 sdb1[1] sda1[0]
              1046528 blocks super 1.2

        unused devices: <none>
        """);

    assertThatThrownBy(() -> new MdadmCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(dir.resolve("mdstat") + " line 3: expected \"N blocks ... [n/m] [U_]\" for md0")
        .hasMessageContaining("found \"1046528 blocks super 1.2\"");
  }

  @Test
  void aTruncatedFileFails(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mdstat"), "Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0]\n");

    assertThatThrownBy(() -> new MdadmCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("found \"\"");
  }

  @Test
  void anUnknownStateFailsAndQuotesTheLineEscaped(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mdstat"), "md0 : degraded\u001b[2J raid1 sda[0]\n      1 blocks [1/1] [U]\n");

    assertThatThrownBy(() -> new MdadmCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("line 1: expected active or inactive after \"md0 :\"")
        .hasMessageContaining("\\x1b[2J")
        .hasMessageNotContaining("\u001b");

    Files.writeString(dir.resolve("mdstat"), "garbage\n");
    assertThatThrownBy(() -> new MdadmCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 1: expected an array line");
  }

  @Test
  void aSyncLineWithoutProgressFails(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mdstat"), """
        md0 : active raid1 sdb1[1] sda1[0]
              1046528 blocks super 1.2 [2/2] [UU]
              [=>...]  resync = 8.1% finish=5.0min
        """);

    assertThatThrownBy(() -> new MdadmCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 3: expected \"(synced/total)\"");
  }

  @Test
  void aHugeNumberFails(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mdstat"), "md0 : active raid1 sda[0]\n      99999999999999999999 blocks [1/1] [U]\n");

    assertThatThrownBy(() -> new MdadmCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 2: expected a number that fits 63 bits");
  }

  @Test
  void anUnreadableMdstatFails(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("mdstat"));

    assertThatThrownBy(() -> new MdadmCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + dir.resolve("mdstat") + ": Is a directory");
  }

  @Test
  void availableOnLinuxOnly() {
    assertThat(new MdadmPlugin().availability().available())
        .isEqualTo(System.getProperty("os.name").startsWith("Linux"));
  }
}
