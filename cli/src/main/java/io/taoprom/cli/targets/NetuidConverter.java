package io.taoprom.cli.targets;

import java.util.List;
import picocli.CommandLine;

/**
 * Converts one subnet id (0 to 65535) for {@code --netuid} and {@code --sd.netuid}; the options
 * split on commas ({@code 27,51}) and may also be repeated.
 */
public final class NetuidConverter implements CommandLine.ITypeConverter<Integer> {

  @Override
  public Integer convert(String value) {
    String p = value.strip();
    int n;
    try {
      n = Integer.parseInt(p);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + p + "' is not a subnet id; give a number from 0 to 65535, or several separated by commas");
    }
    if (n < 0 || n > 65535) {
      throw new CommandLine.TypeConversionException("subnet id " + n + " is out of range; use 0 to 65535");
    }
    return n;
  }

  /** The ids without duplicates, in order. */
  public static List<Integer> distinct(List<Integer> ids) {
    return ids == null ? List.of() : ids.stream().distinct().toList();
  }
}
