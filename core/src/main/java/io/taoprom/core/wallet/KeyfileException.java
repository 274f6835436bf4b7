package io.taoprom.core.wallet;

/**
 * A keyfile that cannot be read, decrypted or written. The message names the file, the position
 * in it where that applies, and what to do; it never contains the keyfile's secrets or the
 * password.
 */
public class KeyfileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeyfileException(String message) {
    super(message);
  }

  public KeyfileException(String message, Throwable cause) {
    super(message, cause);
  }
}
