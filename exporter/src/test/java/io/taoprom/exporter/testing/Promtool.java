package io.taoprom.exporter.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own linter ({@code promtool check metrics}) over an exposition: the parser and
 * naming rules Prometheus applies, not ours. Skipped with a message where promtool is not
 * installed, except in CI ({@code CI=true}). In the exporter's test jar, for every module that lints
 * an exposition.
 */
public final class Promtool {

  private Promtool() {}

  /** The linter's findings; empty when the exposition parses and follows the naming rules. */
  public static String check(String exposition) throws IOException, InterruptedException {
    Process promtool;
    try {
      promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    } catch (IOException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("promtool is needed to lint the exposition, and CI=true: " + e.getMessage());
      }
      Assumptions.abort("skipped: promtool not installed (Debian package prometheus): " + e.getMessage());
      throw e;
    }
    try (OutputStream in = promtool.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!promtool.waitFor(60, TimeUnit.SECONDS)) {
      promtool.destroyForcibly();
      fail("promtool did not finish in 60 s");
    }
    return promtool.exitValue() == 0 ? "" : "exit " + promtool.exitValue() + ": " + output.strip();
  }
}
