package io.taoprom.cli.targets;

import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.cli.CommandFailure;
import io.taoprom.cli.chain.ChainConversation;
import io.taoprom.cli.chain.ChainOptions;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.discovery.SubnetDiscovery;
import io.taoprom.chain.discovery.SubnetTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taoprom targets}: every registered Prometheus endpoint of one or more subnets, as the
 * JSON of Prometheus' {@code file_sd_configs} or {@code http_sd_configs}, with the labels
 * {@code netuid}, {@code hotkey}, {@code uid} and {@code version}. Entries with ip 0 or port 0
 * (and other unusable ones) are left out and counted on stderr.
 *
 * <pre>
 * $ taoprom targets --network finney --netuid 27
 * [ {"targets" : [ "203.0.113.7:7091" ], "labels" : {"hotkey" : "5F…", "netuid" : "27", "uid" : "12", "version" : "263"}}, … ]
 * taoprom targets: 41 entries left out: 38 with ip 0, 3 with port 0
 * $ taoprom targets --netuid 27 --output /etc/prometheus/sd/sn27.json   # atomically replaced
 * $ taoprom targets --netuid all --output /etc/prometheus/sd/finney.json # every subnet in NetworksAdded
 * </pre>
 */
@Command(
    name = "targets",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = "Print every registered Prometheus endpoint of a subnet as Prometheus service-discovery JSON"
        + " (file_sd_configs / http_sd_configs), labelled netuid, hotkey, uid and version.",
    footer = {
      "",
      "Entries with ip 0 or port 0, an invalid address, or a hotkey no longer registered are left out and counted on stderr.",
      "To let Prometheus ask directly, run 'taoprom serve --sd.netuid N' and point http_sd_configs at /sd.",
      "",
      "Examples:",
      "  taoprom targets --netuid 27",
      "  taoprom targets --network test --netuid 27,51 --format http_sd",
      "  taoprom targets --netuid all --output /etc/prometheus/sd/finney.json",
      "  taoprom targets --netuid 27 --output /etc/prometheus/sd/sn27.json"
    })
public final class TargetsCommand implements Callable<Integer> {

  /** The two shapes of output; the JSON document is the same, its layout differs. */
  public enum Format {
    /** Indented, for a file a person may read. */
    file_sd,
    /** One line, as an {@code http_sd} endpoint answers. */
    http_sd
  }

  @Option(names = "--network", paramLabel = "NETWORK", defaultValue = "finney",
      description = "finney, test, local, archive, or a node URL (ws://, wss://, http://, https://) (default: ${DEFAULT-VALUE}).")
  String network;

  @Option(names = "--netuid", paramLabel = "N", required = true, converter = NetuidConverter.class, split = ",",
      description = "The subnet(s) to list; repeat the option or separate ids with commas; all: every subnet in NetworksAdded.")
  List<Integer> netuids;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "file_sd",
      description = "file_sd (indented) or http_sd (one line) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (replaced atomically, so Prometheus never reads half a file) instead of stdout.")
  Path output;

  @Mixin ChainOptions chain;

  /** The per-request timeout's name before the --chain.* options; kept so that scripts still run. */
  @Option(names = "--timeout", paramLabel = "SECONDS", hidden = true)
  Integer timeoutSeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ConsoleLog log = ConsoleLog.of(spec);
    boolean all = NetuidConverter.all(netuids);
    List<Integer> ids = all ? List.of() : NetuidConverter.distinct(netuids);
    String which = NetuidConverter.describe(netuids);
    if (timeoutSeconds != null) {
      if (timeoutSeconds < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second, not " + timeoutSeconds);
      }
      chain.requestTimeout(Duration.ofSeconds(timeoutSeconds));
    }
    try {
      ChainOptions.describe(network);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage() + " (--network)", e); // exit 1, as it always was for targets
    }
    SubnetTargets targets;
    try (ChainConversation conversation = ChainConversation.open(chain, network, spec)) {
      SubnetDiscovery discovery = new SubnetDiscovery(conversation.subtensor());
      try {
        targets = conversation.call(() -> {
          if (all) {
            return discovery.discoverAll(); // only subnets that exist are read
          }
          SubnetTargets t = discovery.discover(ids);
          for (int netuid : ids) {
            boolean any = t.groups().stream().anyMatch(g -> g.labels().get("netuid").equals(Integer.toString(netuid)));
            if (!any && !discovery.subnetExists(netuid)) {
              throw new CommandFailure("netuid " + netuid + " does not exist on " + ChainOptions.describe(network)
                  + "; subnets there: " + listed(discovery.subnets(null)) + "; check --netuid and --network");
            }
          }
          return t;
        });
      } catch (ChainException e) {
        throw new CommandFailure("cannot read the Prometheus endpoints of netuid " + which + " from "
            + ChainOptions.describe(network) + ": " + e.getMessage() + conversation.hint(e)
            + "; check --network and that the node is reachable", e);
      }
    }
    String json = format == Format.file_sd ? targets.toPrettyJson() : targets.toJson() + "\n";
    if (output == null) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    } else {
      writeAtomically(output, json);
      log.info("wrote " + targets.groups().size() + " target(s) of netuid " + which + " to " + output);
    }
    String skipped = targets.skippedSummary();
    if (skipped != null) {
      log.warn(skipped);
    }
    return 0;
  }

  /** At most 64 ids, then how many more: the line stays readable. */
  static String listed(List<Integer> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    String head = String.join(",", ids.stream().limit(64).map(String::valueOf).toList());
    return ids.size() > 64 ? head + " and " + (ids.size() - 64) + " more" : head;
  }

  /** Writes beside the target and renames over it: Prometheus' file watcher sees old or new, never half. */
  static void writeAtomically(Path file, String content) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CommandFailure("cannot write " + file + ": " + e.getMessage()
          + "; check that the directory exists and is writable (--output)", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temp file was moved or never written; nothing left to clean
        }
      }
    }
  }
}
