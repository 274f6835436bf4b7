package io.taoprom.metrics.textfile.format;

import java.nio.charset.StandardCharsets;

/**
 * One String per distinct short ASCII text of an input: metric names, label names and label
 * values repeat on line after line ({@code cpu="0"}, {@code mode="idle"}), and a String per
 * occurrence would cost 40-odd bytes each time. A fixed, direct-mapped table: a miss costs a new
 * String and evicts the slot, so memory stays bounded whatever the input.
 */
final class StringCache {

  private static final int SLOTS = 4096;
  /** Longer texts are seldom repeated and would keep large strings alive: not cached. */
  private static final int MAX_CACHED = 64;

  private final String[] slots = new String[SLOTS];
  private final HeapBudget.Account account;

  StringCache(HeapBudget.Account account) {
    this.account = account;
  }

  /** The text of {@code b[from, to)}, which must be valid UTF-8. */
  String get(byte[] b, int from, int to) throws InputLimitException {
    int length = to - from;
    if (length == 0) {
      return "";
    }
    if (length > MAX_CACHED) {
      return create(b, from, to);
    }
    int hash = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c < 0) {
        return create(b, from, to); // not ASCII: decoded, not cached
      }
      hash = (hash ^ c) * 0x01000193;
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = slots[slot];
    if (cached != null && sameAscii(cached, b, from, length)) {
      return cached;
    }
    String created = create(b, from, to);
    slots[slot] = created;
    return created;
  }

  private static boolean sameAscii(String s, byte[] b, int from, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  private String create(byte[] b, int from, int to) throws InputLimitException {
    account.chargeString(to - from);
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** A string the caller decoded itself (an unescaped value), charged like the others. */
  String charged(String s) throws InputLimitException {
    account.chargeString(s.length());
    return s;
  }
}
