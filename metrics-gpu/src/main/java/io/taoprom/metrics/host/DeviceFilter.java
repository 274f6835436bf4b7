package io.taoprom.metrics.host;

import io.taoprom.exporter.spi.CollectorConfig;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * node_exporter's device filters: {@code --collector.X.Y-exclude} alone (diskstats, netdev,
 * filesystem, tapestats, with node_exporter's defaults), or an exclusion and an inclusion together
 * ({@code --collector.hwmon.chip-exclude}/{@code -include}, the network collectors'
 * {@code device-exclude}/{@code device-include}). Each is a regular expression searched (not
 * matched whole, as Go's {@code MatchString}) in a device name, mount point or file-system type;
 * the defaults are anchored themselves. A name is ignored when the exclusion is found in it, or
 * when an inclusion is given and not found in it; the exclusion wins.
 *
 * <pre>{@code
 * DeviceFilter disks = DeviceFilter.exclude(config, "diskstats.device-exclude", DEFAULT);
 * if (!disks.ignored("loop0")) { ... }
 * DeviceFilter chips = DeviceFilter.excludeInclude(config, "hwmon.chip-exclude", "hwmon.chip-include");
 * }</pre>
 */
public final class DeviceFilter {

  private static final DeviceFilter NONE = new DeviceFilter(null, null);

  private final Pattern exclude;
  private final Pattern include;

  private DeviceFilter(Pattern exclude, Pattern include) {
    this.exclude = exclude;
    this.include = include;
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
    Pattern exclude = compile(option, config.value(option).orElse(defaultRegex));
    return exclude == null ? NONE : new DeviceFilter(exclude, null);
  }

  /**
   * node_exporter's pair of an exclusion and an inclusion, neither with a default: a name is
   * ignored when the exclusion is found in it, or when an inclusion is given and not found in it.
   * An empty value is the same as none.
   *
   * @throws IllegalArgumentException naming the option and value when an expression is invalid
   */
  public static DeviceFilter excludeInclude(CollectorConfig config, String excludeOption, String includeOption) {
    Pattern exclude = compile(excludeOption, config.value(excludeOption).orElse(""));
    Pattern include = compile(includeOption, config.value(includeOption).orElse(""));
    return exclude == null && include == null ? NONE : new DeviceFilter(exclude, include);
  }

  /**
   * An option's regular expression, or null when it is empty.
   *
   * @throws IllegalArgumentException naming the option and value when the expression is invalid
   */
  public static Pattern compile(String option, String regex) {
    if (regex.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "option " + option + " '" + regex + "' is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  /** Whether {@code name} is excluded, or not included where an inclusion is given. */
  public boolean ignored(String name) {
    return exclude != null && exclude.matcher(name).find()
        || include != null && !include.matcher(name).find();
  }

  @Override
  public String toString() {
    if (include == null) {
      return exclude == null ? "(none)" : exclude.pattern();
    }
    return (exclude == null ? "" : "exclude " + exclude.pattern() + ", ") + "include " + include.pattern();
  }
}
