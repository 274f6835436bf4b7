package io.taoprom.cli.mixin;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found without a full parser: string literals,
 * label matchers, ranges and grouping label lists are blanked first, then every identifier that is
 * not a function or aggregation call, a keyword or a number is a metric name. Good for the
 * expressions the mixin ships (checked by {@code PromqlNamesTest}); not a PromQL validator —
 * Prometheus itself is that, in {@code MixinPrometheusIT} and {@code promtool check rules}.
 *
 * <pre>{@code
 * PromqlNames.of("sum by (gpu) (rate(gpu_energy_joules_total{job=\"$job\"}[5m]))")
 *     // [gpu_energy_joules_total]
 * }</pre>
 */
public final class PromqlNames {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.$]+");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
      "group_left", "group_right", "bool", "offset", "inf", "nan", "atan2");

  private PromqlNames() {}

  /** The metric names {@code expr} selects, sorted. */
  public static Set<String> of(String expr) {
    String s = STRING.matcher(expr).replaceAll("\"\"");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = RANGE.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      String token = m.group();
      char first = token.charAt(0);
      boolean identifier = Character.isLetter(first) || first == '_' || first == ':';
      if (!identifier || token.indexOf('.') >= 0 || token.indexOf('$') >= 0
          || KEYWORDS.contains(token.toLowerCase(java.util.Locale.ROOT)) || isCall(s, m.end())) {
        continue;
      }
      names.add(token);
    }
    return names;
  }

  private static boolean isCall(String s, int end) {
    for (int i = end; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '(';
      }
    }
    return false;
  }
}
