package io.taoprom.core.wallet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secret files the careful way: the bytes go to a temporary file created with mode 0600
 * in the target directory, are flushed to disk, and only then take the target's name. Without
 * overwrite the final step is a hard link, which fails atomically if the name exists (so two
 * concurrent writers cannot both win); with overwrite it is an atomic rename. A reader never sees
 * a half-written keyfile. Missing parent directories are created with mode 0700.
 */
final class KeyfileWriter {

  private KeyfileWriter() {}

  static void write(Path target, byte[] data, boolean overwrite) {
    Path dir = target.toAbsolutePath().getParent();
    boolean posix = Files.getFileAttributeView(dir.getRoot(), PosixFileAttributeView.class) != null;
    if (!overwrite && Files.exists(target)) {
      throw new KeyfileException("keyfile " + target + " already exists; refusing to overwrite it (use --force to replace it)");
    }
    Path tmp = null;
    try {
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
      FileAttribute<?>[] attrs = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
          : new FileAttribute<?>[0];
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attrs);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      if (overwrite) {
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        tmp = null;
      } else {
        try {
          Files.createLink(target, tmp);
        } catch (UnsupportedOperationException | IOException noLinks) {
          if (noLinks instanceof FileAlreadyExistsException) {
            throw noLinks;
          }
          Files.move(tmp, target); // fails if the target exists
          tmp = null;
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw new KeyfileException("keyfile " + target + " already exists; refusing to overwrite it (use --force to replace it)");
    } catch (IOException e) {
      throw new KeyfileException("cannot write keyfile " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: the temporary file holds the same secret the target now has, mode 0600.
        }
      }
    }
  }
}
