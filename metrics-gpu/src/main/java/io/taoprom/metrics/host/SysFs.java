package io.taoprom.metrics.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Linux {@code /sys} file system, or a copy of it (tests point it at a fixture directory).
 * Sysfs holds one value per attribute file; a device or class is a directory of them, and what a
 * machine lacks is simply absent, so "not there" is an answer here, not an error.
 *
 * <pre>{@code
 * SysFs sys = SysFs.system();
 * for (String iface : sys.list("class/net")) {                        // [eth0, lo]
 *   Optional<String> mtu = sys.attribute("class/net/" + iface + "/mtu"); // Optional[1500]
 *   double dropped = sys.unsigned("class/net/" + iface + "/statistics/rx_dropped", 0); // 12.0
 * }
 * }</pre>
 */
public final class SysFs {

  private static final SysFs SYSTEM = new SysFs(Path.of("/sys"));

  private final Path root;
  private final ProcFs reader;

  private SysFs(Path root) {
    this.root = Objects.requireNonNull(root, "root");
    // The same short, complete reads as /proc: attribute files also report size 4096 or 0
    // whatever they hold, and are generated on read.
    this.reader = ProcFs.at(root);
  }

  /** The machine's own {@code /sys}. */
  public static SysFs system() {
    return SYSTEM;
  }

  /** A directory laid out like {@code /sys}. */
  public static SysFs at(Path root) {
    return new SysFs(root);
  }

  /** The directory this reads from. */
  public Path root() {
    return root;
  }

  /** The path of a file or directory below the root, such as {@code class/net}. */
  public Path path(String relative) {
    return root.resolve(relative);
  }

  /** The whole file as text (Latin-1, which the kernel's ASCII is a subset of). */
  public String read(String relative) throws IOException {
    return reader.read(relative);
  }

  /**
   * An attribute's value without its trailing newline and blanks; empty when the file does not
   * exist (the machine lacks that device, driver or kernel feature). Other failures, such as the
   * {@code EINVAL} some drivers answer for a link that is down, are thrown naming the file
   * ({@link ReadError}): the caller decides whether that attribute is optional.
   */
  public Optional<String> attribute(String relative) throws IOException {
    try {
      return Optional.of(reader.read(relative).strip());
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw ReadError.of(path(relative), e);
    }
  }

  /**
   * An attribute that holds an unsigned decimal number of up to 64 bits, as the nearest double
   * (node_exporter's {@code float64(uint64)}); {@code absent} where the file does not exist.
   *
   * @throws MalformedFileException naming the file and quoting its value when that is not such a
   *     number
   * @throws IOException naming the file when it cannot be read
   */
  public double unsigned(String relative, double absent) throws IOException {
    Optional<String> text = attribute(relative);
    if (text.isEmpty()) {
      return absent;
    }
    OptionalLong bits = KernelNumbers.parseUnsignedDecimal(text.get());
    if (bits.isEmpty()) {
      throw MalformedFileException.expected(path(relative), "an unsigned number", text.get());
    }
    return KernelNumbers.unsignedToDouble(bits.getAsLong());
  }

  /**
   * The names in a directory (links included, as sysfs class directories are links), sorted;
   * empty when the directory does not exist.
   */
  public List<String> list(String relative) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.resolve(relative))) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    } catch (NoSuchFileException | NotDirectoryException absent) {
      return List.of();
    }
    Collections.sort(names);
    return names;
  }

  /** Whether a file or directory exists below the root. */
  public boolean exists(String relative) {
    return Files.exists(root.resolve(relative));
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
