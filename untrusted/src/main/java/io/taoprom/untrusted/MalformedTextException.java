package io.taoprom.untrusted;

import java.io.IOException;

/** Bytes that are not valid UTF-8; the offset is where decoding stopped. */
public final class MalformedTextException extends IOException {

  private final int offset;

  MalformedTextException(int offset, Throwable cause) {
    super("not valid UTF-8 (at byte " + offset + ")", cause);
    this.offset = offset;
  }

  /** The byte offset of the first malformed sequence. */
  public int offset() {
    return offset;
  }
}
