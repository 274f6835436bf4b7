package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The exporter in a JVM of its own with a 32 MB heap, serving 10,000 series in every format
 * ({@link LowMemoryMain}); it must answer every scrape with 200.
 */
class LowMemoryIT {

  @Test
  void servesTenThousandSeriesInA32MegabyteHeap() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), LowMemoryMain.class.getName(), "60"))
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    System.out.println(output.strip());
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("scrapes=60 failures=0");
  }
}
