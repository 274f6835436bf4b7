package io.taoprom.untrusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {

  @TempDir Path dir;

  @Test
  void readsARegularFileUpToTheCap() throws IOException {
    Path file = Files.writeString(dir.resolve("a.prom"), "up 1\n");
    assertThat(BoundedFiles.read(file, 5)).isEqualTo("up 1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(BoundedFiles.readUtf8(file, 100)).isEqualTo("up 1\n");
  }

  @Test
  void oneByteOverTheCapIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("a.prom"), "up 1\n");
    assertThatThrownBy(() -> BoundedFiles.read(file, 4))
        .isInstanceOf(InputTooLargeException.class)
        .hasMessage("larger than 4 bytes");
  }

  @Test
  void aSymlinkToDevZeroIsRefusedWithoutReading() throws IOException {
    Path devZero = Path.of("/dev/zero");
    assumeThat(Files.exists(devZero)).as("/dev/zero on this machine").isTrue();
    Path link = Files.createSymbolicLink(dir.resolve("hotkey"), devZero);
    assertThatThrownBy(() -> BoundedFiles.read(link, 64 * 1024))
        .isInstanceOf(NotRegularFileException.class)
        .hasMessageContaining("a character device");
  }

  @Test
  void aFifoIsRefusedAtOnceInsteadOfBlocking() throws Exception {
    Path fifo = mkfifo(dir.resolve("pipe.prom"));
    CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
      try {
        BoundedFiles.read(fifo, 1024);
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    Throwable failure = attempt.get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    assertThat(failure).isInstanceOf(NotRegularFileException.class).hasMessageContaining("a FIFO (named pipe)");
    assertThat(((NotRegularFileException) failure).kind()).isEqualTo("a FIFO (named pipe)");
  }

  @Test
  void aSocketAndADirectoryAreRefused() throws IOException {
    Path socket = dir.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertThatThrownBy(() -> BoundedFiles.read(socket, 10)).hasMessageContaining("a socket");
    }
    assertThatThrownBy(() -> BoundedFiles.read(dir, 10)).hasMessageContaining("a directory");
  }

  @Test
  void aMissingFileIsTheUsualNoSuchFile() {
    assertThatThrownBy(() -> BoundedFiles.read(dir.resolve("gone"), 10)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void anEndlessStreamCostsOnlyTheCap() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }
    };
    assertThatThrownBy(() -> BoundedFiles.readCapped(endless, 1 << 20)).isInstanceOf(InputTooLargeException.class);
  }

  @Test
  void malformedUtf8NamesTheOffset() {
    byte[] bytes = {'o', 'k', (byte) 0xff, 'x'};
    assertThatThrownBy(() -> BoundedFiles.utf8(bytes))
        .isInstanceOf(MalformedTextException.class)
        .hasMessage("not valid UTF-8 (at byte 2)");
    assertThat(new ByteArrayInputStream(bytes)).isNotNull();
  }

  static Path mkfifo(Path path) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo works here").isTrue();
    return path;
  }
}
