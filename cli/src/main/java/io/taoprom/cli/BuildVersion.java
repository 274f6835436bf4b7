package io.taoprom.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version and git revision this build was made from, as written into
 * {@code io/taoprom/cli/build.properties} by Maven resource filtering; shown by
 * {@code taoprom --version}.
 *
 * <pre>{@code
 * BuildVersion v = BuildVersion.current();
 * System.out.println(v.version() + " " + v.revision());   // 0.1.0-SNAPSHOT 1a2b3c4d5e6f
 * }</pre>
 */
public final class BuildVersion implements CommandLine.IVersionProvider {

  static final String UNKNOWN = "unknown";

  private final String version;
  private final String revision;

  /** Used by picocli; reads the build's properties. */
  public BuildVersion() {
    Properties p = new Properties();
    try (InputStream in = BuildVersion.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build.properties from the taoprom jar", e);
    }
    this.version = filtered(p.getProperty("version"));
    this.revision = filtered(p.getProperty("revision"));
  }

  /** The version of the running build. */
  public static BuildVersion current() {
    return new BuildVersion();
  }

  /** The Maven version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a built jar. */
  public String version() {
    return version;
  }

  /** The abbreviated git commit the build was made from, or {@code unknown} (no git at build time). */
  public String revision() {
    return revision;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "taoprom " + version + (revision.equals(UNKNOWN) ? "" : " (revision " + revision + ")"),
      "java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }

  // An unfiltered placeholder (run from an IDE, or git absent while building) reads as unknown.
  private static String filtered(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.trim();
  }
}
