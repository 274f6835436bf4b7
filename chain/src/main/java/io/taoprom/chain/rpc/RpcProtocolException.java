package io.taoprom.chain.rpc;

import io.taoprom.chain.ChainException;
import java.net.URI;

/**
 * The other end does not speak JSON-RPC 2.0 as expected: a frame that is not JSON, a response
 * with neither {@code result} nor {@code error}, an HTTP answer that is not a JSON-RPC body.
 * Not retried: a node (or proxy) that answers garbage once usually does it again.
 */
public class RpcProtocolException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final URI endpoint;

  public RpcProtocolException(URI endpoint, String message) {
    super(message);
    this.endpoint = endpoint;
  }

  public URI endpoint() {
    return endpoint;
  }
}
