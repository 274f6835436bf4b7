package io.taoprom.metrics.host;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a program on the PATH; skips the test where it is missing, fails where {@code CI=true}. */
public final class ExternalTool {

  private ExternalTool() {}

  /** The first of {@code names} found on the PATH. */
  public static Path require(String debianPackage, String... names) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : names) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String message = names[0] + " is not on the PATH; install the Debian package " + debianPackage;
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    assumeTrue(false, message);
    throw new AssertionError("unreachable");
  }
}
