package io.taoprom.chain.tx;

import io.taoprom.chain.ChainException;

/**
 * An extrinsic could not be built (an unknown signed extension that carries data, a missing
 * parameter) or its fate could not be learned (a watch that ended without an answer).
 */
public class TxException extends ChainException {

  private static final long serialVersionUID = 1L;

  public TxException(String message) {
    super(message);
  }

  public TxException(String message, Throwable cause) {
    super(message, cause);
  }
}
