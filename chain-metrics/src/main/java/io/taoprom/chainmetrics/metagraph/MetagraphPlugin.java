package io.taoprom.chainmetrics.metagraph;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.discovery.SubnetDiscovery;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The {@code metagraph} plugin (off by default): a node's standing on its subnet, read from chain —
 * {@code bittensor_neuron_*} per neuron, {@code bittensor_subnet_*} per subnet, the chain's best and
 * finalized blocks (docs/metagraph.md). Options: {@code --metagraph.netuid N[,N...]|all},
 * {@code --metagraph.hotkey SS58} (repeatable), {@code --metagraph.max-neurons N}. The chain is the
 * one {@code taoprom serve} talks to ({@code --network}), handed in with {@link #connect}.
 *
 * <pre>{@code
 * MetagraphPlugin metagraph = (MetagraphPlugin) catalog.find(MetagraphPlugin.NAME).orElseThrow();
 * MetagraphPlugin.requireSubnets(subtensor.chain(), MetagraphSettings.parse(config)); // exit 2 on a bad netuid
 * TaoPromExporter exporter = builder.buildAndStart();   // creates the collector
 * metagraph.connect(subtensor.chain());                 // starts reading
 * }</pre>
 */
public final class MetagraphPlugin implements CollectorPlugin {

  /** The plugin's name: {@code --collector.metagraph}, {@code collector="metagraph"}. */
  public static final String NAME = "metagraph";

  private final AtomicReference<ChainClient> chain = new AtomicReference<>();
  private volatile MetagraphCollector collector;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "neurons of --metagraph.netuid from chain (--network): incentive, dividends, trust, permits, stake, emission";
  }

  @Override
  public boolean enabledByDefault() {
    return false;
  }

  @Override
  public List<CollectorOption> options() {
    return MetagraphSettings.options();
  }

  /**
   * Builds the collector; it reads once {@link #connect} hands it a chain (at once if that came first).
   *
   * @throws IllegalArgumentException naming an option whose value is not valid
   */
  @Override
  public MultiCollector create(CollectorConfig config) {
    MetagraphCollector created = new MetagraphCollector(MetagraphSettings.parse(config));
    collector = created;
    ChainClient c = chain.get();
    if (c != null) {
      created.connect(c);
    }
    return created;
  }

  /** The chain to read from; the collector starts reading at once if it exists already. */
  public void connect(ChainClient chainClient) {
    chain.set(chainClient);
    MetagraphCollector c = collector;
    if (c != null) {
      c.connect(chainClient);
    }
  }

  /**
   * Checks that every netuid {@code settings} names exists on {@code chain} (in {@code NetworksAdded}
   * at the best block); nothing to check with {@code all}.
   *
   * @throws IllegalArgumentException naming the netuids that do not exist and those that do
   * @throws RuntimeException (a {@link io.taoprom.chain.ChainException} or RPC failure) when the chain cannot be read
   */
  public static void requireSubnets(ChainClient chain, MetagraphSettings settings) {
    if (settings.allSubnets()) {
      return;
    }
    List<Integer> existing = SubnetDiscovery.subnets(chain, null);
    List<Integer> unknown = settings.netuids().stream().filter(n -> !existing.contains(n)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("option " + MetagraphSettings.NETUID + " "
          + unknown.stream().map(String::valueOf).collect(Collectors.joining(","))
          + (unknown.size() == 1 ? ": no such subnet" : ": no such subnets") + " on this chain; the subnets that exist: "
          + (existing.isEmpty() ? "none" : existing.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }
  }
}
