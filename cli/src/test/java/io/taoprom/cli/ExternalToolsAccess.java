package io.taoprom.cli;

import java.nio.file.Path;
import java.util.Optional;

/** {@link ExternalTools} for tests in other packages of this module. */
public final class ExternalToolsAccess {

  private ExternalToolsAccess() {}

  /** The program's path; skips (or fails, in CI) when it is not on PATH. */
  public static Path require(String program, String howToInstall) {
    return ExternalTools.require(program, howToInstall);
  }

  /** The program's path, if it is on PATH. */
  public static Optional<Path> find(String program) {
    return ExternalTools.find(program);
  }
}
