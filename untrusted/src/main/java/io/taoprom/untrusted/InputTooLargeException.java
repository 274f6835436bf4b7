package io.taoprom.untrusted;

import java.io.IOException;

/** Input that holds more than its cap; nothing past the cap was read. */
public final class InputTooLargeException extends IOException {

  private final long limit;

  /** {@code limit}: the cap, in bytes. */
  public InputTooLargeException(long limit) {
    super("larger than " + limit + " bytes");
    this.limit = limit;
  }

  /** The cap that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
