package io.taoprom.metrics.host.conntrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConntrackCollectorTest {

  private static final String HEADER_6_X = "entries  clashres found new invalid ignore delete chainlength insert"
      + " insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";

  @Test
  void goldenTextOfThisVm() {
    assertThat(HostFixtures.text(new ConntrackCollector(HostFixtures.proc("conntrack", "vm"))))
        .isEqualTo(
            """
            # HELP node_nf_conntrack_entries Number of currently allocated flow entries for connection tracking.
            # TYPE node_nf_conntrack_entries gauge
            node_nf_conntrack_entries 0.0
            # HELP node_nf_conntrack_entries_limit Maximum size of connection tracking table.
            # TYPE node_nf_conntrack_entries_limit gauge
            node_nf_conntrack_entries_limit 262144.0
            # HELP node_nf_conntrack_stat_drop Number of packets dropped due to conntrack failure.
            # TYPE node_nf_conntrack_stat_drop gauge
            node_nf_conntrack_stat_drop 0.0
            # HELP node_nf_conntrack_stat_early_drop Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.
            # TYPE node_nf_conntrack_stat_early_drop gauge
            node_nf_conntrack_stat_early_drop 0.0
            # HELP node_nf_conntrack_stat_found Number of searched entries which were successful.
            # TYPE node_nf_conntrack_stat_found gauge
            node_nf_conntrack_stat_found 0.0
            # HELP node_nf_conntrack_stat_ignore Number of packets seen which are already connected to a conntrack entry.
            # TYPE node_nf_conntrack_stat_ignore gauge
            node_nf_conntrack_stat_ignore 0.0
            # HELP node_nf_conntrack_stat_insert Number of entries inserted into the list.
            # TYPE node_nf_conntrack_stat_insert gauge
            node_nf_conntrack_stat_insert 0.0
            # HELP node_nf_conntrack_stat_insert_failed Number of entries for which list insertion was attempted but failed.
            # TYPE node_nf_conntrack_stat_insert_failed gauge
            node_nf_conntrack_stat_insert_failed 0.0
            # HELP node_nf_conntrack_stat_invalid Number of packets seen which can not be tracked.
            # TYPE node_nf_conntrack_stat_invalid gauge
            node_nf_conntrack_stat_invalid 0.0
            # HELP node_nf_conntrack_stat_search_restart Number of conntrack table lookups which had to be restarted due to hashtable resizes.
            # TYPE node_nf_conntrack_stat_search_restart gauge
            node_nf_conntrack_stat_search_restart 0.0
            """);
  }

  /** 16 CPUs of a 5.4 kernel (the column before {@code found} was still {@code searched}). */
  @Test
  void goldenTextOfAGpuServerSumsEveryCpuPastThirtyTwoBits() {
    assertThat(HostFixtures.text(new ConntrackCollector(HostFixtures.proc("conntrack", "gpu-server"))))
        .isEqualTo(
            """
            # HELP node_nf_conntrack_entries Number of currently allocated flow entries for connection tracking.
            # TYPE node_nf_conntrack_entries gauge
            node_nf_conntrack_entries 48213.0
            # HELP node_nf_conntrack_entries_limit Maximum size of connection tracking table.
            # TYPE node_nf_conntrack_entries_limit gauge
            node_nf_conntrack_entries_limit 1048576.0
            # HELP node_nf_conntrack_stat_drop Number of packets dropped due to conntrack failure.
            # TYPE node_nf_conntrack_stat_drop gauge
            node_nf_conntrack_stat_drop 4.294967312E9
            # HELP node_nf_conntrack_stat_early_drop Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.
            # TYPE node_nf_conntrack_stat_early_drop gauge
            node_nf_conntrack_stat_early_drop 0.0
            # HELP node_nf_conntrack_stat_found Number of searched entries which were successful.
            # TYPE node_nf_conntrack_stat_found gauge
            node_nf_conntrack_stat_found 46006.0
            # HELP node_nf_conntrack_stat_ignore Number of packets seen which are already connected to a conntrack entry.
            # TYPE node_nf_conntrack_stat_ignore gauge
            node_nf_conntrack_stat_ignore 1.7366421E7
            # HELP node_nf_conntrack_stat_insert Number of entries inserted into the list.
            # TYPE node_nf_conntrack_stat_insert gauge
            node_nf_conntrack_stat_insert 774361.0
            # HELP node_nf_conntrack_stat_insert_failed Number of entries for which list insertion was attempted but failed.
            # TYPE node_nf_conntrack_stat_insert_failed gauge
            node_nf_conntrack_stat_insert_failed 22.0
            # HELP node_nf_conntrack_stat_invalid Number of packets seen which can not be tracked.
            # TYPE node_nf_conntrack_stat_invalid gauge
            node_nf_conntrack_stat_invalid 2776.0
            # HELP node_nf_conntrack_stat_search_restart Number of conntrack table lookups which had to be restarted due to hashtable resizes.
            # TYPE node_nf_conntrack_stat_search_restart gauge
            node_nf_conntrack_stat_search_restart 68.0
            """);
  }

  @Test
  void withoutTheModuleNothing(@TempDir Path empty) {
    assertThat(HostFixtures.text(new ConntrackCollector(ProcFs.at(empty)))).isEmpty();
  }

  @Test
  void withoutTheStatisticsFileTheTableSizeAlone(@TempDir Path root) {
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_count", "12\n");
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_max", "65536\n");

    assertThat(HostFixtures.text(new ConntrackCollector(ProcFs.at(root))))
        .contains("node_nf_conntrack_entries 12.0")
        .contains("node_nf_conntrack_entries_limit 65536.0")
        .doesNotContain("_stat_");
  }

  @Test
  void aKernelWithoutSearchRestartReportsZeroForIt(@TempDir Path root) {
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_count", "1\n");
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_max", "2\n");
    HostFixtures.write(root, "net/stat/nf_conntrack",
        "entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop"
            + " icmp_error  expect_new expect_create expect_delete\n"
            + "00000001  00000000 00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
            + " 00000003 00000000 00000000  00000000 00000000 00000000 \n");

    assertThat(HostFixtures.text(new ConntrackCollector(ProcFs.at(root))))
        .contains("node_nf_conntrack_stat_found 16.0")
        .contains("node_nf_conntrack_stat_drop 3.0")
        .contains("node_nf_conntrack_stat_search_restart 0.0");
  }

  @Test
  void aTruncatedStatisticsLineNamesFileAndLine(@TempDir Path root) {
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_count", "1\n");
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_max", "2\n");
    HostFixtures.write(root, "net/stat/nf_conntrack", HEADER_6_X + "00000000  00000000 00000000\n");

    assertThatThrownBy(() -> new ConntrackCollector(ProcFs.at(root)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("net/stat/nf_conntrack") + " line 2: expected 17 hexadecimal numbers");
  }

  @Test
  void aHeaderWithoutTheColumnsNodeExporterReadsIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_count", "1\n");
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_max", "2\n");
    HostFixtures.write(root, "net/stat/nf_conntrack", "00000000 00000001\n");

    assertThatThrownBy(() -> new ConntrackCollector(ProcFs.at(root)).collect())
        .hasMessageContaining("line 1: expected a column named found");
  }

  @Test
  void aCountThatIsNotANumberIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "sys/net/netfilter/nf_conntrack_count", "many\n");

    assertThatThrownBy(() -> new ConntrackCollector(ProcFs.at(root)).collect())
        .hasMessageContaining(root.resolve("sys/net/netfilter/nf_conntrack_count") + " line 1: expected an unsigned decimal number in \"many\"");
  }
}
