package io.taoprom.exporter.http;

import io.taoprom.untrusted.Excerpt;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code collect[]=NAME} and {@code exclude[]=NAME} parameters of a {@code /metrics}
 * request, as node_exporter has them: {@code collect[]} keeps only the named collectors,
 * {@code exclude[]} drops them; both repeatable, never together. Other parameters are
 * ignored.
 *
 * <pre>{@code
 * GET /metrics?collect[]=cpu&collect[]=meminfo
 * GET /metrics?exclude[]=filesystem
 * }</pre>
 */
final class ScrapeQuery {

  static final String COLLECT = "collect[]";
  static final String EXCLUDE = "exclude[]";
  /** The most of a client's value a 400 answer quotes. */
  static final int MAX_ECHO = 64;

  private ScrapeQuery() {}

  /** A request the client must fix; the message is the one-line body of the 400 answer. */
  static final class BadQuery extends Exception {
    BadQuery(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Which collectors the query selects.
   *
   * @param rawQuery the query string as received (still percent-encoded), or null
   * @param known every known collector name, mapped to "" when it can be scraped, else why not
   */
  static Predicate<String> parse(String rawQuery, Map<String, String> known) throws BadQuery {
    Set<String> collect = new LinkedHashSet<>();
    Set<String> exclude = new LinkedHashSet<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (key.equals(COLLECT)) {
          collect.add(checkName(COLLECT, value, known, true));
        } else if (key.equals(EXCLUDE)) {
          exclude.add(checkName(EXCLUDE, value, known, false));
        }
      }
    }
    if (!collect.isEmpty() && !exclude.isEmpty()) {
      throw new BadQuery("collect[] and exclude[] cannot be combined; use one of them");
    }
    if (!collect.isEmpty()) {
      return collect::contains;
    }
    if (!exclude.isEmpty()) {
      return name -> !exclude.contains(name);
    }
    return name -> true;
  }

  private static String checkName(String param, String name, Map<String, String> known, boolean mustRun) throws BadQuery {
    if (name.isEmpty()) {
      throw new BadQuery("empty collector name in " + param);
    }
    String why = known.get(name);
    if (why == null) {
      throw new BadQuery("unknown collector " + Excerpt.quoted(name, MAX_ECHO) + " in " + param + "; known collectors: "
          + (known.isEmpty() ? "none" : String.join(", ", known.keySet())));
    }
    if (mustRun && !why.isEmpty()) {
      throw new BadQuery("collector \"" + name + "\" in " + param + " is not running: " + why);
    }
    return name;
  }

  private static String decode(String text) throws BadQuery {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // Not the decoder's message: it quotes the whole parameter.
      throw new BadQuery("malformed query string near " + Excerpt.quoted(text, MAX_ECHO)
          + ": a % must be followed by two hex digits (write %25 for %)");
    }
  }
}
