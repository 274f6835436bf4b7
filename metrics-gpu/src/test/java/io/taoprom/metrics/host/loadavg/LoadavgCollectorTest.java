package io.taoprom.metrics.host.loadavg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadavgCollectorTest {

  @Test
  void goldenText() {
    LoadavgCollector collector = new LoadavgCollector(() -> new LoadSource.LoadAverage(0.21, 0.37, 1.5));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_load1 1m load average.
            # TYPE node_load1 gauge
            node_load1 0.21
            # HELP node_load15 15m load average.
            # TYPE node_load15 gauge
            node_load15 1.5
            # HELP node_load5 5m load average.
            # TYPE node_load5 gauge
            node_load5 0.37
            """);
  }

  @Test
  void procSourceReadsTheFirstThreeFields() throws IOException {
    assertThat(new ProcLoadSource(HostFixtures.fixtureProc()).read())
        .isEqualTo(new LoadSource.LoadAverage(0.76, 0.62, 0.39));
  }

  @Test
  void procSourceRejectsATruncatedFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("loadavg"), "0.76 0.62\n");

    assertThatThrownBy(() -> new ProcLoadSource(ProcFs.at(dir)).read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("three load averages");
  }

  @Test
  void unavailableOnlyOnWindows() {
    String os = System.getProperty("os.name");
    assertThat(new LoadavgPlugin().availability().available()).isEqualTo(!os.startsWith("Windows"));
  }
}
