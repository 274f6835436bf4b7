package io.taoprom.metrics.host;

import io.taoprom.untrusted.Excerpt;
import java.util.Locale;

/**
 * A host collector's on/off option, such as {@code --stat.softirq}: {@code true} or {@code false},
 * also {@code yes}/{@code no} and {@code on}/{@code off}, in any case, as node_exporter's flags
 * take them.
 *
 * <pre>{@code
 * boolean softirq = config.value(SOFTIRQ).map(v -> BooleanOption.parse(SOFTIRQ, v)).orElse(false);
 * BooleanOption.parse("stat.softirq", "maybe"); // --stat.softirq must be true or false, got 'maybe'
 * }</pre>
 */
public final class BooleanOption {

  /** How much of a bad value an error message quotes. */
  private static final int QUOTED_CHARS = 40;

  private BooleanOption() {}

  /**
   * The value of {@code option}.
   *
   * @throws IllegalArgumentException naming the option, and quoting the value escaped and cut
   *     short, when it is none of the words above
   */
  public static boolean parse(String option, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(
          "option " + option + " must be true or false, got '" + Excerpt.of(value, QUOTED_CHARS) + "'");
    };
  }
}
