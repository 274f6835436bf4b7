package io.taoprom.metrics.scrape;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One endpoint to merge, from {@code --scrape.target NAME=URL}: its samples get the label
 * {@code source="NAME"}.
 *
 * <pre>{@code
 * ScrapeTarget neuron = ScrapeTarget.parse("neuron=http://127.0.0.1:9101/metrics");
 * }</pre>
 *
 * @param name the value of the {@code source} label
 * @param uri the http or https URL of a text exposition
 */
public record ScrapeTarget(String name, URI uri) {

  static final String OPTION = "scrape.target";
  private static final String EXAMPLE = "for example neuron=http://127.0.0.1:9101/metrics";

  public ScrapeTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
  }

  /**
   * Parses {@code NAME=URL}.
   *
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  public static ScrapeTarget parse(String value) {
    int eq = value.indexOf('=');
    if (eq < 0) {
      throw bad(value, "is not NAME=URL; " + EXAMPLE);
    }
    String name = value.substring(0, eq).trim();
    String url = value.substring(eq + 1).trim();
    if (name.isEmpty()) {
      throw bad(value, "has no NAME before '='; " + EXAMPLE);
    }
    if (!name.matches("[A-Za-z0-9_.:-]+")) {
      throw bad(value, "has the name '" + name + "'; use letters, digits, '_', '.', ':' and '-' only");
    }
    if (!url.contains("://")) {
      throw bad(value, "needs an http:// or https:// URL; " + EXAMPLE);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw bad(value, "has no valid URL after '=': " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw bad(value, "needs an http:// or https:// URL; " + EXAMPLE);
    }
    if (uri.getHost() == null) {
      throw bad(value, "has a URL without a host; " + EXAMPLE);
    }
    return new ScrapeTarget(name, uri);
  }

  private static IllegalArgumentException bad(String value, String what) {
    return new IllegalArgumentException("option " + OPTION + " '" + value + "' " + what);
  }
}
