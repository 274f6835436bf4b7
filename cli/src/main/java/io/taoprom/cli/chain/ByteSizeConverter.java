package io.taoprom.cli.chain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Sizes in bytes: {@code 16MiB}, {@code 512KiB}, {@code 1048576}; {@code MB}/{@code KB} are read as the binary units too. */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Integer> {

  private static final Pattern FORM = Pattern.compile("(\\d{1,10})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

  @Override
  public Integer convert(String value) {
    Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a size; write e.g. 16MiB, 512KiB or 1048576");
    }
    long n = Long.parseLong(m.group(1));
    if (n > Integer.MAX_VALUE) {
      throw new CommandLine.TypeConversionException("'" + value + "' is more than 2 GiB");
    }
    String unit = m.group(2) == null ? "b" : m.group(2);
    long bytes = switch (unit.charAt(0)) {
      case 'k' -> n << 10;
      case 'm' -> n << 20;
      case 'g' -> n << 30;
      default -> n;
    };
    if (bytes > Integer.MAX_VALUE) {
      throw new CommandLine.TypeConversionException("'" + value + "' is more than 2 GiB");
    }
    return (int) bytes;
  }
}
