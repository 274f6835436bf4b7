package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

  @Test
  void readsFilesOfAnySizeThroughTheReusedBuffer(@TempDir Path dir) throws IOException {
    String small = "0.76 0.62 0.39 1/102 11176\n";
    String large = "x".repeat(200_000) + "\n"; // past the kept 64 KiB buffer
    String mounts = "/dev/sda1 /srv/caf\u00e9 ext4 rw 0 0\n";
    Files.writeString(dir.resolve("small"), small);
    Files.writeString(dir.resolve("large"), large);
    Files.writeString(dir.resolve("mounts"), mounts, StandardCharsets.UTF_8);
    ProcFs proc = ProcFs.at(dir);

    assertThat(proc.read("small")).isEqualTo(small);
    assertThat(proc.read("large")).isEqualTo(large);
    assertThat(proc.read("small")).isEqualTo(small);
    assertThat(proc.readUtf8("mounts")).isEqualTo(mounts);
    assertThatThrownBy(() -> proc.read("absent")).isInstanceOf(NoSuchFileException.class);
  }
}
