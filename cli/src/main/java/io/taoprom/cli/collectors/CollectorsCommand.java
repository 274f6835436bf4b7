package io.taoprom.cli.collectors;

import io.taoprom.cli.OptionFlags;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.spi.CollectorOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taoprom collectors}: every collector plugin found on the classpath, whether it is on
 * by default, whether it can run on this machine (and if not, why), its description and its
 * options; plugins that failed to load are listed too.
 *
 * <pre>
 * $ taoprom collectors
 * NAME        DEFAULT  AVAILABLE  DESCRIPTION
 * cpu         on       yes        Seconds each CPU spent in each mode.
 * nvml        on       no         Per-GPU utilisation, memory, power and temperature via NVML.
 *             not available: no NVIDIA driver: libnvidia-ml.so.1 not found
 * </pre>
 *
 * <p>With {@code --json}: {@code {"collectors":[{"name","description","enabledByDefault",
 * "available","reason","options":[{"name","paramLabel","description","default","repeatable"}]}],
 * "failures":["..."]}}.
 */
@Command(
    name = "collectors",
    mixinStandardHelpOptions = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = "List the collector plugins found: on or off by default, available here or why not, and their options.",
    footer = {"", "Examples:", "  taoprom collectors", "  taoprom collectors --json | jq '.collectors[].name'"})
public final class CollectorsCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Supplier<PluginCatalog> catalog;

  /** Built by picocli through the CLI's factory, with the catalog shared by all commands. */
  public CollectorsCommand(Supplier<PluginCatalog> catalog) {
    this.catalog = catalog;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    PluginCatalog found = catalog.get();
    List<PluginSummary> plugins = found.plugins().stream().map(p -> PluginSummary.of(p, found)).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(plugins, found.failures()));
    } else {
      out.print(toTable(plugins, found.failures()));
    }
    out.flush();
    return 0;
  }

  /** The JSON document printed by {@code --json}. */
  static String toJson(List<PluginSummary> plugins, List<String> failures) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode collectors = root.putArray("collectors");
    for (PluginSummary p : plugins) {
      ObjectNode c = collectors.addObject();
      c.put("name", p.name());
      c.put("description", p.description());
      c.put("enabledByDefault", p.enabledByDefault());
      c.put("available", p.availability().available());
      if (p.availability().available()) {
        c.putNull("reason");
      } else {
        c.put("reason", p.availability().reason());
      }
      ArrayNode options = c.putArray("options");
      for (CollectorOption o : p.options()) {
        ObjectNode n = options.addObject();
        n.put("name", o.name());
        n.put("paramLabel", o.paramLabel());
        n.put("description", o.description());
        if (o.defaultValue().isPresent()) {
          n.put("default", o.defaultValue().get());
        } else {
          n.putNull("default");
        }
        n.put("repeatable", o.repeatable());
      }
    }
    ArrayNode failed = root.putArray("failures");
    failures.forEach(failed::add);
    return mapper.writeValueAsString(root);
  }

  /** The table printed without {@code --json}. */
  static String toTable(List<PluginSummary> plugins, List<String> failures) {
    StringBuilder text = new StringBuilder();
    if (plugins.isEmpty()) {
      text.append("No collector plugins found on the classpath.\n");
    } else {
      int width = Math.max(4, plugins.stream().mapToInt(p -> p.name().length()).max().orElse(4)) + 2;
      String row = "%-" + width + "s%-9s%-11s%s%n";
      text.append(String.format(row, "NAME", "DEFAULT", "AVAILABLE", "DESCRIPTION"));
      for (PluginSummary p : plugins) {
        boolean available = p.availability().available();
        text.append(String.format(row, p.name(), p.enabledByDefault() ? "on" : "off", available ? "yes" : "no",
            p.description()));
        if (!available) {
          text.append(" ".repeat(width)).append("not available: ").append(OptionFlags.of(p.availability().reason())).append('\n');
        }
        for (CollectorOption o : p.options()) {
          String flag = "--" + o.name() + "=" + o.paramLabel();
          text.append(" ".repeat(width)).append(flag).append("  ").append(o.description())
              .append(o.defaultValue().map(d -> " (default: " + d + ")").orElse(""))
              .append(o.repeatable() && !PluginSummary.mentionsRepeat(o) ? " (repeatable)" : "").append('\n');
        }
      }
    }
    if (!failures.isEmpty()) {
      text.append("\nPlugins that failed to load:\n");
      failures.forEach(f -> text.append("  ").append(f).append('\n'));
    }
    return text.toString();
  }
}
