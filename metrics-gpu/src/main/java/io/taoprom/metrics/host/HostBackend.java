package io.taoprom.metrics.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the host collectors read from: {@link #PROC} on Linux, {@link #OSHI} elsewhere.
 *
 * <p>The system property {@code taoprom.host.source} ({@code proc} or {@code oshi}) overrides
 * the choice, for example to compare the two on one Linux machine:
 *
 * <pre>{@code
 * java -Dtaoprom.host.source=oshi -jar taoprom.jar serve
 * }</pre>
 */
public enum HostBackend {
  /** Linux {@code /proc} and {@code /proc/sys}, parsed the way node_exporter parses them. */
  PROC,
  /** OSHI, the portable path (macOS, BSD, Windows, or Linux without {@code /proc}). */
  OSHI;

  /** The system property that forces a backend. */
  public static final String PROPERTY = "taoprom.host.source";

  /** The backend for this machine, honouring {@value #PROPERTY}. */
  public static HostBackend detect() {
    String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
    switch (forced) {
      case "proc":
        return PROC;
      case "oshi":
        return OSHI;
      case "":
        break;
      default:
        throw new IllegalArgumentException(
            "-D" + PROPERTY + "=" + forced + " is not a host source; use proc or oshi");
    }
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    return linux && Files.isReadable(Path.of("/proc/stat")) ? PROC : OSHI;
  }
}
