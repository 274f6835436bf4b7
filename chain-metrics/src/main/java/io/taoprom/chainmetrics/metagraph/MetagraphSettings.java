package io.taoprom.chainmetrics.metagraph;

import io.taoprom.chain.codec.Hex;
import io.taoprom.core.keys.Ss58;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.untrusted.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code metagraph} collector's options: which subnets, which hotkeys, and the bound on how
 * many neurons one snapshot holds.
 *
 * <pre>{@code
 * MetagraphSettings s = MetagraphSettings.parse(CollectorConfig.of(Map.of("metagraph.netuid", List.of("1,27"))));
 * s.netuids();   // [1, 27]
 * }</pre>
 *
 * @param allSubnets whether {@code --metagraph.netuid all} was given (every subnet in {@code NetworksAdded})
 * @param netuids the subnets named, in order (empty with {@code all})
 * @param hotkeys the account ids (hex) to keep; empty keeps every neuron
 * @param maxNeurons the most neurons one snapshot holds, over all subnets
 */
public record MetagraphSettings(boolean allSubnets, List<Integer> netuids, Set<String> hotkeys, int maxNeurons) {

  static final String NETUID = "metagraph.netuid";
  static final String HOTKEY = "metagraph.hotkey";
  static final String MAX_NEURONS = "metagraph.max-neurons";
  /** 128 subnets of 256 neurons fit; each neuron costs about a kilobyte of heap. */
  static final int DEFAULT_MAX_NEURONS = 32768;
  /** A netuid is a u16; more than this many named subnets is a typo, not a plan. */
  static final int MAX_NAMED_SUBNETS = 1024;

  private static final Pattern NETUIDS = Pattern.compile("\\d{1,5}(,\\d{1,5})*");

  public MetagraphSettings {
    netuids = List.copyOf(netuids);
    hotkeys = Set.copyOf(hotkeys);
  }

  /** The options the plugin offers, as {@code --metagraph.NAME} on the command line. */
  static List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(NETUID, "N[,N...]|all",
            "Subnets to read: netuids separated by commas, or all (every subnet in NetworksAdded); needed with --collector.metagraph."),
        CollectorOption.repeatable(HOTKEY, "SS58",
            "Keep only this hotkey's neurons (repeatable); default: every neuron of the subnets."),
        CollectorOption.single(MAX_NEURONS, "N",
            "The most uids one refresh reads, over all subnets; the rest are left out and the collector says so.",
            Integer.toString(DEFAULT_MAX_NEURONS)));
  }

  /**
   * The settings the options give.
   *
   * @throws IllegalArgumentException naming the option whose value is not valid
   */
  public static MetagraphSettings parse(CollectorConfig config) {
    String netuid = config.value(NETUID).orElseThrow(() -> new IllegalArgumentException(
        "option " + NETUID + " is needed: the subnets to read, as 1,27 or all"));
    boolean all = netuid.strip().equalsIgnoreCase("all");
    List<Integer> netuids = new ArrayList<>();
    if (!all) {
      String v = netuid.replace(" ", "");
      if (!NETUIDS.matcher(v).matches()) {
        throw new IllegalArgumentException("option " + NETUID + " " + Excerpt.quoted(netuid, 40)
            + " is not a list of netuids (0 to 65535, separated by commas) or all");
      }
      Set<Integer> seen = new TreeSet<>();
      for (String part : v.split(",")) {
        int n = Integer.parseInt(part);
        if (n > 65535) {
          throw new IllegalArgumentException("option " + NETUID + " " + n + " is not a netuid (0 to 65535)");
        }
        if (seen.add(n)) {
          netuids.add(n);
        }
      }
      if (netuids.size() > MAX_NAMED_SUBNETS) {
        throw new IllegalArgumentException("option " + NETUID + " names " + netuids.size()
            + " subnets; at most " + MAX_NAMED_SUBNETS + " (or all)");
      }
    }
    Set<String> hotkeys = new LinkedHashSet<>();
    for (String ss58 : config.values(HOTKEY)) {
      try {
        hotkeys.add(Hex.encode(Ss58.decodeAccountId(ss58.strip())));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("option " + HOTKEY + " " + Excerpt.quoted(ss58, 60)
            + " is not an SS58 address: " + e.getMessage(), e);
      }
    }
    String max = config.value(MAX_NEURONS).orElse(Integer.toString(DEFAULT_MAX_NEURONS)).strip();
    int maxNeurons;
    try {
      maxNeurons = Integer.parseInt(max);
    } catch (NumberFormatException e) {
      maxNeurons = -1;
    }
    if (maxNeurons < 1 || maxNeurons > 1_000_000) {
      throw new IllegalArgumentException("option " + MAX_NEURONS + " " + Excerpt.quoted(max, 20)
          + " is not a whole number from 1 to 1000000");
    }
    return new MetagraphSettings(all, netuids, hotkeys, maxNeurons);
  }
}
