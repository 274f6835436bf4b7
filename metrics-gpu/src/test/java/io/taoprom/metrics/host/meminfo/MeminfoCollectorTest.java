package io.taoprom.metrics.host.meminfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeminfoCollectorTest {

  @Test
  void goldenTextFromTheProcFixture() {
    MeminfoCollector collector = new MeminfoCollector(new ProcMeminfoSource(HostFixtures.fixtureProc()));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_memory_Active_anon_bytes Memory information field Active_anon_bytes.
            # TYPE node_memory_Active_anon_bytes gauge
            node_memory_Active_anon_bytes 1597440.0
            # HELP node_memory_Buffers_bytes Memory information field Buffers_bytes.
            # TYPE node_memory_Buffers_bytes gauge
            node_memory_Buffers_bytes 5115904.0
            # HELP node_memory_Cached_bytes Memory information field Cached_bytes.
            # TYPE node_memory_Cached_bytes gauge
            node_memory_Cached_bytes 7.07395584E8
            # HELP node_memory_HugePages_Total Memory information field HugePages_Total.
            # TYPE node_memory_HugePages_Total gauge
            node_memory_HugePages_Total 0.0
            # HELP node_memory_Hugepagesize_bytes Memory information field Hugepagesize_bytes.
            # TYPE node_memory_Hugepagesize_bytes gauge
            node_memory_Hugepagesize_bytes 2097152.0
            # HELP node_memory_MemAvailable_bytes Memory information field MemAvailable_bytes.
            # TYPE node_memory_MemAvailable_bytes gauge
            node_memory_MemAvailable_bytes 2.466285568E10
            # HELP node_memory_MemFree_bytes Memory information field MemFree_bytes.
            # TYPE node_memory_MemFree_bytes gauge
            node_memory_MemFree_bytes 2.4121765888E10
            # HELP node_memory_MemTotal_bytes Memory information field MemTotal_bytes.
            # TYPE node_memory_MemTotal_bytes gauge
            node_memory_MemTotal_bytes 2.5276063744E10
            # HELP node_memory_SwapCached_bytes Memory information field SwapCached_bytes.
            # TYPE node_memory_SwapCached_bytes gauge
            node_memory_SwapCached_bytes 0.0
            # HELP node_memory_SwapFree_bytes Memory information field SwapFree_bytes.
            # TYPE node_memory_SwapFree_bytes gauge
            node_memory_SwapFree_bytes 2.147328E9
            # HELP node_memory_SwapTotal_bytes Memory information field SwapTotal_bytes.
            # TYPE node_memory_SwapTotal_bytes gauge
            node_memory_SwapTotal_bytes 2.147479552E9
            """);
  }

  @Test
  void goldenTextOfThePortableFieldsAndCounterKeys() {
    MeminfoCollector collector =
        new MeminfoCollector(
            () ->
                List.of(
                    new MemorySource.MemoryField("MemTotal_bytes", 8.0e9),
                    new MemorySource.MemoryField("MemAvailable_bytes", 6.5e9),
                    new MemorySource.MemoryField("SwapTotal_bytes", 0),
                    new MemorySource.MemoryField("SwapFree_bytes", 0),
                    new MemorySource.MemoryField("Pageins_total", 12),
                    new MemorySource.MemoryField("MemTotal_bytes", 8.5e9)));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_memory_MemAvailable_bytes Memory information field MemAvailable_bytes.
            # TYPE node_memory_MemAvailable_bytes gauge
            node_memory_MemAvailable_bytes 6.5E9
            # HELP node_memory_MemTotal_bytes Memory information field MemTotal_bytes.
            # TYPE node_memory_MemTotal_bytes gauge
            node_memory_MemTotal_bytes 8.5E9
            # HELP node_memory_Pageins_total Memory information field Pageins_total.
            # TYPE node_memory_Pageins_total counter
            node_memory_Pageins_total 12.0
            # HELP node_memory_SwapFree_bytes Memory information field SwapFree_bytes.
            # TYPE node_memory_SwapFree_bytes gauge
            node_memory_SwapFree_bytes 0.0
            # HELP node_memory_SwapTotal_bytes Memory information field SwapTotal_bytes.
            # TYPE node_memory_SwapTotal_bytes gauge
            node_memory_SwapTotal_bytes 0.0
            """);
  }

  @Test
  void keysFollowNodeExporter() {
    assertThat(ProcMeminfoSource.key("Active(anon):")).isEqualTo("Active_anon");
    assertThat(ProcMeminfoSource.key("Inactive(file):")).isEqualTo("Inactive_file");
    assertThat(ProcMeminfoSource.key("DirectMap4k:")).isEqualTo("DirectMap4k");
    assertThat(ProcMeminfoSource.key("Odd-Name:")).isEqualTo("Odd_Name");
  }

  @Test
  void procSourceToleratesEmptyLinesAndRejectsGarbage(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("meminfo"), "MemTotal: 4 kB\n\nHugePages_Free: 3\n");
    assertThat(new ProcMeminfoSource(ProcFs.at(dir)).read())
        .containsExactly(
            new MemorySource.MemoryField("MemTotal_bytes", 4096),
            new MemorySource.MemoryField("HugePages_Free", 3));

    Files.writeString(dir.resolve("meminfo"), "MemTotal: lots kB\n");
    assertThatThrownBy(() -> new ProcMeminfoSource(ProcFs.at(dir)).read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("MemTotal: lots kB");
  }
}
