package io.taoprom.cli.chainmetrics;

import io.taoprom.cli.chain.ChainOptions;
import io.taoprom.cli.targets.SdOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * What {@code taoprom serve} does with the chain, as a picocli mixin: {@code --network}, the
 * service-discovery options ({@link SdOptions}) and the registration options ({@link RegisterOptions}). Without any of them, serve never touches the chain.
 *
 * <pre>
 * $ taoprom serve --network finney --sd.netuid 27
 * $ taoprom serve --network finney --register --register.netuid 27 --register.version 183 --wallet.name miner
 * </pre>
 */
public final class ServeChainOptions {

  @Option(names = "--network", paramLabel = "NETWORK", defaultValue = "finney",
      description = "The chain for --sd.netuid, --register and --collector.metagraph: finney, test, local, archive, or a node URL (default: ${DEFAULT-VALUE}).")
  String network;

  @Mixin ChainOptions chain;

  @Mixin SdOptions sd;

  @Mixin RegisterOptions register;

  public String network() {
    return network;
  }

  /** How serve talks to the chain: timeouts, retries, the message cap, the bound of each round. */
  public ChainOptions chain() {
    return chain;
  }

  public SdOptions sd() {
    return sd;
  }

  public RegisterOptions register() {
    return register;
  }

  /** Whether serve needs the chain at all. */
  public boolean anyChainFeature() {
    return sd.enabled() || register.enabled();
  }

  /** The help section that lists these options, after the collector sections. */
  static final String HELP_SECTION = "taopromChain";

  /**
   * Moves these options out of serve's main option list into a section of their own, "Chain
   * (service discovery and registration):", the way the collector options are shown. Hidden
   * options do not widen the main list's columns, so serve's help reads as before.
   */
  public static void installHelpSection(CommandSpec spec) {
    List<OptionSpec> moved = new ArrayList<>();
    for (OptionSpec option : new ArrayList<>(spec.options())) {
      String name = option.longestName();
      if (name.equals("--network") || name.startsWith("--chain.") || name.startsWith("--sd.") || name.equals("--register")
          || name.startsWith("--register.") || name.equals("--uri") || name.startsWith("--wallet.")) {
        spec.remove(option);
        OptionSpec hidden = option.toBuilder().hidden(true).build();
        spec.addOption(hidden);
        moved.add(hidden);
      }
    }
    spec.commandLine().getHelpSectionMap().put(HELP_SECTION, help -> {
      Help.Layout layout = help.createDefaultLayout();
      moved.forEach(o -> layout.addOption(o, help.createDefaultParamLabelRenderer()));
      return String.format("%n%s%n", "Chain (service discovery, registration, metagraph; see docs/discovery.md, docs/metagraph.md):") + layout;
    });
    List<String> keys = new ArrayList<>(spec.commandLine().getHelpSectionKeys());
    int after = keys.indexOf("taopromCollectorOptions");
    if (after < 0) {
      after = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST);
    }
    keys.add(after + 1, HELP_SECTION);
    spec.commandLine().setHelpSectionKeys(keys);
  }
}
