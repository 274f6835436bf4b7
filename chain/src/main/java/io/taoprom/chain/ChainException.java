package io.taoprom.chain;

/**
 * The base of every exception the chain module throws on purpose: transport failures, error
 * responses from the node, undecodable metadata or values, failed extrinsics. Catch this to
 * handle "anything the chain said no to" in one place; the subclasses say what and where.
 */
public class ChainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ChainException(String message) {
    super(message);
  }

  public ChainException(String message, Throwable cause) {
    super(message, cause);
  }
}
