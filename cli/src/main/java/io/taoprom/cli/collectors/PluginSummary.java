package io.taoprom.cli.collectors;

import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.List;

/**
 * What the CLI tells users about one plugin, read from it once with every call guarded: a
 * third-party plugin whose {@code availability()} throws, or whose class needs a missing native
 * library, is shown as unavailable with the reason instead of stopping the command.
 *
 * <pre>{@code
 * PluginSummary s = PluginSummary.of(plugin, catalog);
 * s.availability().available();   // false
 * s.availability().reason();      // "no NVIDIA driver: libnvidia-ml.so.1 not found"
 * }</pre>
 *
 * @param name the plugin's short name
 * @param description one line, possibly empty
 * @param enabledByDefault whether serve runs it without {@code --collector.NAME}
 * @param availability whether it can run on this machine, and why not
 * @param options its command-line options
 */
public record PluginSummary(
    String name, String description, boolean enabledByDefault, Availability availability, List<CollectorOption> options) {

  /** Reads a plugin of the catalog (which remembers availability); never throws for a misbehaving plugin. */
  public static PluginSummary of(CollectorPlugin plugin, PluginCatalog catalog) {
    Availability availability = catalog.availability(plugin);
    List<CollectorOption> options;
    try {
      options = plugin.options() == null ? List.of() : List.copyOf(plugin.options());
    } catch (RuntimeException | LinkageError e) {
      options = List.of();
    }
    return new PluginSummary(plugin.name(), description(plugin), enabledByDefault(plugin), availability, options);
  }

  /** The plugin's one-line description, empty when it has none or fails to give one. */
  public static String description(CollectorPlugin plugin) {
    try {
      String d = plugin.description();
      return d == null ? "" : d.strip().replaceAll("\\s*\\R\\s*", " ");
    } catch (RuntimeException | LinkageError e) {
      return "";
    }
  }

  /** Whether the plugin is on by default; a plugin that fails to answer counts as off. */
  public static boolean enabledByDefault(CollectorPlugin plugin) {
    try {
      return plugin.enabledByDefault();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Whether an option's description already says it may be repeated, so help need not say it twice. */
  public static boolean mentionsRepeat(CollectorOption option) {
    String d = option.description().toLowerCase(java.util.Locale.ROOT);
    return d.contains("repeatable") || d.contains("repeated");
  }
}
