package io.taoprom.untrusted;

import java.io.IOException;
import java.nio.file.Path;

/** A path that names a FIFO, device, socket or directory where a regular file was expected. */
public final class NotRegularFileException extends IOException {

  private final transient Path file;
  private final String kind;

  NotRegularFileException(Path file, String kind) {
    super(file + " is " + kind + ", not a regular file; skipped");
    this.file = file;
    this.kind = kind;
  }

  /** The path as given. */
  public Path file() {
    return file;
  }

  /** What it is instead, for messages: "a FIFO (named pipe)", "a character device", ... */
  public String kind() {
    return kind;
  }
}
