package io.taoprom.cli.targets;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code serve} options of service discovery: {@code --sd.netuid} turns on {@code /sd}.
 * A picocli mixin (see {@code io.taoprom.cli.chainmetrics.ServeChainOptions}).
 */
public final class SdOptions {

  @Option(names = "--sd.netuid", paramLabel = "N", converter = NetuidConverter.class, split = ",",
      description = "Also serve /sd for Prometheus http_sd_configs: every registered Prometheus endpoint of these subnets"
          + " (or of every subnet: all), read from chain (--network) once per refresh interval.")
  List<Integer> netuids;

  @Option(names = "--sd.refresh-interval", paramLabel = "DURATION", defaultValue = "12s",
      converter = DurationConverter.class,
      description = "How often /sd re-reads the chain, e.g. 12s (one block, the default), 1m.")
  Duration refreshInterval;

  /** Whether {@code /sd} was asked for. */
  public boolean enabled() {
    return netuids != null && !netuids.isEmpty();
  }

  /** The subnets, flattened and without duplicates (empty with {@link #all()}). */
  public List<Integer> netuids() {
    return all() ? List.of() : NetuidConverter.distinct(netuids);
  }

  /** Whether {@code --sd.netuid all} asked for every subnet in {@code NetworksAdded}. */
  public boolean all() {
    return NetuidConverter.all(netuids);
  }

  /** {@code 27,51} or {@code all}, for messages. */
  public String describe() {
    return NetuidConverter.describe(netuids);
  }

  public Duration refreshInterval() {
    return refreshInterval;
  }
}
