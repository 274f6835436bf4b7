package io.taoprom.metrics.host.uname;

import io.taoprom.metrics.host.OshiHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The portable path. On BSD and macOS the {@code uname} command gives the kernel's strings (run
 * once; they do not change); the node name comes from OSHI on each scrape and is split at its
 * first dot into node and domain name, as node_exporter does on systems without a domain name.
 * Where there is no {@code uname} command (Windows), the JVM's {@code os.name} and
 * {@code os.version} stand in.
 */
final class OshiUnameSource implements UnameSource {

  private final OshiHost oshi;
  private volatile Uname fixed;

  OshiUnameSource(OshiHost oshi) {
    this.oshi = oshi;
  }

  @Override
  public Uname read() throws IOException {
    Uname kernel = fixed;
    if (kernel == null) {
      kernel =
          new Uname(
              command("-s", System.getProperty("os.name", "")),
              command("-r", System.getProperty("os.version", "")),
              command("-v", oshi.await().os().getVersionInfo().toString()),
              command("-m", Machine.fromJavaArch(System.getProperty("os.arch", ""))),
              "",
              "");
      fixed = kernel;
    }
    String host = oshi.await().os().getNetworkParams().getHostName();
    int dot = host.indexOf('.');
    return new Uname(
        kernel.sysname(),
        kernel.release(),
        kernel.version(),
        kernel.machine(),
        dot < 0 ? host : host.substring(0, dot),
        dot < 0 ? "(none)" : host.substring(dot + 1));
  }

  private static String command(String flag, String fallback) {
    try {
      Process process = new ProcessBuilder("uname", flag).redirectErrorStream(true).start();
      try (InputStream out = process.getInputStream()) {
        String text = new String(out.readNBytes(4096), StandardCharsets.UTF_8).trim();
        if (process.waitFor(2, TimeUnit.SECONDS) && process.exitValue() == 0 && !text.isEmpty()) {
          return text;
        }
      } finally {
        process.destroy();
      }
    } catch (IOException e) {
      // no uname command here: fall through to what the JVM knows
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return fallback;
  }
}
