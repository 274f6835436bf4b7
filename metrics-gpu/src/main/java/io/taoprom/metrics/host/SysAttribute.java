package io.taoprom.metrics.host;

import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One attribute file of sysfs, read the way the kernel serves it: a single value of at most a page,
 * made by the driver when it is read; what every host collector that reads sysfs attributes by
 * path reads them with. The outcomes a collector has to tell apart are kept apart:
 *
 * <ul>
 *   <li>the file does not exist (the machine lacks that device or feature): {@code null};
 *   <li>the permissions refuse the open (root-only attributes such as {@code cpuinfo_cur_freq}):
 *       {@link java.nio.file.AccessDeniedException};
 *   <li>the open succeeds and the driver then refuses the read ({@code EINVAL}, {@code ENODATA},
 *       {@code ENODEV}, {@code EIO} from a sensor that is switched off): {@link RefusedAttributeException};
 *   <li>anything else (a loop of links, a file longer than any attribute): an {@link IOException}
 *       naming the file.
 * </ul>
 *
 * <pre>{@code
 * Path temp = sys.path("class/thermal/thermal_zone0/temp");
 * String text = SysAttribute.read(temp);            // "45000\n", or null where there is no zone 0
 * long millidegrees = SysAttribute.parseLong(temp, text); // 45000
 * Optional<String> speed = SysAttribute.readIfDriverShows(sys.path("class/net/eth0/speed")); // empty: link down
 * }</pre>
 *
 * <p>Text is UTF-8; bytes that are not become one U+FFFD per run, as node_exporter's
 * {@code strings.ToValidUTF8} makes them, so a label value is always valid.
 */
public final class SysAttribute {

  /**
   * The longest file read: a page on most machines, and far more than any attribute the host
   * collectors read holds (sensor values, names, model strings). A longer file is refused.
   */
  public static final int MAX_BYTES = 4096;

  /** How much of a bad value an error message quotes. */
  private static final int QUOTED_CHARS = 40;

  // A scrape of a 200-CPU node reads well over a thousand attributes: one buffer per thread
  // (collectors run one collection at a time per thread) instead of one per file.
  private static final ThreadLocal<ByteBuffer> BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(MAX_BYTES + 1));

  private SysAttribute() {}

  /**
   * The attribute's whole text, trailing newline included; {@code null} when the file does not
   * exist.
   *
   * @throws java.nio.file.AccessDeniedException when the permissions refuse the open
   * @throws RefusedAttributeException when the open succeeded and the read failed
   * @throws IOException naming the file for anything else, including a file over {@link #MAX_BYTES}
   */
  public static String read(Path file) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException absent) {
      return null;
    }
    ByteBuffer buffer = BUFFER.get();
    buffer.clear();
    try (channel) {
      try {
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
          // sysfs hands the whole value to the first read; regular files (fixtures) may take more
        }
      } catch (IOException e) {
        throw new RefusedAttributeException(file, e);
      }
    }
    int length = buffer.position();
    if (length > MAX_BYTES) {
      throw new IOException(file + " is longer than " + MAX_BYTES + " bytes: it is longer than a sysfs attribute can be");
    }
    return decode(buffer.array(), length);
  }

  /** {@link #read} without surrounding white space (Go's {@code strings.TrimSpace}); {@code null} when absent. */
  public static String readStripped(Path file) throws IOException {
    String text = read(file);
    return text == null ? null : text.strip();
  }

  /**
   * The value without surrounding white space; empty where the attribute is absent, where this
   * user may not read it, or where the driver refuses the read (a read that fails after the open
   * is a refusal, whatever the file is): node_exporter's hardware collectors skip such attributes.
   *
   * @throws IOException naming the file for anything else, including a file over {@link #MAX_BYTES}
   */
  public static Optional<String> readIfShown(Path file) throws IOException {
    try {
      return Optional.ofNullable(readStripped(file));
    } catch (AccessDeniedException | RefusedAttributeException noValueNow) {
      return Optional.empty();
    }
  }

  /**
   * {@link #readIfShown}, except that a directory where the attribute should be is an error: a
   * driver answers the read of an attribute file ({@code EINVAL} for the {@code speed} of a link
   * that is down, {@code EOPNOTSUPP} for {@code phys_port_name} of a virtual device), never with a
   * directory, and procfs, which node_exporter's network collectors read through, fails on one.
   * Java reports the errno of a failed read only as its (locale-dependent) text, so every other
   * failure of the read itself counts as a refusal.
   *
   * @throws IOException naming the file when it is a directory, longer than {@link #MAX_BYTES} or
   *     otherwise unreadable
   */
  public static Optional<String> readIfDriverShows(Path file) throws IOException {
    try {
      return Optional.ofNullable(readStripped(file));
    } catch (AccessDeniedException denied) {
      return Optional.empty();
    } catch (RefusedAttributeException refused) {
      if (Files.isDirectory(file)) {
        throw new IOException(file + " is a directory, not an attribute", refused);
      }
      return Optional.empty();
    }
  }

  /**
   * A signed decimal integer of up to 64 bits, surrounding white space allowed.
   *
   * @throws IOException naming the file and quoting the text when it is not one
   */
  public static long parseLong(Path file, String text) throws IOException {
    String value = text.strip();
    boolean negative = !value.isEmpty() && value.charAt(0) == '-';
    int start = !value.isEmpty() && (negative || value.charAt(0) == '+') ? 1 : 0;
    if (!asciiDigits(value, start)) {
      throw notA("an integer", file, value);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException outOfRange) {
      throw notA("a 64-bit integer", file, value);
    }
  }

  /**
   * An unsigned decimal integer of up to 64 bits, surrounding white space allowed, as the double
   * node_exporter makes of it.
   *
   * @throws IOException naming the file and quoting the text when it is not one
   */
  public static double parseUnsigned(Path file, String text) throws IOException {
    String value = text.strip();
    if (!asciiDigits(value, 0)) {
      throw notA("an unsigned integer", file, value);
    }
    OptionalLong bits = KernelNumbers.parseUnsignedDecimal(value);
    if (bits.isEmpty()) {
      throw notA("a 64-bit unsigned integer", file, value);
    }
    return KernelNumbers.unsignedToDouble(bits.getAsLong());
  }

  /** A short, escaped, quoted excerpt of outside text for an error message. */
  public static String quote(CharSequence text) {
    return Excerpt.quoted(text, QUOTED_CHARS);
  }

  /** Only '0'..'9' from {@code start} on, at least one (Long.parseLong takes other scripts' digits too). */
  private static boolean asciiDigits(String value, int start) {
    if (start >= value.length()) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static IOException notA(String what, Path file, String value) {
    return new IOException(file + " holds " + quote(value) + ", not " + what);
  }

  /** ASCII as is; otherwise UTF-8 with each run of invalid bytes made one U+FFFD. */
  private static String decode(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] < 0) {
        return collapseReplacements(new String(bytes, 0, length, StandardCharsets.UTF_8));
      }
    }
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }

  private static String collapseReplacements(String text) {
    if (text.indexOf("\uFFFD\uFFFD") < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\uFFFD' || out.length() == 0 || out.charAt(out.length() - 1) != '\uFFFD') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
