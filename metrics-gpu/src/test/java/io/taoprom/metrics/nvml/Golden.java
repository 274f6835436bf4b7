package io.taoprom.metrics.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Golden expositions under {@code src/test/resources/io/taoprom/metrics/nvml/}. Placeholders
 * like {@code pid="${pid}"} stand for label values that differ per run. After a deliberate change of the
 * output, {@code -Dtaoprom.golden.update=true} rewrites the files in the source tree; review
 * the diff before committing.
 */
final class Golden {

  private Golden() {}

  static void assertMatches(String name, String actual, Map<String, String> placeholders) throws IOException {
    if (Boolean.getBoolean("taoprom.golden.update")) {
      String template = actual;
      for (Map.Entry<String, String> p : placeholders.entrySet()) {
        template = template.replace("=\"" + p.getValue() + "\"", "=\"${" + p.getKey() + "}\"");
      }
      Path file = Path.of(System.getProperty("taoprom.root", "."),
          "metrics-gpu/src/test/resources/io/taoprom/metrics/nvml", name);
      Files.writeString(file, template, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(read(name, placeholders));
  }

  /** The golden file {@code name} with its placeholders filled in. */
  static String read(String name, Map<String, String> placeholders) throws IOException {
    String expected;
    try (InputStream in = Golden.class.getResourceAsStream(name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      expected = expected.replace("${" + p.getKey() + "}", p.getValue());
    }
    return expected;
  }
}
