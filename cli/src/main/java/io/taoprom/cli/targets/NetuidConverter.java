package io.taoprom.cli.targets;

import java.util.List;
import picocli.CommandLine;

/**
 * Converts one subnet id (0 to 65535), or {@code all}, for {@code --netuid} and {@code
 * --sd.netuid}; the options split on commas ({@code 27,51}) and may also be repeated. {@code all}
 * stands for every subnet in {@code NetworksAdded} and comes back as {@link #ALL}.
 */
public final class NetuidConverter implements CommandLine.ITypeConverter<Integer> {

  /** What {@code all} converts to: no subnet has this id. */
  public static final int ALL = -1;

  @Override
  public Integer convert(String value) {
    String p = value.strip();
    if (p.equalsIgnoreCase("all")) {
      return ALL;
    }
    int n;
    try {
      n = Integer.parseInt(p);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + p + "' is not a subnet id; give a number from 0 to 65535, several separated by commas, or all");
    }
    if (n < 0 || n > 65535) {
      throw new CommandLine.TypeConversionException("subnet id " + n + " is out of range; use 0 to 65535, or all");
    }
    return n;
  }

  /** The ids without duplicates, in order. */
  public static List<Integer> distinct(List<Integer> ids) {
    return ids == null ? List.of() : ids.stream().distinct().toList();
  }

  /** Whether {@code all} was given (with or without ids beside it: all of them are in it). */
  public static boolean all(List<Integer> ids) {
    return ids != null && ids.contains(ALL);
  }

  /** The ids for messages: {@code 27,51} or {@code all}. */
  public static String describe(List<Integer> ids) {
    return all(ids) ? "all" : String.join(",", distinct(ids).stream().map(String::valueOf).toList());
  }
}
