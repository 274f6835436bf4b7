package io.taoprom.core.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds {@link KeyScheme} implementations with {@link ServiceLoader}: {@code sr25519} and {@code
 * ed25519} from this module, plus any on the class path.
 *
 * <pre>{@code
 * KeyScheme ed = KeySchemes.named("ed25519");
 * }</pre>
 */
public final class KeySchemes {

  private static volatile Map<String, KeyScheme> loaded;

  private KeySchemes() {}

  /**
   * The scheme with this name (case-insensitive).
   *
   * @throws KeyException naming the known schemes when there is none by that name
   */
  public static KeyScheme named(String name) {
    KeyScheme s = schemes().get(name.toLowerCase(Locale.ROOT));
    if (s == null) {
      throw new KeyException("unknown key scheme '" + name + "'; known schemes: " + String.join(", ", names()));
    }
    return s;
  }

  /** The names of all schemes found, sorted. */
  public static List<String> names() {
    List<String> n = new ArrayList<>(schemes().keySet());
    Collections.sort(n);
    return n;
  }

  private static Map<String, KeyScheme> schemes() {
    Map<String, KeyScheme> m = loaded;
    if (m == null) {
      m = new LinkedHashMap<>();
      ServiceLoader<KeyScheme> loader = ServiceLoader.load(KeyScheme.class, KeySchemes.class.getClassLoader());
      var it = loader.iterator();
      // Bounded: a provider that fails on every call must not spin this loop forever.
      for (int attempts = 0; attempts < 1000; attempts++) {
        try {
          if (!it.hasNext()) {
            break;
          }
          KeyScheme s = it.next();
          m.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
        } catch (ServiceConfigurationError | LinkageError e) {
          // A broken third-party scheme must not hide the built-in ones.
        }
      }
      loaded = m = Collections.unmodifiableMap(m);
    }
    return m;
  }
}
