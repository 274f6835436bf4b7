package io.taoprom.untrusted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file from outside (a keyfile, a textfile, a web config) only if it is a regular file,
 * and only up to a cap that is enforced while reading, never taken from the file's stated size:
 * a symbolic link to {@code /dev/zero} states 0 bytes and never ends, a FIFO blocks its reader
 * until someone writes.
 *
 * <pre>{@code
 * byte[] bytes = BoundedFiles.read(path, 64 * 1024);
 * String text = BoundedFiles.readUtf8(path, 4 << 20);   // strict: malformed UTF-8 is an error
 * }</pre>
 *
 * <p>Symbolic links are followed (as node_exporter and btcli do); what they point to must be a
 * regular file. The type is checked just before the file is opened, so a FIFO put in its place
 * in between could still block that one read; callers that must never block run the read under a
 * deadline of their own.
 */
public final class BoundedFiles {

  // File type bits of st_mode, as the "unix" attribute view reports them on Linux and macOS.
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFIFO = 0010000;

  private BoundedFiles() {}

  /**
   * The file's bytes.
   *
   * @throws NotRegularFileException when {@code file} (after links) is a FIFO, device, socket or
   *     directory; its message names the kind
   * @throws InputTooLargeException when the file holds more than {@code maxBytes}
   * @throws IOException when it cannot be read ({@link java.nio.file.NoSuchFileException}, {@link
   *     java.nio.file.AccessDeniedException}, ...)
   */
  public static byte[] read(Path file, int maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    requireRegular(file);
    try (InputStream in = Files.newInputStream(file)) {
      return readCapped(in, maxBytes);
    }
  }

  /** {@link #read}, decoded as strict UTF-8 ({@link MalformedTextException} when it is not). */
  public static String readUtf8(Path file, int maxBytes) throws IOException {
    return utf8(read(file, maxBytes));
  }

  /**
   * At most {@code maxBytes} from {@code in}, read in steps so that a stream that never ends
   * costs only the cap.
   *
   * @throws InputTooLargeException when the stream holds more
   */
  public static byte[] readCapped(InputStream in, int maxBytes) throws IOException {
    byte[] data = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
    if (data.length > maxBytes) {
      throw new InputTooLargeException(maxBytes);
    }
    return data;
  }

  /**
   * Strict UTF-8: malformed input is an error, never replacement characters.
   *
   * @throws MalformedTextException naming the offset of the first bad byte
   */
  public static String utf8(byte[] bytes) throws MalformedTextException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedTextException(buffer.position(), e);
    }
  }

  /**
   * Checks that {@code file}, after links, is a regular file.
   *
   * @throws NotRegularFileException naming what it is instead
   */
  public static void requireRegular(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isRegularFile()) {
      return;
    }
    throw new NotRegularFileException(file, kind(file, attributes));
  }

  private static String kind(Path file, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    try {
      Object mode = Files.getAttribute(file, "unix:mode");
      if (mode instanceof Integer m) {
        switch (m & S_IFMT) {
          case S_IFIFO: return "a FIFO (named pipe)";
          case S_IFCHR: return "a character device";
          case S_IFBLK: return "a block device";
          case S_IFSOCK: return "a socket";
          case S_IFDIR: return "a directory";
          default: break;
        }
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // no unix view on this platform: the generic answer below will do
    }
    return "not a regular file (a device, FIFO or socket)";
  }
}
