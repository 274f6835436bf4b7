package io.taoprom.chain.codec;

import io.taoprom.chain.ChainException;

/**
 * A value does not fit its type (encoding), or bytes are not a valid value of the type
 * (decoding). The message names the type and the path to the offending part, such as {@code
 * RuntimeCall > SubtensorModule > serve_prometheus > ip}.
 */
public class CodecException extends ChainException {

  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }

  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
