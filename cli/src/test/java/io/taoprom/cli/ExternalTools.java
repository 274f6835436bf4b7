package io.taoprom.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real programs the integration tests run against ({@code promtool},
 * {@code prometheus}): a test without them is skipped with a message, except under
 * {@code CI=true}, where their absence is a failure.
 */
final class ExternalTools {

  private ExternalTools() {}

  /** The program's path; skips (or fails, in CI) when it is not on PATH. */
  static Path require(String program, String howToInstall) {
    Optional<Path> found = find(program);
    if (found.isPresent()) {
      return found.get();
    }
    String message = program + " is not on PATH; " + howToInstall;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true, so this is a failure, not a skip)");
    }
    Assumptions.abort(message + " (skipped)");
    throw new AssertionError("unreachable");
  }

  static Optional<Path> find(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
