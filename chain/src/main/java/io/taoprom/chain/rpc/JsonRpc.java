package io.taoprom.chain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taoprom.chain.FromNode;
import io.taoprom.untrusted.Excerpt;
import java.net.URI;
import java.util.List;

/** The JSON side of JSON-RPC 2.0: request frames out, response objects in. */
final class JsonRpc {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonRpc() {}

  static String request(long id, String method, List<?> params) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("jsonrpc", "2.0");
    root.put("id", id);
    root.put("method", method);
    ArrayNode array = root.putArray("params");
    for (Object p : params) {
      array.add(p instanceof JsonNode n ? n : MAPPER.valueToTree(p));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("parameters of " + method + " cannot be sent as JSON", e);
    }
  }

  /**
   * The {@code result} of a response, or the exception its {@code error} (or its absence)
   * stands for.
   */
  static JsonNode resultOrThrow(URI endpoint, String method, JsonNode response) {
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      if (!error.isObject()) {
        throw new RpcProtocolException(endpoint,
            "error of " + method + " from " + endpoint + " is not an object: " + snippet(error));
      }
      JsonNode code = error.get("code");
      JsonNode message = error.get("message");
      throw new RpcException(endpoint, method, code != null && code.canConvertToInt() ? code.asInt() : 0,
          message == null ? "" : message.asText(), error.get("data"));
    }
    if (!response.has("result")) {
      throw new RpcProtocolException(endpoint, "response to " + method + " from " + endpoint
          + " has neither result nor error: " + snippet(response));
    }
    return response.get("result");
  }

  /** How much of a node's text goes into a message. */
  static final int SNIPPET_CHARS = 120;

  /** The start of a frame or of text a node sent, escaped and cut short: safe to put in a message. */
  static String snippet(CharSequence text) {
    return Excerpt.of(text, SNIPPET_CHARS);
  }

  /** The start of a JSON value a node sent, as JSON text, escaped and cut short. */
  static String snippet(JsonNode node) {
    return FromNode.json(node);
  }
}
