package io.taoprom.core.keys;

import io.taoprom.core.crypto.DeriveJunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Substrate secret URI: {@code PHRASE} or {@code 0xSEED}, then any number of {@code //hard} and
 * {@code /soft} junctions, then optionally {@code ///password}. Without a phrase the URI means
 * Substrate's development phrase ({@link Keys#DEV_PHRASE}), so {@code //Alice} is the well-known
 * Alice account. The grammar is Substrate's {@code SecretUri} / {@code AddressUri}: the phrase is
 * made of ASCII letters, digits and spaces; a junction is one or more characters other than
 * {@code /}; the password is the rest of the text.
 *
 * <pre>{@code
 * SecretUri uri = SecretUri.parse("//Alice//stash");
 * KeyPair pair = Keys.fromUri(uri, "sr25519");
 * }</pre>
 *
 * {@link #toString()} hides the phrase and password.
 *
 * @param phrase the mnemonic or {@code 0x} seed; empty means the development phrase
 * @param path the derivation junctions in order
 * @param password the BIP39 password after {@code ///}, if any
 */
public record SecretUri(Optional<String> phrase, List<DeriveJunction> path, Optional<String> password) {

  public SecretUri {
    path = List.copyOf(path);
  }

  /**
   * Parses a secret URI.
   *
   * @throws KeyFormatException naming the position of a character that fits nowhere, or an empty junction
   */
  public static SecretUri parse(String uri) {
    if (uri == null) {
      throw new KeyFormatException("a secret URI, got none");
    }
    int i = 0;
    int n = uri.length();
    while (i < n && isPhraseChar(uri.charAt(i))) {
      i++;
    }
    String phrase = i > 0 ? uri.substring(0, i) : null;
    List<DeriveJunction> path = new ArrayList<>();
    String password = null;
    while (i < n) {
      if (uri.startsWith("///", i)) {
        password = uri.substring(i + 3);
        break;
      }
      if (uri.charAt(i) != '/') {
        throw new KeyFormatException(i, "a secret URI continues its phrase with letters, digits or spaces,"
            + " then //hard or /soft junctions, then ///password; this character fits none of them");
      }
      boolean hard = uri.startsWith("//", i);
      int start = i + (hard ? 2 : 1);
      int end = start;
      while (end < n && uri.charAt(end) != '/') {
        end++;
      }
      if (end == start) {
        throw new KeyFormatException(i, "a junction name after '" + (hard ? "//" : "/") + "'");
      }
      String code = uri.substring(start, end);
      path.add(DeriveJunction.parse(hard ? "/" + code : code));
      i = end;
    }
    return new SecretUri(Optional.ofNullable(phrase), path, Optional.ofNullable(password));
  }

  private static boolean isPhraseChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
  }

  @Override
  public String toString() {
    return "SecretUri[phrase=" + (phrase.isPresent() ? "<hidden>" : "<dev phrase>")
        + ", junctions=" + path.size() + ", password=" + (password.isPresent() ? "<hidden>" : "none") + "]";
  }
}
