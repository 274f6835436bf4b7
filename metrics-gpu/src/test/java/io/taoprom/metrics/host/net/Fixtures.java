package io.taoprom.metrics.host.net;

import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fixture trees of the network collectors:
 * {@code src/test/resources/io/taoprom/metrics/host/<collector>/<machine>/{proc,sys}}, where
 * {@code vm} is a copy of this 2-core VM's files and {@code gpu-server} is written by hand in the
 * kernel's formats.
 */
public final class Fixtures {

  private Fixtures() {}

  /** The {@code /proc} copy of {@code machine} for {@code collector}. */
  public static ProcFs proc(String collector, String machine) {
    return ProcFs.at(dir(collector, machine, "proc"));
  }

  /** The {@code /sys} copy of {@code machine} for {@code collector}. */
  public static SysFs sys(String collector, String machine) {
    return SysFs.at(dir(collector, machine, "sys"));
  }

  /** The directory of {@code machine} for {@code collector}, holding its {@code proc} and/or {@code sys}. */
  public static Path root(String collector, String machine) {
    return dir(collector, machine, "").normalize();
  }

  /** Writes {@code content} to {@code relative} below {@code root}, making the directories. */
  public static Path write(Path root, String relative, String content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dir(String collector, String machine, String tree) {
    String name = "/io/taoprom/metrics/host/" + collector + "/" + machine + (tree.isEmpty() ? "" : "/" + tree);
    URL url = Fixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
