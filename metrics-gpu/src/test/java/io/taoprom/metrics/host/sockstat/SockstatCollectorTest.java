package io.taoprom.metrics.host.sockstat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden texts from this VM and from a busy GPU server; node_exporter 1.5 run on both fixture
 * trees gives the same series and values (with its 4 KiB pages for the server's).
 */
class SockstatCollectorTest {

  @Test
  void goldenTextOfThisVm() {
    assertThat(HostFixtures.text(new SockstatCollector(HostFixtures.proc("sockstat", "vm"), 4096)))
        .isEqualTo(
            """
            # HELP node_sockstat_FRAG6_inuse Number of FRAG6 sockets in state inuse.
            # TYPE node_sockstat_FRAG6_inuse gauge
            node_sockstat_FRAG6_inuse 0.0
            # HELP node_sockstat_FRAG6_memory Number of FRAG6 sockets in state memory.
            # TYPE node_sockstat_FRAG6_memory gauge
            node_sockstat_FRAG6_memory 0.0
            # HELP node_sockstat_FRAG_inuse Number of FRAG sockets in state inuse.
            # TYPE node_sockstat_FRAG_inuse gauge
            node_sockstat_FRAG_inuse 0.0
            # HELP node_sockstat_FRAG_memory Number of FRAG sockets in state memory.
            # TYPE node_sockstat_FRAG_memory gauge
            node_sockstat_FRAG_memory 0.0
            # HELP node_sockstat_RAW6_inuse Number of RAW6 sockets in state inuse.
            # TYPE node_sockstat_RAW6_inuse gauge
            node_sockstat_RAW6_inuse 0.0
            # HELP node_sockstat_RAW_inuse Number of RAW sockets in state inuse.
            # TYPE node_sockstat_RAW_inuse gauge
            node_sockstat_RAW_inuse 0.0
            # HELP node_sockstat_TCP6_inuse Number of TCP6 sockets in state inuse.
            # TYPE node_sockstat_TCP6_inuse gauge
            node_sockstat_TCP6_inuse 0.0
            # HELP node_sockstat_TCP_alloc Number of TCP sockets in state alloc.
            # TYPE node_sockstat_TCP_alloc gauge
            node_sockstat_TCP_alloc 2.0
            # HELP node_sockstat_TCP_inuse Number of TCP sockets in state inuse.
            # TYPE node_sockstat_TCP_inuse gauge
            node_sockstat_TCP_inuse 2.0
            # HELP node_sockstat_TCP_mem Number of TCP sockets in state mem.
            # TYPE node_sockstat_TCP_mem gauge
            node_sockstat_TCP_mem 0.0
            # HELP node_sockstat_TCP_mem_bytes Number of TCP sockets in state mem_bytes.
            # TYPE node_sockstat_TCP_mem_bytes gauge
            node_sockstat_TCP_mem_bytes 0.0
            # HELP node_sockstat_TCP_orphan Number of TCP sockets in state orphan.
            # TYPE node_sockstat_TCP_orphan gauge
            node_sockstat_TCP_orphan 0.0
            # HELP node_sockstat_TCP_tw Number of TCP sockets in state tw.
            # TYPE node_sockstat_TCP_tw gauge
            node_sockstat_TCP_tw 0.0
            # HELP node_sockstat_UDP6_inuse Number of UDP6 sockets in state inuse.
            # TYPE node_sockstat_UDP6_inuse gauge
            node_sockstat_UDP6_inuse 0.0
            # HELP node_sockstat_UDPLITE6_inuse Number of UDPLITE6 sockets in state inuse.
            # TYPE node_sockstat_UDPLITE6_inuse gauge
            node_sockstat_UDPLITE6_inuse 0.0
            # HELP node_sockstat_UDPLITE_inuse Number of UDPLITE sockets in state inuse.
            # TYPE node_sockstat_UDPLITE_inuse gauge
            node_sockstat_UDPLITE_inuse 0.0
            # HELP node_sockstat_UDP_inuse Number of UDP sockets in state inuse.
            # TYPE node_sockstat_UDP_inuse gauge
            node_sockstat_UDP_inuse 0.0
            # HELP node_sockstat_UDP_mem Number of UDP sockets in state mem.
            # TYPE node_sockstat_UDP_mem gauge
            node_sockstat_UDP_mem 0.0
            # HELP node_sockstat_UDP_mem_bytes Number of UDP sockets in state mem_bytes.
            # TYPE node_sockstat_UDP_mem_bytes gauge
            node_sockstat_UDP_mem_bytes 0.0
            # HELP node_sockstat_sockets_used Number of IPv4 sockets in use.
            # TYPE node_sockstat_sockets_used gauge
            node_sockstat_sockets_used 23.0
            """);
  }

  /** A Grace Hopper node: arm64 with 64 KiB pages, so {@code mem} pages are 65536 bytes each. */
  @Test
  void goldenTextOfAGpuServerWith64KiBPages() {
    assertThat(HostFixtures.text(new SockstatCollector(HostFixtures.proc("sockstat", "gpu-server"), 65536)))
        .isEqualTo(
            """
            # HELP node_sockstat_FRAG6_inuse Number of FRAG6 sockets in state inuse.
            # TYPE node_sockstat_FRAG6_inuse gauge
            node_sockstat_FRAG6_inuse 0.0
            # HELP node_sockstat_FRAG6_memory Number of FRAG6 sockets in state memory.
            # TYPE node_sockstat_FRAG6_memory gauge
            node_sockstat_FRAG6_memory 0.0
            # HELP node_sockstat_FRAG_inuse Number of FRAG sockets in state inuse.
            # TYPE node_sockstat_FRAG_inuse gauge
            node_sockstat_FRAG_inuse 0.0
            # HELP node_sockstat_FRAG_memory Number of FRAG sockets in state memory.
            # TYPE node_sockstat_FRAG_memory gauge
            node_sockstat_FRAG_memory 0.0
            # HELP node_sockstat_RAW6_inuse Number of RAW6 sockets in state inuse.
            # TYPE node_sockstat_RAW6_inuse gauge
            node_sockstat_RAW6_inuse 1.0
            # HELP node_sockstat_RAW_inuse Number of RAW sockets in state inuse.
            # TYPE node_sockstat_RAW_inuse gauge
            node_sockstat_RAW_inuse 2.0
            # HELP node_sockstat_TCP6_inuse Number of TCP6 sockets in state inuse.
            # TYPE node_sockstat_TCP6_inuse gauge
            node_sockstat_TCP6_inuse 97.0
            # HELP node_sockstat_TCP_alloc Number of TCP sockets in state alloc.
            # TYPE node_sockstat_TCP_alloc gauge
            node_sockstat_TCP_alloc 957.0
            # HELP node_sockstat_TCP_inuse Number of TCP sockets in state inuse.
            # TYPE node_sockstat_TCP_inuse gauge
            node_sockstat_TCP_inuse 412.0
            # HELP node_sockstat_TCP_mem Number of TCP sockets in state mem.
            # TYPE node_sockstat_TCP_mem gauge
            node_sockstat_TCP_mem 2727.0
            # HELP node_sockstat_TCP_mem_bytes Number of TCP sockets in state mem_bytes.
            # TYPE node_sockstat_TCP_mem_bytes gauge
            node_sockstat_TCP_mem_bytes 1.78716672E8
            # HELP node_sockstat_TCP_orphan Number of TCP sockets in state orphan.
            # TYPE node_sockstat_TCP_orphan gauge
            node_sockstat_TCP_orphan 3.0
            # HELP node_sockstat_TCP_tw Number of TCP sockets in state tw.
            # TYPE node_sockstat_TCP_tw gauge
            node_sockstat_TCP_tw 1873.0
            # HELP node_sockstat_UDP6_inuse Number of UDP6 sockets in state inuse.
            # TYPE node_sockstat_UDP6_inuse gauge
            node_sockstat_UDP6_inuse 14.0
            # HELP node_sockstat_UDPLITE6_inuse Number of UDPLITE6 sockets in state inuse.
            # TYPE node_sockstat_UDPLITE6_inuse gauge
            node_sockstat_UDPLITE6_inuse 0.0
            # HELP node_sockstat_UDPLITE_inuse Number of UDPLITE sockets in state inuse.
            # TYPE node_sockstat_UDPLITE_inuse gauge
            node_sockstat_UDPLITE_inuse 0.0
            # HELP node_sockstat_UDP_inuse Number of UDP sockets in state inuse.
            # TYPE node_sockstat_UDP_inuse gauge
            node_sockstat_UDP_inuse 38.0
            # HELP node_sockstat_UDP_mem Number of UDP sockets in state mem.
            # TYPE node_sockstat_UDP_mem gauge
            node_sockstat_UDP_mem 61.0
            # HELP node_sockstat_UDP_mem_bytes Number of UDP sockets in state mem_bytes.
            # TYPE node_sockstat_UDP_mem_bytes gauge
            node_sockstat_UDP_mem_bytes 3997696.0
            # HELP node_sockstat_sockets_used Number of IPv4 sockets in use.
            # TYPE node_sockstat_sockets_used gauge
            node_sockstat_sockets_used 4821.0
            """);
  }

  @Test
  void withoutIpv6TheIpv4FileAlone(@TempDir Path root) {
    HostFixtures.write(root, "net/sockstat", "sockets: used 5\nTCP: inuse 1 orphan 0 tw 2 alloc 1 mem 3\n");

    assertThat(HostFixtures.text(new SockstatCollector(ProcFs.at(root), 4096)))
        .contains("node_sockstat_sockets_used 5.0", "node_sockstat_TCP_mem_bytes 12288.0")
        .doesNotContain("TCP6");
  }

  @Test
  void noFilesNoSeries(@TempDir Path empty) {
    assertThat(HostFixtures.text(new SockstatCollector(ProcFs.at(empty), 4096))).isEmpty();
  }

  /** inuse is served as 0 where a line lacks it; keys node_exporter does not know are not served. */
  @Test
  void inuseAlwaysUnknownKeysNever(@TempDir Path root) {
    HostFixtures.write(root, "net/sockstat6", "SCTP6: sockets 4 assocs 1\n");

    assertThat(HostFixtures.text(new SockstatCollector(ProcFs.at(root), 4096)))
        .isEqualTo(
            """
            # HELP node_sockstat_SCTP6_inuse Number of SCTP6 sockets in state inuse.
            # TYPE node_sockstat_SCTP6_inuse gauge
            node_sockstat_SCTP6_inuse 0.0
            """);
  }

  @Test
  void aNameWithoutItsValueNamesFileAndLine(@TempDir Path root) {
    HostFixtures.write(root, "net/sockstat", "sockets: used 5\nTCP: inuse 1 orphan\n");

    assertThatThrownBy(() -> new SockstatCollector(ProcFs.at(root), 4096).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("net/sockstat") + " line 2: expected a protocol and pairs of names and numbers");
  }

  @Test
  void aValueThatIsNotANumberIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/sockstat6", "TCP6: inuse lots\n");

    assertThatThrownBy(() -> new SockstatCollector(ProcFs.at(root), 4096).collect())
        .hasMessageContaining("line 1: expected an unsigned decimal number in \"TCP6: inuse lots\"");
  }

  @Test
  void aProtocolThatCannotBeAMetricNameIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/sockstat", "TCP-X: inuse 1\n");

    assertThatThrownBy(() -> new SockstatCollector(ProcFs.at(root), 4096).collect())
        .hasMessageContaining("expected a protocol name of letters, digits and '_', not \"TCP-X\"");
  }

  @Test
  void thePageSizeComesFromTheAuxiliaryVector() {
    ByteBuffer arm64 = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    arm64.putLong(33).putLong(0xffff0000L).putLong(6).putLong(65536).putLong(0).putLong(0);
    ByteBuffer bigEndian32 = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
    bigEndian32.putInt(16).putInt(0).putInt(6).putInt(4096).putInt(0).putInt(0);

    assertThat(PageSize.fromAuxv(arm64.array(), 8, ByteOrder.LITTLE_ENDIAN)).isEqualTo(65536);
    assertThat(PageSize.fromAuxv(bigEndian32.array(), 4, ByteOrder.BIG_ENDIAN)).isEqualTo(4096);
    assertThatThrownBy(() -> PageSize.fromAuxv(new byte[32], 8, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thisMachinesPageSize(@TempDir Path noProc) {
    long page = PageSize.of(ProcFs.system());
    assertThat(Long.bitCount(page)).isEqualTo(1);
    if (System.getProperty("os.arch").equals("amd64")) {
      assertThat(page).isEqualTo(4096);
    }
    assertThat(PageSize.of(ProcFs.at(noProc))).isEqualTo(PageSize.FALLBACK);
  }
}
