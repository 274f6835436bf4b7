package io.taoprom.metrics.host;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The per-collector fixture trees under {@code src/test/resources/io/taoprom/metrics/host/}:
 * {@code <collector>/<machine>/proc} and {@code <collector>/<machine>/sys}, where machine is
 * {@code vm} (copied from the build VM) or {@code gpu-server} (written by hand in the kernel's
 * formats).
 */
public final class HostFixtures {

  private HostFixtures() {}

  /** The fixture directory {@code <collector>/<machine>}. */
  public static Path dir(String collector, String machine) {
    String name = collector + "/" + machine;
    URL url = HostFixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name + " beside " + HostFixtures.class.getName());
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code <collector>/<machine>/proc} as a {@link ProcFs}. */
  public static ProcFs proc(String collector, String machine) {
    return ProcFs.at(dir(collector, machine).resolve("proc"));
  }

  /** {@code <collector>/<machine>/sys} as a {@link SysFs}. */
  public static SysFs sys(String collector, String machine) {
    return SysFs.at(dir(collector, machine).resolve("sys"));
  }
}
