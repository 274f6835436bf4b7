package io.taoprom.exporter.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The option values handed to {@link CollectorPlugin#create}: what the user gave for the
 * plugin's {@link CollectorOption}s, keyed by option name ({@code textfile.directory}).
 * Immutable.
 *
 * <pre>{@code
 * CollectorConfig config = CollectorConfig.of(Map.of("textfile.directory", List.of("/var/lib/taoprom")));
 * Path dir = config.value("textfile.directory").map(Path::of).orElseThrow();
 * }</pre>
 */
public final class CollectorConfig {

  private static final CollectorConfig EMPTY = new CollectorConfig(Map.of());

  private final Map<String, List<String>> values;

  private CollectorConfig(Map<String, List<String>> values) {
    this.values = values;
  }

  /** No options given. */
  public static CollectorConfig empty() {
    return EMPTY;
  }

  /** The given option values; lists keep the order the user gave them in. */
  public static CollectorConfig of(Map<String, List<String>> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return new CollectorConfig(Map.copyOf(copy));
  }

  /** The single value of an option, or the last one where it was repeated. */
  public Optional<String> value(String name) {
    List<String> list = values.getOrDefault(name, List.of());
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  /** Every value of a repeatable option, in order; empty when absent. */
  public List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** All option values, by name. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CollectorConfig c && c.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "CollectorConfig" + values;
  }
}
