package io.taoprom.cli.serve;

import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.chainmetrics.metagraph.MetagraphPlugin;
import io.taoprom.chainmetrics.metagraph.MetagraphSettings;
import io.taoprom.cli.chain.ChainOptions;
import io.taoprom.cli.chainmetrics.ServeChainOptions;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.untrusted.Excerpt;
import io.taoprom.cli.log.ConsoleLog;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code taoprom serve --collector.metagraph}: its options are checked before anything listens
 * (a bad {@code --metagraph.*} value, or a {@code --metagraph.netuid} that does not exist on the
 * chain, is a usage error, exit 2), and the plugin is handed serve's chain connection once the
 * exporter runs ({@link io.taoprom.cli.chainmetrics.ServeChain#metagraph}).
 *
 * <pre>{@code
 * Optional<ServeMetagraph> m = ServeMetagraph.prepare(catalog, selection);   // IllegalArgumentException
 * m.get().checkSubnets(chainOptions, spec, log);                              // IllegalArgumentException
 * chain.metagraph(m.get().plugin());
 * }</pre>
 */
final class ServeMetagraph {

  private final MetagraphPlugin plugin;
  private final MetagraphSettings settings;

  private ServeMetagraph(MetagraphPlugin plugin, MetagraphSettings settings) {
    this.plugin = plugin;
    this.settings = settings;
  }

  /**
   * The metagraph collector as the command line asks for it; empty unless {@code --collector.metagraph}.
   *
   * @throws IllegalArgumentException naming a {@code --metagraph.*} option whose value is not valid
   */
  static Optional<ServeMetagraph> prepare(PluginCatalog catalog, PluginOptions.Selection selection) {
    Optional<MetagraphPlugin> found = catalog.find(MetagraphPlugin.NAME).filter(MetagraphPlugin.class::isInstance)
        .map(MetagraphPlugin.class::cast);
    if (found.isEmpty() || !selection.enabled().contains(MetagraphPlugin.NAME)) {
      return Optional.empty();
    }
    return Optional.of(new ServeMetagraph(found.get(), MetagraphSettings.parse(selection.config())));
  }

  MetagraphPlugin plugin() {
    return plugin;
  }

  /**
   * Checks that the named subnets exist, within {@code --chain.timeout}. A chain that cannot be
   * read now is only a warning: the collector keeps trying, and says so.
   *
   * @throws IllegalArgumentException naming the netuids that do not exist and those that do
   */
  void checkSubnets(ServeChainOptions options, CommandSpec spec, ConsoleLog log) {
    if (settings.allSubnets()) {
      return;
    }
    // A --network that is neither a name nor a URL is picocli's usage error, raised here, not a warning.
    Subtensor subtensor = options.chain().open(options.network(), io.taoprom.chain.rpc.RpcListener.NONE, spec);
    String network = ChainOptions.describe(options.network());
    try (subtensor) {
      options.chain().deadline().call(() -> {
        MetagraphPlugin.requireSubnets(subtensor.chain(), settings);
        return null;
      });
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace("on this chain", "on " + network), e);
    } catch (RuntimeException e) {
      log.warn("could not check --metagraph.netuid on " + network + ": "
          + Excerpt.of(String.valueOf(e.getMessage()), 200) + options.chain().hint(e)
          + "; the metagraph collector keeps trying");
    }
  }

  /** {@code netuid 1,27}: the start-up line's {@code metagraph=} value. */
  String summary() {
    return "netuid " + (settings.allSubnets() ? "all"
        : String.join(",", settings.netuids().stream().map(String::valueOf).toList()));
  }
}
