package io.taoprom.cli;

import io.taoprom.exporter.PluginCatalog;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * When the CLI looks for collector plugins: at once on a thread of its own for commands that
 * will need them, or on first use.
 *
 * <pre>{@code
 * Supplier<PluginCatalog> catalog = PluginDiscovery.inBackground(loader);
 * // ... build the command line meanwhile ...
 * catalog.get().plugins();   // waits for discovery if it is not done yet
 * }</pre>
 */
final class PluginDiscovery {

  private PluginDiscovery() {}

  /**
   * Finds the plugins and asks each whether it can run here on a thread of its own, while the
   * main thread builds the command line: both take a good part of start-up (JNA and a native
   * library probe for NVML), and serve's first answer waits for both. The supplier waits for
   * discovery only; availability is remembered by the catalog, and a caller asking before a
   * probe is done waits for that probe, which never runs twice.
   */
  static Supplier<PluginCatalog> inBackground(ClassLoader loader) {
    CompletableFuture<PluginCatalog> found = new CompletableFuture<>();
    Thread discovery = new Thread(() -> {
      try {
        PluginCatalog catalog = PluginCatalog.discover(loader);
        found.complete(catalog);
        catalog.plugins().forEach(catalog::availability);
      } catch (RuntimeException | Error e) {
        found.completeExceptionally(e);
      }
    }, "taoprom-discovery");
    discovery.setDaemon(true);
    discovery.start();
    return () -> {
      try {
        return found.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    };
  }

  /** Discovers on the first call, once. */
  static Supplier<PluginCatalog> onDemand(ClassLoader loader) {
    return new Supplier<>() {
      private PluginCatalog catalog;

      @Override
      public synchronized PluginCatalog get() {
        if (catalog == null) {
          catalog = PluginCatalog.discover(loader);
        }
        return catalog;
      }
    };
  }
}
