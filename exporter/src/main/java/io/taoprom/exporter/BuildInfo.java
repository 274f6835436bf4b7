package io.taoprom.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * TaoProm's version and git revision as the build recorded them, for
 * {@code taoprom_build_info} and {@code --version}; {@code "unknown"} where the build did not
 * record them (running from an IDE, a revision not passed with {@code -Dtaoprom.revision}).
 *
 * <pre>{@code
 * BuildInfo info = BuildInfo.load();
 * System.out.println("taoprom " + info.version() + " (" + info.revision() + ")");
 * }</pre>
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param revision the git commit the build came from
 */
public record BuildInfo(String version, String revision) {

  private static final String RESOURCE = "/io/taoprom/exporter/build-info.properties";
  private static final String UNKNOWN = "unknown";

  /** Reads the filtered build resource, then the jar manifest; falls back to "unknown". */
  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Unknown it is: the build info is a courtesy, never a reason to fail.
    }
    String version = clean(properties.getProperty("version"));
    if (version.equals(UNKNOWN)) {
      version = clean(BuildInfo.class.getPackage().getImplementationVersion());
    }
    return new BuildInfo(version, clean(properties.getProperty("revision")));
  }

  private static String clean(String value) {
    // An unfiltered resource still says ${...}.
    return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.strip();
  }
}
