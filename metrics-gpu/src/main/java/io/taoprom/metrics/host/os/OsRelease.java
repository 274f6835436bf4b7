package io.taoprom.metrics.host.os;

import java.util.Map;

/**
 * The fields of an os-release file that node_exporter serves, each empty when the file lacks it.
 *
 * <pre>{@code
 * OsRelease debian = OsRelease.of(Map.of("ID", "debian", "VERSION_ID", "12"));
 * debian.versionId(); // "12"
 * debian.variant();   // ""
 * }</pre>
 */
record OsRelease(
    String name,
    String id,
    String idLike,
    String prettyName,
    String variant,
    String variantId,
    String version,
    String versionId,
    String versionCodename,
    String buildId,
    String imageId,
    String imageVersion,
    String supportEnd) {

  /** The fields from the variables of a parsed file. */
  static OsRelease of(Map<String, String> variables) {
    return new OsRelease(
        variables.getOrDefault("NAME", ""),
        variables.getOrDefault("ID", ""),
        variables.getOrDefault("ID_LIKE", ""),
        variables.getOrDefault("PRETTY_NAME", ""),
        variables.getOrDefault("VARIANT", ""),
        variables.getOrDefault("VARIANT_ID", ""),
        variables.getOrDefault("VERSION", ""),
        variables.getOrDefault("VERSION_ID", ""),
        variables.getOrDefault("VERSION_CODENAME", ""),
        variables.getOrDefault("BUILD_ID", ""),
        variables.getOrDefault("IMAGE_ID", ""),
        variables.getOrDefault("IMAGE_VERSION", ""),
        variables.getOrDefault("SUPPORT_END", ""));
  }
}
