package io.taoprom.metrics.host;

import io.taoprom.exporter.spi.CollectorConfig;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * node_exporter's {@code --collector.X.Y-exclude} filters: a regular expression searched (not
 * matched whole) in a device name, mount point or file-system type. The defaults are
 * node_exporter's and are anchored themselves.
 *
 * <pre>{@code
 * DeviceFilter disks = DeviceFilter.exclude(config, "diskstats.device-exclude", DEFAULT);
 * if (!disks.ignored("loop0")) { ... }
 * }</pre>
 */
public final class DeviceFilter {

  private static final DeviceFilter NONE = new DeviceFilter(null);

  private final Pattern exclude;

  private DeviceFilter(Pattern exclude) {
    this.exclude = exclude;
  }

  /** A filter that ignores nothing. */
  public static DeviceFilter none() {
    return NONE;
  }

  /**
   * The exclusion given by {@code option} in {@code config}, else {@code defaultRegex}; an empty
   * value excludes nothing.
   *
   * @throws IllegalArgumentException naming the option and value when the expression is invalid
   */
  public static DeviceFilter exclude(CollectorConfig config, String option, String defaultRegex) {
    String regex = config.value(option).orElse(defaultRegex);
    if (regex.isEmpty()) {
      return NONE;
    }
    try {
      return new DeviceFilter(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "option " + option + " '" + regex + "' is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  /** Whether {@code name} is excluded. */
  public boolean ignored(String name) {
    return exclude != null && exclude.matcher(name).find();
  }

  @Override
  public String toString() {
    return exclude == null ? "(none)" : exclude.pattern();
  }
}
