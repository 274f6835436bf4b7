package io.taoprom.metrics.host.vmstat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmstatCollectorTest {

  private static ProcFs fixture(String machine) throws URISyntaxException {
    return ProcFs.at(Path.of(VmstatCollectorTest.class.getResource("/io/taoprom/metrics/host/vmstat/" + machine).toURI()));
  }

  private static VmstatCollector collector(ProcFs proc, String fields) {
    CollectorConfig config = fields == null
        ? CollectorConfig.empty()
        : CollectorConfig.of(Map.of(VmstatPlugin.FIELDS, List.of(fields)));
    return new VmstatCollector(proc, VmstatPlugin.fields(config));
  }

  @Test
  void goldenTextOfThisVmWithUpstreamsDefaultFields() throws Exception {
    assertThat(HostFixtures.text(collector(fixture("vm"), null)))
        .isEqualTo(
            """
            # HELP node_vmstat_oom_kill /proc/vmstat information field oom_kill.
            # TYPE node_vmstat_oom_kill untyped
            node_vmstat_oom_kill 0.0
            # HELP node_vmstat_pgfault /proc/vmstat information field pgfault.
            # TYPE node_vmstat_pgfault untyped
            node_vmstat_pgfault 1.6381786E7
            # HELP node_vmstat_pgmajfault /proc/vmstat information field pgmajfault.
            # TYPE node_vmstat_pgmajfault untyped
            node_vmstat_pgmajfault 1651.0
            # HELP node_vmstat_pgpgin /proc/vmstat information field pgpgin.
            # TYPE node_vmstat_pgpgin untyped
            node_vmstat_pgpgin 2329969.0
            # HELP node_vmstat_pgpgout /proc/vmstat information field pgpgout.
            # TYPE node_vmstat_pgpgout untyped
            node_vmstat_pgpgout 1389892.0
            # HELP node_vmstat_pswpin /proc/vmstat information field pswpin.
            # TYPE node_vmstat_pswpin untyped
            node_vmstat_pswpin 0.0
            # HELP node_vmstat_pswpout /proc/vmstat information field pswpout.
            # TYPE node_vmstat_pswpout untyped
            node_vmstat_pswpout 0.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerWithAFieldPatternOfItsOwn() throws Exception {
    assertThat(HostFixtures.text(collector(fixture("gpu-server"), "^(oom_kill|pgfault|nr_free_pages$)")))
        .isEqualTo(
            """
            # HELP node_vmstat_nr_free_pages /proc/vmstat information field nr_free_pages.
            # TYPE node_vmstat_nr_free_pages untyped
            node_vmstat_nr_free_pages 2.5165824E8
            # HELP node_vmstat_oom_kill /proc/vmstat information field oom_kill.
            # TYPE node_vmstat_oom_kill untyped
            node_vmstat_oom_kill 3.0
            # HELP node_vmstat_pgfault /proc/vmstat information field pgfault.
            # TYPE node_vmstat_pgfault untyped
            node_vmstat_pgfault 9.8765432109876E13
            """);
  }

  @Test
  void thePatternIsSearchedNotMatchedWhole() throws Exception {
    String text = HostFixtures.text(collector(fixture("vm"), "fault"));

    assertThat(text).contains("node_vmstat_pgfault ", "node_vmstat_pgmajfault ").doesNotContain("oom_kill");
    assertThat(HostFixtures.text(collector(fixture("vm"), ""))).contains("node_vmstat_nr_free_pages ");
  }

  @Test
  void anInvalidPatternNamesTheOption() {
    assertThatThrownBy(() -> VmstatPlugin.fields(CollectorConfig.of(Map.of(VmstatPlugin.FIELDS, List.of("(")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("option vmstat.fields '(' is not a valid regular expression");
  }

  @Test
  void aLineWithoutItsValueIsRefusedWithItsNumber(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vmstat"), "nr_free_pages 1\npgfault\n");

    assertThatThrownBy(() -> collector(ProcFs.at(dir), null).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(dir.resolve("vmstat") + " line 2 is not \"NAME VALUE\": \"pgfault\"");
  }

  @Test
  void aValueThatIsNotANumberIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vmstat"), "pgfault 12x\n");

    assertThatThrownBy(() -> collector(ProcFs.at(dir), null).collect())
        .hasMessageContaining(dir.resolve("vmstat") + " line 1 is malformed: \"pgfault 12x\"");
  }

  @Test
  void aNameThatWouldNotMakeAMetricNameIsRefusedEscaped(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vmstat"), "pgfault\u001b[1m 12\n");

    assertThatThrownBy(() -> collector(ProcFs.at(dir), null).collect())
        .hasMessageContaining("line 1 has a field name the kernel does not write: \"pgfault\\x1b[1m\"");
  }

  @Test
  void aRepeatedFieldIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vmstat"), "pgfault 1\npgfault 2\n");

    assertThatThrownBy(() -> collector(ProcFs.at(dir), null).collect()).hasMessageContaining("line 2 repeats a field");
  }

  @Test
  void anAbsentFileFailsTheCollector(@TempDir Path dir) {
    assertThatThrownBy(() -> collector(ProcFs.at(dir), null).collect()).isInstanceOf(UncheckedIOException.class);
  }
}
