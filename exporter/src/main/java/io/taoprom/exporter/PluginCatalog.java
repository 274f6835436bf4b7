package io.taoprom.exporter;

import io.taoprom.exporter.scrape.Failures;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The collector plugins found on a class path, and the one-line reasons of those that could
 * not be loaded.
 *
 * <p>Discovery goes through {@link ServiceLoader} one provider at a time and catches
 * {@link ServiceConfigurationError}, {@link RuntimeException} and {@link LinkageError} per
 * provider: a plugin whose class is missing, whose static initializer or constructor throws,
 * whose native library is absent, or whose name is invalid or taken is reported in
 * {@link #failures()} and the others load. Availability is asked for the same way, and
 * remembered: {@link #availability(CollectorPlugin)} never throws.
 *
 * <pre>{@code
 * PluginCatalog catalog = PluginCatalog.discover(MyApp.class.getClassLoader());
 * catalog.failures().forEach(line -> log.warn("collector plugin not loaded: {}", line));
 * for (CollectorPlugin plugin : catalog.plugins()) {
 *   System.out.println(plugin.name() + " " + catalog.availability(plugin));
 * }
 * }</pre>
 *
 * <p>Immutable apart from the availability cache; thread-safe.
 */
public final class PluginCatalog {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  // A ServiceLoader iterator that keeps failing on one entry would otherwise loop forever.
  private static final int MAX_PROVIDER_ERRORS = 1_000;

  // Names as each plugin gave them at discovery: a plugin is asked once, not trusted twice.
  private final Map<String, CollectorPlugin> byName;
  private final List<CollectorPlugin> plugins;
  private final List<String> failures;
  private final Map<List<Object>, Availability> availability = new ConcurrentHashMap<>();

  private PluginCatalog(Map<String, CollectorPlugin> byName, List<String> failures) {
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    this.plugins = List.copyOf(byName.values());
    this.failures = List.copyOf(failures);
  }

  /**
   * Finds every {@link CollectorPlugin} registered in {@code META-INF/services} on the given
   * class loader. Never throws for a broken plugin: see {@link #failures()}.
   */
  public static PluginCatalog discover(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    Map<String, CollectorPlugin> found = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    Iterator<CollectorPlugin> providers;
    try {
      providers = ServiceLoader.load(CollectorPlugin.class, loader).iterator();
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      return new PluginCatalog(Map.of(), List.of("plugin discovery failed: " + Failures.oneLine(e)));
    }
    int errors = 0;
    while (errors < MAX_PROVIDER_ERRORS) {
      CollectorPlugin plugin;
      try {
        if (!providers.hasNext()) {
          break;
        }
        plugin = providers.next();
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        errors++;
        failures.add(describeLoadFailure(e));
        continue;
      }
      String problem = admit(plugin, found);
      if (problem != null) {
        failures.add(problem);
      }
    }
    return new PluginCatalog(found, failures);
  }

  /**
   * A catalog of the given plugins, for embedders and tests that do not want discovery.
   *
   * @throws IllegalArgumentException when a name is invalid or two plugins share one
   */
  public static PluginCatalog of(List<CollectorPlugin> plugins) {
    Map<String, CollectorPlugin> found = new LinkedHashMap<>();
    for (CollectorPlugin plugin : plugins) {
      String problem = admit(Objects.requireNonNull(plugin, "plugin"), found);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    return new PluginCatalog(found, List.of());
  }

  /**
   * This catalog with {@code more} plugins after its own, keeping its failures.
   *
   * @throws IllegalArgumentException when a name is invalid or already taken
   */
  PluginCatalog plus(List<CollectorPlugin> more) {
    Map<String, CollectorPlugin> found = new LinkedHashMap<>(byName);
    for (CollectorPlugin plugin : more) {
      String problem = admit(Objects.requireNonNull(plugin, "plugin"), found);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    return new PluginCatalog(found, failures);
  }

  /** The plugins that loaded, in discovery order. */
  public List<CollectorPlugin> plugins() {
    return plugins;
  }

  /** One line per plugin that could not be loaded, naming its class and why. */
  public List<String> failures() {
    return failures;
  }

  /** The plugin with this name, if one loaded. */
  public Optional<CollectorPlugin> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The names of the loaded plugins, in discovery order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The loaded plugins by the name they gave at discovery, in discovery order. */
  Map<String, CollectorPlugin> byName() {
    return byName;
  }

  /**
   * Whether the plugin can work on this machine. Asked once per plugin and remembered; a
   * plugin whose check throws (a missing native library raises {@link LinkageError}s there)
   * is unavailable, with that error as the reason.
   */
  public Availability availability(CollectorPlugin plugin) {
    return availability(plugin, CollectorConfig.empty());
  }

  /**
   * Whether the plugin can work on this machine with the given options (a library path, say).
   * Asked once per plugin and configuration and remembered, guarded like {@link
   * #availability(CollectorPlugin)}.
   */
  public Availability availability(CollectorPlugin plugin, CollectorConfig config) {
    // Only the plugin's own options can change its answer: keyed on those alone, a probe made
    // before the options were known (the CLI probes on a background thread at start) is reused
    // unless the user set one of this plugin's options.
    CollectorConfig own = ownOptions(plugin, config);
    String name = nameOf(plugin);
    if (name == null) {
      return checkAvailability(plugin, own);
    }
    return availability.computeIfAbsent(List.of(name, own), k -> checkAvailability(plugin, own));
  }

  private static CollectorConfig ownOptions(CollectorPlugin plugin, CollectorConfig config) {
    if (config.asMap().isEmpty()) {
      return config;
    }
    Set<String> names = new HashSet<>();
    try {
      plugin.options().forEach(option -> names.add(option.name()));
    } catch (RuntimeException | LinkageError e) {
      return CollectorConfig.empty(); // its availability check reports what is broken
    }
    Map<String, List<String>> own = new LinkedHashMap<>();
    config.asMap().forEach((key, values) -> {
      if (names.contains(key)) {
        own.put(key, values);
      }
    });
    return own.isEmpty() ? CollectorConfig.empty() : CollectorConfig.of(own);
  }

  private String nameOf(CollectorPlugin plugin) {
    for (Map.Entry<String, CollectorPlugin> entry : byName.entrySet()) {
      if (entry.getValue() == plugin) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static Availability checkAvailability(CollectorPlugin plugin, CollectorConfig config) {
    try {
      Availability result = plugin.availability(config);
      return result != null ? result : Availability.unavailable("plugin returned no availability");
    } catch (RuntimeException | LinkageError e) {
      return Availability.unavailable("availability check failed: " + Failures.oneLine(e));
    }
  }

  /** Adds the plugin to {@code found}, or says in one line why not. */
  private static String admit(CollectorPlugin plugin, Map<String, CollectorPlugin> found) {
    String type = plugin.getClass().getName();
    String name;
    try {
      name = plugin.name();
      // Touch what the CLI and the exporter read, so a plugin that throws here fails now,
      // reported, rather than later in the middle of a command.
      plugin.description();
      plugin.enabledByDefault();
      List<CollectorOption> options = plugin.options();
      Objects.requireNonNull(options, "options()");
    } catch (RuntimeException | LinkageError e) {
      return "plugin " + type + " could not be queried: " + Failures.oneLine(e);
    }
    if (name == null || !NAME.matcher(name).matches()) {
      return "plugin " + type + " has the invalid name \"" + name
          + "\": use lower-case letters, digits and underscores, starting with a letter";
    }
    CollectorPlugin previous = found.get(name);
    if (previous != null) {
      return "plugin " + type + " is called \"" + name + "\" like " + previous.getClass().getName()
          + ", which was found first; the second one is ignored";
    }
    found.put(name, plugin);
    return null;
  }

  private static String describeLoadFailure(Throwable e) {
    // ServiceLoader's own message says which provider ("Provider x.Y could not be
    // instantiated"); the root cause says why. Both fit on one line.
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String prefix = CollectorPlugin.class.getName() + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    Throwable root = Failures.root(e);
    if (root != e) {
      message += " (" + Failures.oneLine(root) + ")";
    }
    return Failures.firstLine(message);
  }

  @Override
  public String toString() {
    return "PluginCatalog" + names() + (failures.isEmpty() ? "" : " failures=" + failures);
  }
}
