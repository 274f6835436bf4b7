package io.taoprom.metrics.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A one-line reason for a kernel file that is there but cannot be read, naming the file: what a
 * collector throws so that the exporter reports it ({@code success 0}) with something to act on.
 *
 * <pre>{@code
 * try {
 *   text = proc.read("mdstat");
 * } catch (IOException e) {
 *   throw ReadError.of(proc.path("mdstat"), e); // "cannot read /proc/mdstat: Is a directory"
 * }
 * }</pre>
 */
public final class ReadError {

  private ReadError() {}

  /** {@code cause} restated as "cannot read PATH: REASON". */
  public static IOException of(Path path, IOException cause) {
    return new IOException("cannot read " + path + ": " + reason(cause), cause);
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
