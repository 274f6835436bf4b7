package io.taoprom.chain.rpc;

/**
 * What one message from a node may cost: its size, and once parsed, its longest string, its
 * number of JSON tokens and its depth. All follow from the size cap, so that a message at the
 * cap, of any shape, is parsed or refused within a small heap (the launcher runs with 64 MiB):
 *
 * <ul>
 *   <li>bytes: the cap itself, counted as the message arrives, never buffered whole;
 *   <li>a string: half the cap in characters (parsing one briefly needs about four times its
 *       length: Jackson's segments, their join, the {@code String});
 *   <li>tokens: the cap / 64 (a parsed token costs up to about 80 bytes of tree: a node, its
 *       container slot, a small map for an empty object);
 *   <li>depth: {@value #MAX_DEPTH}; Substrate's answers nest about six deep.
 * </ul>
 *
 * <p>At the default 16 MiB that is a 8 Mi-character string (finney's metadata, hex in a JSON
 * string, is about 0.6 Mi), and 262,144 tokens (a page of 1,000 storage values is about 5,000).
 *
 * @param maxBytes the largest message, in bytes of UTF-8
 * @param maxStringChars the longest string or field name, in characters
 * @param maxTokens the most JSON tokens (values, names, starts and ends of containers)
 * @param maxDepth the deepest nesting of objects and arrays
 */
record MessageLimits(int maxBytes, int maxStringChars, long maxTokens, int maxDepth) {

  /** The default cap: far below the launcher's heap, far above any answer a node gives. */
  static final int DEFAULT_MAX_BYTES = 16 << 20;

  /** The smallest cap a builder accepts. */
  static final int MIN_MAX_BYTES = 64 << 10;

  static final int MAX_DEPTH = 64;

  /** The limits that follow from a size cap of {@code maxBytes}. */
  static MessageLimits forMaxBytes(int maxBytes) {
    if (maxBytes < MIN_MAX_BYTES) {
      throw new IllegalArgumentException("a message cap below " + (MIN_MAX_BYTES >> 10) + " KiB: " + maxBytes);
    }
    return new MessageLimits(maxBytes, maxBytes / 2, Math.max(4096, maxBytes / 64), MAX_DEPTH);
  }

  /** {@code 16 MiB}, {@code 640 KiB}, {@code 1000 bytes}: a size for messages. */
  static String describe(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}
