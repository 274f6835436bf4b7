package io.taoprom.metrics.host.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntropyCollectorTest {

  private static ProcFs fixture(String machine) throws URISyntaxException {
    return ProcFs.at(Path.of(EntropyCollectorTest.class.getResource("/io/taoprom/metrics/host/entropy/" + machine).toURI()));
  }

  @Test
  void goldenTextOfThisVm() throws Exception {
    assertThat(HostFixtures.text(new EntropyCollector(fixture("vm"))))
        .isEqualTo(
            """
            # HELP node_entropy_available_bits Bits of available entropy.
            # TYPE node_entropy_available_bits gauge
            node_entropy_available_bits 256.0
            # HELP node_entropy_pool_size_bits Bits of entropy pool.
            # TYPE node_entropy_pool_size_bits gauge
            node_entropy_pool_size_bits 256.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerOnAnOlderKernel() throws Exception {
    assertThat(HostFixtures.text(new EntropyCollector(fixture("gpu-server"))))
        .isEqualTo(
            """
            # HELP node_entropy_available_bits Bits of available entropy.
            # TYPE node_entropy_available_bits gauge
            node_entropy_available_bits 3801.0
            # HELP node_entropy_pool_size_bits Bits of entropy pool.
            # TYPE node_entropy_pool_size_bits gauge
            node_entropy_pool_size_bits 4096.0
            """);
  }

  @Test
  void noRandomDirectoryYieldsNothing(@TempDir Path dir) {
    assertThat(HostFixtures.text(new EntropyCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void aMissingPoolSizeIsRefused(@TempDir Path dir) throws IOException {
    Path random = Files.createDirectories(dir.resolve("sys/kernel/random"));
    Files.writeString(random.resolve("entropy_avail"), "256\n");

    assertThatThrownBy(() -> new EntropyCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(random.resolve("poolsize") + " is missing");
  }

  @Test
  void aValueThatIsNotOneNumberIsRefused(@TempDir Path dir) throws IOException {
    Path random = Files.createDirectories(dir.resolve("sys/kernel/random"));
    Files.writeString(random.resolve("entropy_avail"), "256 512\n");
    Files.writeString(random.resolve("poolsize"), "256\n");

    assertThatThrownBy(() -> new EntropyCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining(random.resolve("entropy_avail") + " line 1 is not one number: \"256 512\"");

    Files.writeString(random.resolve("entropy_avail"), "-1\n");
    assertThatThrownBy(() -> new EntropyCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining(random.resolve("entropy_avail") + " line 1 is malformed: \"-1\"");
  }
}
