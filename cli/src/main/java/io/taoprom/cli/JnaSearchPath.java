package io.taoprom.cli;

import java.io.File;
import java.util.Optional;

/**
 * Tells JNA where the system's libraries are, so that it need not ask {@code ldconfig}.
 *
 * <pre>{@code
 * JnaSearchPath.install();   // in main, before any plugin uses JNA
 * }</pre>
 *
 * <p>Why: on Linux, JNA's {@code NativeLibrary} runs {@code /sbin/ldconfig -p} in a child process
 * the first time it is used, unless the system property {@code jna.platform.library.path} names
 * the directories already; on every start of {@code serve}, since the NVML, filesystem, timex and
 * btrfs collectors use JNA. The fork, the exec and the reading of its output cost start-up time
 * and a {@code process reaper} thread. The directories named here are those JNA itself adds
 * besides ldconfig's list. Nothing is lost: JNA first hands a library's name to the dynamic
 * linker, which searches {@code LD_LIBRARY_PATH} and ldconfig's cache itself (that is how
 * {@code libnvidia-ml.so.1} is found); the directories matter only for JNA's own fallback search.
 * A value the user set (with {@code -Djna.platform.library.path=...}) is kept.
 */
final class JnaSearchPath {

  static final String PROPERTY = "jna.platform.library.path";

  private JnaSearchPath() {}

  /** Sets {@value #PROPERTY} for this JVM unless it is set or this is not Linux on x86-64 or ARM64. */
  static void install() {
    if (System.getProperty(PROPERTY) == null) {
      forPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""))
          .ifPresent(path -> System.setProperty(PROPERTY, path));
    }
  }

  /** The library directories of a Debian-style multiarch Linux, or empty where JNA should decide. */
  static Optional<String> forPlatform(String osName, String osArch) {
    if (!osName.equals("Linux")) {
      return Optional.empty();
    }
    String triplet = switch (osArch) {
      case "amd64", "x86_64" -> "x86_64-linux-gnu";
      case "aarch64" -> "aarch64-linux-gnu";
      default -> null;
    };
    if (triplet == null) {
      return Optional.empty();
    }
    return Optional.of(String.join(File.pathSeparator,
        "/usr/lib/" + triplet, "/lib/" + triplet, "/usr/lib64", "/lib64", "/usr/lib", "/lib"));
  }
}
