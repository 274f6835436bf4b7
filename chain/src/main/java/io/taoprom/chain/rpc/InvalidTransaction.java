package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.untrusted.Excerpt;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the runtime found a transaction invalid, decoded from a {@code 1010} error. Substrate nodes
 * put the reason in {@code data} as text ({@code "Transaction is outdated"}, {@code "Custom
 * error: 10"}); chopsticks puts it in {@code message} as JSON ({@code {"invalid":{"custom":10}}}).
 * Both are understood.
 *
 * <pre>{@code
 * InvalidTransaction why = e.invalidTransaction().orElseThrow();
 * if (why.kind() == InvalidTransaction.Kind.STALE) { ... re-read the nonce ... }
 * String text = why.describe(SubtensorTransactionError::nameOf); // "custom(10) HotKeyNotRegisteredInNetwork"
 * }</pre>
 *
 * @param kind the reason
 * @param custom the runtime's custom code for {@link Kind#CUSTOM}, else -1
 * @param raw what the node said, escaped and cut short: safe in a message
 */
public record InvalidTransaction(Kind kind, int custom, String raw) {

  /** The variants of {@code sp_runtime::InvalidTransaction}. */
  public enum Kind {
    CALL("call", "Transaction call is not expected"),
    PAYMENT("payment", "Inability to pay some fees (e.g. account balance too low)"),
    FUTURE("future", "Transaction will be valid in the future"),
    STALE("stale", "Transaction is outdated"),
    BAD_PROOF("badProof", "Transaction has a bad signature"),
    ANCIENT_BIRTH_BLOCK("ancientBirthBlock", "Transaction has an ancient birth block"),
    EXHAUSTS_RESOURCES("exhaustsResources", "Transaction would exhaust the block limits"),
    CUSTOM("custom", "InvalidTransaction custom error"),
    BAD_MANDATORY("badMandatory", "A call was labelled as mandatory, but resulted in an Error."),
    MANDATORY_VALIDATION("mandatoryValidation", "Transaction dispatch is mandatory"),
    BAD_SIGNER("badSigner", "Invalid signing address"),
    INDETERMINATE_IMPLICIT("indeterminateImplicit",
        "The implicit data was unable to be calculated"),
    UNKNOWN_ORIGIN("unknownOrigin", "The transaction extension did not authorize any origin"),
    /** A 1010 whose reason this client does not recognise; {@link #raw()} has the text. */
    UNKNOWN("unknown", "");

    private final String jsonName;
    private final String nodeText;

    Kind(String jsonName, String nodeText) {
      this.jsonName = jsonName;
      this.nodeText = nodeText;
    }

    /** The name polkadot-js and chopsticks use ({@code badProof}, {@code stale}, ...). */
    public String jsonName() {
      return jsonName;
    }
  }

  private static final Pattern CUSTOM_TEXT = Pattern.compile("Custom error: (\\d{1,9})");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How much of the node's text {@link #raw()} keeps. */
  static final int RAW_CHARS = 200;

  /** Longer texts are not reasons a runtime gives; they are not parsed (kind {@link Kind#UNKNOWN}). */
  private static final int MAX_PARSED_CHARS = 4096;

  /** Decodes the reason of a {@code 1010} error; empty for any other code. */
  public static Optional<InvalidTransaction> from(RpcException e) {
    if (e.code() != RpcException.POOL_INVALID_TX) {
      return Optional.empty();
    }
    JsonNode data = e.data();
    String dataText = data == null || data.isNull() ? "" : data.isTextual() ? data.asText() : JsonRpc.snippet(data);
    String message = e.rpcMessage() == null ? "" : e.rpcMessage();
    String raw = Excerpt.of(dataText.isEmpty() ? message : dataText, RAW_CHARS);
    for (String text : new String[] {dataText, message}) {
      Optional<InvalidTransaction> parsed = parse(text, raw);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    return Optional.of(new InvalidTransaction(Kind.UNKNOWN, -1, raw));
  }

  /**
   * Parses a reason given as text in either format (as an extrinsic status's {@code invalid}
   * detail can be); empty when the text is not one.
   */
  public static Optional<InvalidTransaction> parse(String text) {
    return parse(text == null ? "" : text, text == null ? null : Excerpt.of(text, RAW_CHARS));
  }

  private static Optional<InvalidTransaction> parse(String text, String raw) {
    if (text.isEmpty() || text.length() > MAX_PARSED_CHARS) {
      return Optional.empty();
    }
    Matcher m = CUSTOM_TEXT.matcher(text);
    if (m.find()) {
      return Optional.of(new InvalidTransaction(Kind.CUSTOM, Integer.parseInt(m.group(1)), raw));
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("{")) {
      Optional<InvalidTransaction> json = parseJson(trimmed, raw);
      if (json.isPresent()) {
        return json;
      }
    }
    for (Kind k : Kind.values()) {
      if (!k.nodeText.isEmpty() && k != Kind.CUSTOM && text.startsWith(k.nodeText)) {
        return Optional.of(new InvalidTransaction(k, -1, raw));
      }
    }
    return Optional.empty();
  }

  private static Optional<InvalidTransaction> parseJson(String text, String raw) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (java.io.IOException notJson) {
      return Optional.empty();
    }
    JsonNode invalid = node.get("invalid");
    if (invalid == null) {
      return Optional.empty();
    }
    String name;
    JsonNode value;
    if (invalid.isTextual()) {
      name = invalid.asText();
      value = null;
    } else if (invalid.isObject() && invalid.size() == 1) {
      name = invalid.fieldNames().next();
      value = invalid.get(name);
    } else {
      return Optional.empty();
    }
    for (Kind k : Kind.values()) {
      if (k.jsonName.equalsIgnoreCase(name)) {
        int custom = k == Kind.CUSTOM && value != null && value.canConvertToInt() ? value.asInt() : -1;
        return Optional.of(new InvalidTransaction(k, custom, raw));
      }
    }
    return Optional.of(new InvalidTransaction(Kind.UNKNOWN, -1, raw));
  }

  /** The custom code, when {@link #kind()} is {@link Kind#CUSTOM}. */
  public OptionalInt customCode() {
    return kind == Kind.CUSTOM && custom >= 0 ? OptionalInt.of(custom) : OptionalInt.empty();
  }

  /** {@code stale}, {@code badProof}, {@code custom(10)}, ... */
  public String describe() {
    return describe(code -> null);
  }

  /**
   * Like {@link #describe()}, naming custom codes with {@code customNames} (which returns null
   * for codes it does not know): {@code custom(10) HotKeyNotRegisteredInNetwork}.
   */
  public String describe(IntFunction<String> customNames) {
    if (kind == Kind.CUSTOM) {
      String name = custom >= 0 ? customNames.apply(custom) : null;
      return "custom(" + (custom >= 0 ? custom : "?") + ")" + (name == null ? "" : " " + name);
    }
    if (kind == Kind.UNKNOWN) {
      return "invalid (" + raw + ")";
    }
    return kind.jsonName;
  }

  @Override
  public String toString() {
    return describe();
  }
}
