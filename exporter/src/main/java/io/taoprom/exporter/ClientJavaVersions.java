package io.taoprom.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks, before the exporter starts, that the client_java on the class path
 * ({@code io.prometheus:prometheus-metrics-*}) is the version TaoProm was built against or later,
 * and one version throughout.
 *
 * <p>Why: Maven takes a managed version from the first BOM that names it, so an application that
 * imports client_java's BOM 1.3.6 before {@code taoprom-bom} compiles and then fails inside
 * client_java ({@code 'taoprom_build_info': Illegal metric name}), far from the cause. This says
 * the cause and the fix in one line instead. A jar without Maven's {@code pom.properties} (a shaded
 * or repackaged client_java) is not checked: there is nothing to read.
 *
 * <pre>{@code
 * ClientJavaVersions.check(TaoPromExporter.class.getClassLoader()); // IllegalStateException naming the fix
 * }</pre>
 */
final class ClientJavaVersions {

  /** The artifacts TaoProm's exporter and collectors load classes from. */
  static final List<String> ARTIFACTS = List.of(
      "prometheus-metrics-config",
      "prometheus-metrics-model",
      "prometheus-metrics-core",
      "prometheus-metrics-exposition-formats",
      "prometheus-metrics-exposition-textformats",
      "prometheus-metrics-instrumentation-jvm");

  private static final String BUILD_INFO = "io/taoprom/exporter/build-info.properties";

  private ClientJavaVersions() {}

  /**
   * Throws where the class path holds an older client_java than the build's, or a mix of versions.
   *
   * @throws IllegalStateException with one line naming the versions found and the fix
   */
  static void check(ClassLoader loader) {
    String required = property(loader, BUILD_INFO, "client_java");
    if (required == null || required.contains("${")) {
      return; // an unfiltered build (an IDE): nothing to compare with
    }
    Map<String, String> found = new TreeMap<>();
    for (String artifact : ARTIFACTS) {
      String version = property(loader, "META-INF/maven/io.prometheus/" + artifact + "/pom.properties", "version");
      if (version != null) {
        found.put(artifact, version);
      }
    }
    String problem = problem(found, required);
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** Null where {@code found} (artifact to version) is fine; else the one-line message. */
  static String problem(Map<String, String> unordered, String required) {
    Map<String, String> found = new TreeMap<>(unordered); // the message names them in order
    List<String> older = new ArrayList<>();
    found.forEach((artifact, version) -> {
      if (compare(version, required) < 0) {
        older.add(artifact + " " + version);
      }
    });
    String fix = "import io.taoprom:taoprom-bom before io.prometheus:prometheus-metrics-bom in"
        + " <dependencyManagement> (the first BOM to name an artifact sets its version), or remove the older pin";
    if (!older.isEmpty()) {
      return "client_java is older on the class path than TaoProm needs (" + String.join(", ", older)
          + "; TaoProm needs io.prometheus:prometheus-metrics-* " + required + " or later): " + fix;
    }
    if (new TreeSet<>(found.values()).size() > 1) {
      List<String> all = new ArrayList<>();
      found.forEach((artifact, version) -> all.add(artifact + " " + version));
      return "client_java's artifacts are of different versions on the class path (" + String.join(", ", all)
          + "); they must be one version, " + required + " or later: " + fix;
    }
    return null;
  }

  /** Compares dotted numeric versions ({@code 1.3.6} < {@code 1.10.0}); a qualifier after '-' is ignored. */
  static int compare(String a, String b) {
    String[] x = a.split("-", 2)[0].split("\\.");
    String[] y = b.split("-", 2)[0].split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Long.compare(number(x, i), number(y, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static long number(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Long.parseLong(parts[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String property(ClassLoader loader, String resource, String key) {
    try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      String value = properties.getProperty(key);
      return value == null ? null : value.strip();
    } catch (IOException | IllegalArgumentException e) {
      return null; // unreadable: not checked, as for a shaded jar
    }
  }
}
