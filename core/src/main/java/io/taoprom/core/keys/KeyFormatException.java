package io.taoprom.core.keys;

/**
 * Text that is not a valid SS58 address, secret URI, mnemonic or hex key. The message names the
 * position in the input (where one applies) and what was expected there; it never repeats
 * secret input.
 */
public class KeyFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int position;

  public KeyFormatException(String message) {
    this(-1, message);
  }

  /**
   * @param position zero-based index in the input where the problem is, or -1
   * @param message what is wrong and what was expected
   */
  public KeyFormatException(int position, String message) {
    super(position >= 0 ? message + " (at position " + position + ")" : message);
    this.position = position;
  }

  /** Zero-based index in the input where the problem is, or -1 when it concerns the whole input. */
  public int position() {
    return position;
  }
}
