package io.taoprom.metrics.host.filefd;

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

class FilefdCollectorTest {

  private static ProcFs fixture(String machine) throws URISyntaxException {
    return ProcFs.at(Path.of(FilefdCollectorTest.class.getResource("/io/taoprom/metrics/host/filefd/" + machine).toURI()));
  }

  @Test
  void goldenTextOfThisVm() throws Exception {
    assertThat(HostFixtures.text(new FilefdCollector(fixture("vm"))))
        .isEqualTo(
            """
            # HELP node_filefd_allocated File descriptor statistics: allocated.
            # TYPE node_filefd_allocated gauge
            node_filefd_allocated 1956.0
            # HELP node_filefd_maximum File descriptor statistics: maximum.
            # TYPE node_filefd_maximum gauge
            node_filefd_maximum 2466248.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerWhoseMaximumIsLongMax() throws Exception {
    // systemd sets fs.file-max to LONG_MAX on many distributions; as a float64 it rounds up.
    assertThat(HostFixtures.text(new FilefdCollector(fixture("gpu-server"))))
        .isEqualTo(
            """
            # HELP node_filefd_allocated File descriptor statistics: allocated.
            # TYPE node_filefd_allocated gauge
            node_filefd_allocated 104832.0
            # HELP node_filefd_maximum File descriptor statistics: maximum.
            # TYPE node_filefd_maximum gauge
            node_filefd_maximum 9.223372036854776E18
            """);
  }

  @Test
  void noSysctlTreeYieldsNothing(@TempDir Path dir) {
    assertThat(HostFixtures.text(new FilefdCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void aTruncatedFileIsRefusedQuoted(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sys/fs"));
    Files.writeString(dir.resolve("sys/fs/file-nr"), "1956\t0");

    assertThatThrownBy(() -> new FilefdCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(dir.resolve("sys/fs/file-nr") + " line 1 is not \"ALLOCATED FREE MAXIMUM\": \"1956\\t0\"");
  }

  @Test
  void aNumberThatIsNotOneIsRefused(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sys/fs"));
    Files.writeString(dir.resolve("sys/fs/file-nr"), "1956\t0\tlots\n");

    assertThatThrownBy(() -> new FilefdCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining(dir.resolve("sys/fs/file-nr") + " line 1 is malformed");
  }

  @Test
  void anUnreadableFileFailsTheCollector(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sys/fs/file-nr"));

    assertThatThrownBy(() -> new FilefdCollector(ProcFs.at(dir)).collect()).isInstanceOf(UncheckedIOException.class);
  }
}
