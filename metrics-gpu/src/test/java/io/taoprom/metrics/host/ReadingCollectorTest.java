package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadingCollectorTest {

  @Test
  void aFailedReadIsThrownOnUncheckedWithItsCause() {
    MalformedFileException malformed = new MalformedFileException(Path.of("/proc/stat"), "has no btime line");
    ReadingCollector failing = () -> {
      throw malformed;
    };

    assertThatThrownBy(failing::collect)
        .isInstanceOf(UncheckedIOException.class)
        .hasCause(malformed)
        .hasMessageContaining("/proc/stat has no btime line");
  }

  @Test
  void aReadIsTheCollection() throws IOException {
    ReadingCollector empty = MetricSnapshots::of;

    assertThat(empty.collect()).isEmpty();
  }
}
