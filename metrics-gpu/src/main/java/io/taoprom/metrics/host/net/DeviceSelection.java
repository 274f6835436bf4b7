package io.taoprom.metrics.host.net;

import io.taoprom.exporter.spi.CollectorConfig;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * node_exporter's {@code --collector.X.device-include} / {@code --collector.X.device-exclude}
 * pair: a device is left out when the exclusion is found in its name, or when an inclusion is
 * given and not found in it (regular expressions are searched, not matched whole, as Go's
 * {@code MatchString}). Neither given: every device is kept.
 *
 * <pre>{@code
 * DeviceSelection devices = DeviceSelection.of(config, "arp.device-include", "arp.device-exclude");
 * if (!devices.ignored("docker0")) { ... }
 * }</pre>
 */
public final class DeviceSelection {

  private static final DeviceSelection ALL = new DeviceSelection(null, null);

  private final Pattern include;
  private final Pattern exclude;

  private DeviceSelection(Pattern include, Pattern exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  /** Keeps every device. */
  public static DeviceSelection all() {
    return ALL;
  }

  /**
   * The selection that the two options give in {@code config}; an option that is absent or empty
   * selects nothing out.
   *
   * @throws IllegalArgumentException naming the option and value when an expression is invalid
   */
  public static DeviceSelection of(CollectorConfig config, String includeOption, String excludeOption) {
    Pattern include = compile(includeOption, config.value(includeOption).orElse(""));
    Pattern exclude = compile(excludeOption, config.value(excludeOption).orElse(""));
    return include == null && exclude == null ? ALL : new DeviceSelection(include, exclude);
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
          "--" + option + " '" + regex + "' is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  /** Whether {@code device} is left out. */
  public boolean ignored(String device) {
    return exclude != null && exclude.matcher(device).find()
        || include != null && !include.matcher(device).find();
  }

  @Override
  public String toString() {
    return "include " + (include == null ? "(all)" : include.pattern())
        + ", exclude " + (exclude == null ? "(none)" : exclude.pattern());
  }
}
