package io.taoprom.cli;

import io.taoprom.exporter.PluginCatalog;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds the subcommands: those with a constructor taking a {@code Supplier<PluginCatalog>}
 * get the shared catalog (discovered once per run), all others picocli's default treatment.
 * A new subcommand therefore needs no change here.
 */
final class CommandFactory implements CommandLine.IFactory {

  private final Supplier<PluginCatalog> catalog;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Supplier<PluginCatalog> catalog) {
    this.catalog = catalog;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      return cls.getDeclaredConstructor(Supplier.class).newInstance(catalog);
    } catch (NoSuchMethodException e) {
      return fallback.create(cls);
    }
  }
}
