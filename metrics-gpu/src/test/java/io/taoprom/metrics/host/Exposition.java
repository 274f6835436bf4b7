package io.taoprom.metrics.host;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Test helpers: a collector's output in text format 0.0.4, and the {@code /proc} fixture. */
public final class Exposition {

  private Exposition() {}

  /** What client_java's text writer makes of one collection. */
  public static String text(MultiCollector collector) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, collector.collect());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A {@code /proc} copy in the test resources, written by hand in the kernel's formats. */
  public static ProcFs fixtureProc() {
    try {
      return ProcFs.at(Path.of(Exposition.class.getResource("proc/stat").toURI()).getParent());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
