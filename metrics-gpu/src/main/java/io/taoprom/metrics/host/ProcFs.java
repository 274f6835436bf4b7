package io.taoprom.metrics.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The Linux {@code /proc} file system, or a copy of it (tests point it at a fixture directory).
 * Files there report size 0 and are generated on read, so each read is one short, complete read.
 *
 * <pre>{@code
 * ProcFs proc = ProcFs.system();
 * String loadavg = proc.read("loadavg"); // "0.76 0.62 0.39 1/102 11176\n"
 * String hung = proc.readIfPresent("sys/kernel/hung_task_detect_count"); // null: CONFIG_DETECT_HUNG_TASK off
 * }</pre>
 */
public final class ProcFs {

  private static final ProcFs SYSTEM = new ProcFs(Path.of("/proc"));

  /** Kept per thread between reads; a larger file gets a buffer of its own for that read. */
  private static final int KEPT_BUFFER_BYTES = 64 * 1024;

  // Files.readAllBytes allocates an 8 KiB buffer and a copy for every file; a scrape reads ten
  // of them. Collectors run on the exporter's threads, one collection per collector at a time,
  // so a buffer per thread is both safe and reused.
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

  private final Path root;

  private ProcFs(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** The machine's own {@code /proc}. */
  public static ProcFs system() {
    return SYSTEM;
  }

  /** A directory laid out like {@code /proc}. */
  public static ProcFs at(Path root) {
    return new ProcFs(root);
  }

  /** The directory this reads from. */
  public Path root() {
    return root;
  }

  /** The path of a file below the root, such as {@code net/dev}. */
  public Path path(String relative) {
    return root.resolve(relative);
  }

  /**
   * The whole file as text. The kernel writes ASCII here (device and mount names are octal-escaped),
   * so Latin-1 decoding is exact and the cheapest there is.
   */
  public String read(String relative) throws IOException {
    return read(relative, StandardCharsets.ISO_8859_1);
  }

  /**
   * {@link #read}, or null where the file does not exist: the kernel lacks the feature (a module
   * not loaded, a {@code CONFIG_} option off), which a collector serves as no series.
   */
  public String readIfPresent(String relative) throws IOException {
    try {
      return read(relative);
    } catch (NoSuchFileException absent) {
      return null;
    }
  }

  /**
   * The whole file as UTF-8 text, for files that carry user-chosen names such as mount points
   * ({@code /proc/mounts} escapes only blanks and backslashes; other bytes pass through).
   */
  public String readUtf8(String relative) throws IOException {
    return read(relative, StandardCharsets.UTF_8);
  }

  private String read(String relative, Charset charset) throws IOException {
    byte[] buffer = BUFFER.get();
    int length = 0;
    try (InputStream in = Files.newInputStream(root.resolve(relative))) {
      while (true) {
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          break;
        }
        length += n;
        if (length == buffer.length) {
          byte[] larger = new byte[buffer.length * 2];
          System.arraycopy(buffer, 0, larger, 0, length);
          buffer = larger;
          if (buffer.length <= KEPT_BUFFER_BYTES) {
            BUFFER.set(buffer);
          }
        }
      }
    }
    return new String(buffer, 0, length, charset);
  }

  /** Whether a file exists and can be read. */
  public boolean readable(String relative) {
    return Files.isReadable(root.resolve(relative));
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
