package io.taoprom.exporter.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A command-line option of a {@link CollectorPlugin}, such as {@code --textfile.directory DIR}.
 * The CLI offers every discovered plugin's options, so third-party plugins get flags too.
 *
 * @param name the option name without dashes, prefixed with the plugin name: {@code textfile.directory}
 * @param paramLabel how the value is shown in {@code --help}: {@code DIR}
 * @param description one line for {@code --help}
 * @param defaultValue the value used when the option is absent, if any
 * @param repeatable whether the option may be given several times (values kept in order)
 */
public record CollectorOption(
    String name, String paramLabel, String description, Optional<String> defaultValue, boolean repeatable) {

  public CollectorOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(paramLabel, "paramLabel");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(defaultValue, "defaultValue");
    if (!name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_-]*)+")) {
      throw new IllegalArgumentException("option name must look like plugin.option: " + name);
    }
  }

  /** An option given at most once, with no default. */
  public static CollectorOption single(String name, String paramLabel, String description) {
    return new CollectorOption(name, paramLabel, description, Optional.empty(), false);
  }

  /** An option given at most once, with a default. */
  public static CollectorOption single(String name, String paramLabel, String description, String defaultValue) {
    return new CollectorOption(name, paramLabel, description, Optional.of(defaultValue), false);
  }

  /** An option that may be repeated. */
  public static CollectorOption repeatable(String name, String paramLabel, String description) {
    return new CollectorOption(name, paramLabel, description, Optional.empty(), true);
  }
}
