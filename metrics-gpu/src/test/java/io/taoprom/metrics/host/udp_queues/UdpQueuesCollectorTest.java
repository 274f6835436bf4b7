package io.taoprom.metrics.host.udp_queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden texts from this VM (no UDP sockets) and a GPU server (a statsd socket with a receive
 * backlog, a resolver query waiting to go out, IPv6 link-local and global sockets); node_exporter
 * 1.5 run on both fixture trees gives the same series and values.
 */
class UdpQueuesCollectorTest {

  private static final String HEADER =
      "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";

  private static String socket(int slot, long tx, long rx) {
    return String.format("%5d: 0A0A000B:%04X 00000000:0000 07 %08X:%08X 00:00000000 00000000     0        0 %d 2 ffff8c3a12345000 0%n",
        slot, 1024 + slot % 60000, tx, rx, 40000 + slot);
  }

  @Test
  void goldenTextOfThisVm() {
    assertThat(HostFixtures.text(new UdpQueuesCollector(HostFixtures.proc("udp_queues", "vm"))))
        .isEqualTo(
            """
            # HELP node_udp_queues Number of allocated memory in the kernel for UDP datagrams in bytes.
            # TYPE node_udp_queues gauge
            node_udp_queues{ip="v4",queue="rx"} 0.0
            node_udp_queues{ip="v4",queue="tx"} 0.0
            node_udp_queues{ip="v6",queue="rx"} 0.0
            node_udp_queues{ip="v6",queue="tx"} 0.0
            """);
  }

  @Test
  void goldenTextOfAGpuServer() {
    assertThat(HostFixtures.text(new UdpQueuesCollector(HostFixtures.proc("udp_queues", "gpu-server"))))
        .isEqualTo(
            """
            # HELP node_udp_queues Number of allocated memory in the kernel for UDP datagrams in bytes.
            # TYPE node_udp_queues gauge
            node_udp_queues{ip="v4",queue="rx"} 215552.0
            node_udp_queues{ip="v4",queue="tx"} 768.0
            node_udp_queues{ip="v6",queue="rx"} 1920.0
            node_udp_queues{ip="v6",queue="tx"} 1536.0
            """);
  }

  /** 20000 sockets: about 2.5 MB, read in 64 KiB chunks whose ends fall inside lines. */
  @Test
  void aLongTableIsSummedAcrossChunkBoundaries(@TempDir Path root) {
    StringBuilder udp = new StringBuilder(HEADER);
    long rx = 0;
    for (int i = 0; i < 20_000; i++) {
      udp.append(socket(i, i % 3, i * 7L));
      rx += i * 7L;
    }
    HostFixtures.write(root, "net/udp", udp.toString().stripTrailing()); // the last line without its newline

    assertThat(HostFixtures.text(new UdpQueuesCollector(ProcFs.at(root))))
        .isEqualTo(
            """
            # HELP node_udp_queues Number of allocated memory in the kernel for UDP datagrams in bytes.
            # TYPE node_udp_queues gauge
            node_udp_queues{ip="v4",queue="rx"} %s
            node_udp_queues{ip="v4",queue="tx"} 19999.0
            """.formatted(Double.toString(rx)));
  }

  @Test
  void noFilesNoSeries(@TempDir Path empty) {
    assertThat(HostFixtures.text(new UdpQueuesCollector(ProcFs.at(empty)))).isEmpty();
  }

  @Test
  void aLineWithoutItsDropsColumnNamesFileAndLine(@TempDir Path root) {
    HostFixtures.write(root, "net/udp", HEADER + socket(1, 0, 0)
        + "    2: 0A0A000B:0401 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 40002 2\n");

    assertThatThrownBy(() -> new UdpQueuesCollector(ProcFs.at(root)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("net/udp") + " line 3: expected 13 columns");
  }

  @Test
  void queuesThatAreNotHexadecimalAreRejectedAndQuotedEscaped(@TempDir Path root) {
    HostFixtures.write(root, "net/udp6", HEADER
        + "    3: 00000000000000000000000001000000:0143 00000000000000000000000000000000:0000 07"
        + " 0000000g:\u001b[0m 00:00000000 00000000     0        0 30000 2 ffff8c3a12349000 0\n");

    assertThatThrownBy(() -> new UdpQueuesCollector(ProcFs.at(root)).collect())
        .hasMessageContaining(root.resolve("net/udp6") + " line 2: expected the queues as hexadecimal tx:rx")
        .hasMessageContaining("\\x1b[0m")
        .hasMessageNotContaining("\u001b");
  }

  @Test
  void anAddressOfTheWrongLengthIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/udp", HEADER
        + "    1: 0A0A0B:0401 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1 2 ffff8c3a12345000 0\n");

    assertThatThrownBy(() -> new UdpQueuesCollector(ProcFs.at(root)).collect())
        .hasMessageContaining("line 2: expected a hexadecimal address:port, found \"0A0A0B:0401\"");
  }

  @Test
  void aLineLongerThanTheBufferIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/udp", HEADER + "x".repeat(70_000) + "\n");

    assertThatThrownBy(() -> new UdpQueuesCollector(ProcFs.at(root)).collect())
        .hasMessageContaining(root.resolve("net/udp") + " line 2 is longer than 65536 bytes");
  }
}
