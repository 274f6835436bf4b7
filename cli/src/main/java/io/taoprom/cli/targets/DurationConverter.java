package io.taoprom.cli.targets;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations the way Prometheus writes them: {@code 500ms}, {@code 12s}, {@code 5m}, {@code 1h}; a bare number is seconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.strip());
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write e.g. 500ms, 12s, 5m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d = switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
    if (d.isZero()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is zero; give a positive duration");
    }
    return d;
  }
}
