package io.taoprom.core.scale;

/**
 * Thrown when bytes are not valid SCALE for the type being read: truncated, malformed or
 * oversized. The message names the offset and what was expected there.
 */
public class ScaleDecodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int offset;

  public ScaleDecodeException(int offset, String expected) {
    super("SCALE decode error at offset " + offset + ": " + expected);
    this.offset = offset;
  }

  /** The byte offset in the input where decoding failed. */
  public int offset() {
    return offset;
  }
}
