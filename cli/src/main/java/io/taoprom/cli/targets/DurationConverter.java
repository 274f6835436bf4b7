package io.taoprom.cli.targets;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations the way Prometheus writes them: {@code 500ms}, {@code 12s}, {@code 5m}, {@code 1h};
 * a bare number is seconds, and seconds may have a fraction ({@code 2.5}, {@code 1.5s}).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.strip());
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write e.g. 500ms, 12s, 2.5s, 5m or 1h");
    }
    String unit = m.group(2) == null ? "s" : m.group(2);
    BigDecimal millisPerUnit = BigDecimal.valueOf(switch (unit) {
      case "ms" -> 1L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      default -> 1000L;
    });
    long millis = new BigDecimal(m.group(1)).multiply(millisPerUnit).longValue();
    if (millis == 0) {
      throw new CommandLine.TypeConversionException("'" + value + "' is zero; give a positive duration");
    }
    return Duration.ofMillis(millis);
  }
}
