package io.taoprom.metrics.host.zfs;

import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two kstat layouts OpenZFS writes under {@code /proc/spl/kstat/zfs}. A named kstat
 * ({@code arcstats}, {@code objset-0x36}) is a header line, a {@code name type data} line and one
 * line per value:
 *
 * <pre>
 * 13 1 0x01 147 39984 5432710452 1163480236311497
 * name                            type data
 * hits                            4    1489921473
 * dataset_name                    7    tank/checkpoints
 * </pre>
 *
 * where type 4 is an unsigned and 3 a signed 64-bit integer (other types are not served); an I/O
 * kstat (a pool's {@code io}) is a header, a line of field names starting with {@code nread} and a
 * line of values.
 */
final class Kstat {

  static final String UINT64 = "4";
  static final String INT64 = "3";
  static final String STRING = "7";

  /** One value of a named kstat. */
  record Named(String name, String type, String data) {}

  private Kstat() {}

  /**
   * The values after the {@code name type data} line.
   *
   * @param file the path to name in errors
   * @throws IOException when there is no such line: not a named kstat
   */
  static List<Named> named(Path file, String text) throws IOException {
    List<Named> out = new ArrayList<>();
    boolean started = false;
    for (String line : text.split("\n")) {
      String[] parts = line.strip().split("\\s+", 3);
      if (!started) {
        started = parts.length == 3 && parts[0].equals("name") && parts[1].equals("type") && parts[2].equals("data");
        continue;
      }
      if (parts.length == 3) {
        out.add(new Named(parts[0], parts[1], parts[2].strip()));
      }
    }
    if (!started) {
      throw new IOException(file + ": no \"name type data\" line; not a kstat file");
    }
    return out;
  }

  /** A kstat's value as a number: unsigned (type 4) or signed (type 3). */
  static double number(Path file, Named value) throws IOException {
    try {
      if (value.type().equals(INT64)) {
        return Long.parseLong(value.data());
      }
      return KernelNumbers.unsignedToDouble(Long.parseUnsignedLong(value.data()));
    } catch (NumberFormatException e) {
      throw MalformedFileException.expected(file, "an integer for " + Excerpt.of(value.name(), 60), value.data());
    }
  }

  /**
   * An I/O kstat's field names and values.
   *
   * @return pairs of name and value, empty when the file has no {@code nread ...} line yet
   */
  static List<String[]> io(Path file, String text) throws IOException {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String[] names = lines[i].strip().split("\\s+");
      if (names.length >= 12 && names[0].equals("nread")) {
        if (i + 1 >= lines.length) {
          throw new IOException(file + ": no values after the field names");
        }
        String[] values = lines[i + 1].strip().split("\\s+");
        if (values.length != names.length) {
          throw MalformedFileException.expected(file, i + 2, names.length + " values", lines[i + 1]);
        }
        List<String[]> out = new ArrayList<>(names.length);
        for (int j = 0; j < names.length; j++) {
          out.add(new String[] {names[j], values[j]});
        }
        return out;
      }
    }
    return List.of();
  }
}
