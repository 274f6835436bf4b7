package io.taoprom.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import io.taoprom.chain.FromNode;

/**
 * A status notification of {@code author_submitAndWatchExtrinsic}: where a transaction is in its
 * life, from the pool to a finalized block. Parsed from the node's JSON ({@code "ready"}, {@code
 * {"inBlock":"0x…"}}, …) and from chopsticks' variants ({@code {"ready":null}}).
 */
public sealed interface TransactionStatus {

  /** The status name as the node spells it ({@code inBlock}, {@code finalized}, ...). */
  String name();

  /** Whether no further status follows. */
  default boolean isFinal() {
    return false;
  }

  /** In the pool, waiting for an earlier nonce. */
  record Future() implements TransactionStatus {
    public String name() { return "future"; }
  }

  /** In the pool, ready to be included. */
  record Ready() implements TransactionStatus {
    public String name() { return "ready"; }
  }

  /** Gossiped to these peers. */
  record Broadcast(List<String> peers) implements TransactionStatus {
    public String name() { return "broadcast"; }
  }

  /** Included in block {@code blockHash} (not yet final). */
  record InBlock(String blockHash) implements TransactionStatus {
    public String name() { return "inBlock"; }
  }

  /** The block that included it was retracted (a re-org); it may be included again. */
  record Retracted(String blockHash) implements TransactionStatus {
    public String name() { return "retracted"; }
  }

  /** Finality was not reached within the node's limit; what happens is unknown. */
  record FinalityTimeout(String blockHash) implements TransactionStatus {
    public String name() { return "finalityTimeout"; }
    public boolean isFinal() { return true; }
  }

  /** Included in finalized block {@code blockHash}. */
  record Finalized(String blockHash) implements TransactionStatus {
    public String name() { return "finalized"; }
    public boolean isFinal() { return true; }
  }

  /** Replaced by another transaction with the same nonce ({@code hash}). */
  record Usurped(String hash) implements TransactionStatus {
    public String name() { return "usurped"; }
    public boolean isFinal() { return true; }
  }

  /** Dropped from the pool (full, or its priority too low). */
  record Dropped() implements TransactionStatus {
    public String name() { return "dropped"; }
    public boolean isFinal() { return true; }
  }

  /** Found invalid; {@code detail} is what the node said, if anything. */
  record Invalid(String detail) implements TransactionStatus {
    public String name() { return "invalid"; }
    public boolean isFinal() { return true; }
  }

  /** Parses one notification. */
  static TransactionStatus parse(JsonNode n) {
    if (n == null || n.isNull()) {
      throw new TxException("an empty extrinsic status");
    }
    String name;
    JsonNode value;
    if (n.isTextual()) {
      name = n.asText();
      value = null;
    } else if (n.isObject() && n.size() >= 1) {
      name = n.fieldNames().next();
      value = n.get(name);
    } else {
      throw new TxException("an extrinsic status that is neither text nor an object: " + FromNode.json(n));
    }
    String hash = value != null && value.isTextual() ? value.asText() : null;

    switch (name) {
      case "future": return new Future();
      case "ready": return new Ready();
      case "broadcast": {
        List<String> peers = new ArrayList<>();
        if (value != null && value.isArray()) {
          value.forEach(p -> peers.add(p.asText()));
        }
        return new Broadcast(List.copyOf(peers));
      }
      case "inBlock": return new InBlock(requireHash(name, hash));
      case "retracted": return new Retracted(requireHash(name, hash));
      case "finalityTimeout": return new FinalityTimeout(requireHash(name, hash));
      case "finalized": return new Finalized(requireHash(name, hash));
      case "usurped": return new Usurped(hash == null ? null : requireHash(name, hash));
      case "dropped": return new Dropped();
      case "invalid": return new Invalid(value == null || value.isNull() ? "" : FromNode.json(value));
      default: throw new TxException("an unknown extrinsic status: " + FromNode.json(n));
    }
  }

  private static String requireHash(String name, String hash) {
    if (hash == null) {
      throw new TxException("extrinsic status " + name + " without a block hash");
    }
    if (!Hashes.HEX.matcher(hash).matches()) {
      throw new TxException("extrinsic status " + name + " with " + FromNode.json(
          com.fasterxml.jackson.databind.node.TextNode.valueOf(hash)) + ", not a 0x-hex hash");
    }
    return hash;
  }

  /** What a hash in a status looks like. */
  final class Hashes {
    static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{2,128}");

    private Hashes() {}
  }
}
