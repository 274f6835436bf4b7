package io.taoprom.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The fake {@code libnvidia-ml} of {@code metrics-gpu/src/test/c/fake_nvml.c} built for a
 * {@code taoprom serve} process: compiled with gcc into the test's directory, with the script it
 * answers from written beside it. The serve process gets the library with
 * {@code --nvml.library} and the script through {@code FAKE_NVML_SCRIPT}, which the fake reads
 * at its first {@code nvmlInit} (see the C file for the script's syntax).
 *
 * <pre>{@code
 * FakeNvmlLibrary nvml = FakeNvmlLibrary.build(dir, "devices 2", "dev 0 xid 79");
 * ServeProcess.start(List.of(), nvml.serveArgs(), List.of(), nvml.environment());
 * }</pre>
 *
 * <p>Without gcc the test is skipped with a message, except under {@code CI=true}, where it fails.
 */
final class FakeNvmlLibrary {

  private final Path library;
  private final Path script;

  private FakeNvmlLibrary(Path library, Path script) {
    this.library = library;
    this.script = script;
  }

  /** Compiles the fake into {@code dir} and writes {@code scriptLines} as its script. */
  static FakeNvmlLibrary build(Path dir, String... scriptLines) throws IOException, InterruptedException {
    String root = System.getProperty("taoprom.root");
    Path source = (root != null ? Path.of(root) : Path.of("..")).resolve("metrics-gpu/src/test/c/fake_nvml.c");
    if (!Files.isRegularFile(source)) {
      fail("fake NVML source not found at " + source.toAbsolutePath() + " (set -Dtaoprom.root to the repository)");
    }
    Path library = dir.resolve("libnvidia-ml.so.1");
    Process gcc;
    try {
      gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o", library.toString(),
          source.toAbsolutePath().toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      String why = "the fake libnvidia-ml needs gcc: " + e.getMessage();
      if ("true".equals(System.getenv("CI"))) {
        fail(why + " (CI=true, so this is a failure, not a skip)");
      }
      Assumptions.abort(why + " (skipped)");
      throw e;
    }
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!gcc.waitFor(120, TimeUnit.SECONDS)) {
      gcc.destroyForcibly();
      fail("gcc did not compile the fake NVML in 120 s");
    }
    if (gcc.exitValue() != 0) {
      fail("gcc failed to compile " + source + ":\n" + output);
    }
    Path script = Files.writeString(dir.resolve("fake-nvml-script.txt"), String.join("\n", scriptLines) + "\n");
    return new FakeNvmlLibrary(library, script);
  }

  /** The serve options that load this library. */
  List<String> serveArgs() {
    return List.of("--nvml.library", library.toString());
  }

  /** The environment that hands the fake its script. */
  Map<String, String> environment() {
    return Map.of("FAKE_NVML_SCRIPT", script.toString());
  }
}
