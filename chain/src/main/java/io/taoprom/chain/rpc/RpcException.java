package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.ChainException;
import io.taoprom.untrusted.Excerpt;
import java.net.URI;
import java.util.Optional;

/**
 * The node answered a request with a JSON-RPC error object: {@code code}, {@code message} and
 * the optional {@code data}. Never retried: the same request would get the same answer.
 *
 * <p>A rejected transaction ({@code 1010 Invalid Transaction}) is decoded by {@link
 * #invalidTransaction()}:
 *
 * <pre>{@code
 * try {
 *   rpc.submit("author_submitExtrinsic", hex);
 * } catch (RpcException e) {
 *   e.invalidTransaction().ifPresent(why -> log.warn("rejected: {}", why.describe()));
 * }
 * }</pre>
 */
public class RpcException extends ChainException {

  private static final long serialVersionUID = 1L;

  /** {@code 1010}: the transaction pool (the runtime's validation) rejected the transaction. */
  public static final int POOL_INVALID_TX = 1010;

  private final int code;
  private final String rpcMessage;
  private final transient JsonNode data;
  private final String method;
  private final URI endpoint;

  /** How much of the node's message and data the exception's own message quotes. */
  static final int MESSAGE_CHARS = 200;
  static final int DATA_CHARS = 300;

  /**
   * An error the node answered with. The exception's message quotes the node's {@code message}
   * and {@code data} escaped (terminal controls, bidirectional overrides, line breaks) and cut
   * short, so it can go to a terminal, a log or an HTTP body; {@link #rpcMessage()} and {@link
   * #data()} keep them as sent.
   */
  public RpcException(URI endpoint, String method, int code, String rpcMessage, JsonNode data) {
    super(method + " on " + endpoint + " failed with error " + code + ": "
        + Excerpt.of(rpcMessage == null ? "" : rpcMessage, MESSAGE_CHARS)
        + (data == null || data.isNull() ? "" : " (" + summarize(data) + ")"));
    this.code = code;
    this.rpcMessage = rpcMessage;
    this.data = data;
    this.method = method;
    this.endpoint = endpoint;
  }

  private static String summarize(JsonNode data) {
    return data.isTextual() ? Excerpt.of(data.asText(), DATA_CHARS) : JsonRpc.snippet(data);
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** The error object's {@code message}, as the node wrote it: escape it before printing it. */
  public String rpcMessage() {
    return rpcMessage;
  }

  /** The error object's {@code data}, or null when absent. */
  public JsonNode data() {
    return data;
  }

  /** The method that failed. */
  public String method() {
    return method;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** For a {@code 1010} rejection, why the transaction is invalid; empty for other errors. */
  public Optional<InvalidTransaction> invalidTransaction() {
    return InvalidTransaction.from(this);
  }
}
