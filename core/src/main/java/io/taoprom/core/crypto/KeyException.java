package io.taoprom.core.crypto;

/**
 * A key, seed, signature or derivation that the scheme cannot accept. The message names what was
 * wrong and never contains secret material.
 */
public class KeyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public KeyException(String message) {
    super(message);
  }

  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
