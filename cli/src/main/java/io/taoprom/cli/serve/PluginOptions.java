package io.taoprom.cli.serve;

import io.taoprom.cli.collectors.PluginSummary;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command-line options that come from the plugins found at run time: a
 * {@code --[no-]collector.NAME} switch for every plugin and a {@code --NAME.OPTION} for each
 * of its {@link CollectorOption}s, so that a third-party plugin dropped on the classpath gets
 * flags like the built-in ones.
 *
 * <pre>{@code
 * PluginOptions options = PluginOptions.install(spec, catalog.plugins());
 * // ... picocli parses ...
 * PluginOptions.Selection s = options.selection(spec.commandLine().getParseResult());
 * s.enabled();   // [cpu] for --collector.cpu
 * }</pre>
 */
final class PluginOptions {

  static final String SWITCH_PREFIX = "--collector.";

  // Picocli's default negation only covers names made of word characters and dashes; ours have dots.
  private static final CommandLine.INegatableOptionTransformer NEGATION =
      new CommandLine.RegexTransformer.Builder()
          .addPattern("^--no-(\\w[\\w.-]*)$", "--$1", "--$1")
          .addPattern("^--(\\w[\\w.-]*)$", "--no-$1", "--[no-]$1")
          .build();

  private final Map<String, OptionSpec> switches = new LinkedHashMap<>();
  private final Map<String, OptionSpec> pluginOptions = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private PluginOptions() {}

  /** What the user chose on the command line. */
  record Selection(Set<String> enabled, Set<String> disabled, CollectorConfig config) {}

  /**
   * Adds the switches and options of the given plugins to {@code spec}. A plugin whose name or
   * option clashes with an option already there is skipped and reported in {@link #problems()}.
   */
  static PluginOptions install(CommandSpec spec, List<CollectorPlugin> plugins) {
    spec.negatableOptionTransformer(NEGATION);
    PluginOptions installed = new PluginOptions();
    for (CollectorPlugin plugin : plugins) {
      installed.addSwitch(spec, plugin);
    }
    for (CollectorPlugin plugin : plugins) {
      for (CollectorOption option : options(plugin, installed.problems)) {
        installed.addOption(spec, plugin, option);
      }
    }
    return installed;
  }

  private void addSwitch(CommandSpec spec, CollectorPlugin plugin) {
    String name = plugin.name();
    try {
      String description = literal(PluginSummary.description(plugin));
      OptionSpec option = OptionSpec.builder(SWITCH_PREFIX + name)
          .negatable(true)
          .type(boolean.class)
          .arity("0")
          // Hidden from picocli's own option list and synopsis: ServeCommand prints these in a
          // section of their own, which stays readable with many plugins.
          .hidden(true)
          .description("Enable the " + name + " collector (default: "
              + (PluginSummary.enabledByDefault(plugin) ? "on" : "off") + ")"
              + (description.isEmpty() ? "." : ": " + description))
          .build();
      spec.addOption(option);
      switches.put(name, option);
    } catch (RuntimeException e) {
      problems.add("plugin '" + name + "' gets no --collector." + name + " switch: " + e.getMessage());
    }
  }

  private void addOption(CommandSpec spec, CollectorPlugin plugin, CollectorOption option) {
    try {
      OptionSpec.Builder builder = OptionSpec.builder("--" + option.name())
          .paramLabel(option.paramLabel().replace("${", "$${"))
          .hidden(true)
          .arity("1");
      if (option.repeatable()) {
        builder.type(List.class).auxiliaryTypes(String.class)
            .description(literal(option.description()) + " (" + plugin.name()
                + (PluginSummary.mentionsRepeat(option) ? ")" : "; may be repeated)"));
      } else {
        builder.type(String.class).description(literal(option.description()) + " (" + plugin.name()
            + option.defaultValue().map(d -> "; default: " + literal(d)).orElse("") + ")");
        option.defaultValue().map(d -> d.replace("${", "$${")).ifPresent(builder::defaultValue);
      }
      OptionSpec built = builder.build();
      spec.addOption(built);
      pluginOptions.put(option.name(), built);
    } catch (RuntimeException e) {
      problems.add("option --" + option.name() + " of plugin '" + plugin.name() + "' is left out: " + e.getMessage());
    }
  }

  /**
   * Plugin text as picocli should show it: picocli reads descriptions as format strings and
   * expands {@code ${...}} in descriptions and defaults, which a plugin's "%" or regex must not
   * trigger.
   */
  static String literal(String text) {
    return text.replace("%", "%%").replace("${", "$${");
  }

  private static List<CollectorOption> options(CollectorPlugin plugin, List<String> problems) {
    try {
      return plugin.options();
    } catch (RuntimeException | LinkageError e) {
      problems.add("plugin '" + plugin.name() + "' could not list its options: " + e);
      return List.of();
    }
  }

  /** The {@code --[no-]collector.NAME} switches, by plugin name. */
  Map<String, OptionSpec> switches() {
    return switches;
  }

  /** The plugins' own options, by option name. */
  Map<String, OptionSpec> pluginOptions() {
    return pluginOptions;
  }

  /** Plugins or options that could not be offered, one line each. */
  List<String> problems() {
    return problems;
  }

  /** Reads the user's choice from a finished parse. */
  Selection selection(ParseResult parsed) {
    Set<String> enabled = new LinkedHashSet<>();
    Set<String> disabled = new LinkedHashSet<>();
    switches.forEach((name, option) -> {
      if (parsed.hasMatchedOption(option)) {
        if (Boolean.TRUE.equals(option.getValue())) {
          enabled.add(name);
        } else {
          disabled.add(name);
        }
      }
    });
    Map<String, List<String>> values = new LinkedHashMap<>();
    pluginOptions.forEach((name, option) -> {
      Object value = option.getValue();
      if (value instanceof List<?> list && !list.isEmpty()) {
        values.put(name, list.stream().map(String::valueOf).toList());
      } else if (value instanceof String s) {
        values.put(name, List.of(s));
      }
    });
    return new Selection(enabled, disabled, CollectorConfig.of(values));
  }

  /** Adds the two help sections, "Collectors" and "Collector options", after the usual options. */
  void addHelpSections(CommandSpec spec) {
    Map<String, CommandLine.IHelpSectionRenderer> sections = spec.commandLine().getHelpSectionMap();
    sections.put("taopromCollectors", help -> section(help, "Collectors (see 'taoprom collectors'):", switches.values()));
    sections.put("taopromCollectorOptions", help -> section(help, "Collector options:", pluginOptions.values()));
    List<String> keys = new ArrayList<>(spec.commandLine().getHelpSectionKeys());
    int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1;
    keys.addAll(at, List.of("taopromCollectors", "taopromCollectorOptions"));
    spec.commandLine().setHelpSectionKeys(keys);
  }

  private static String section(Help help, String heading, Iterable<OptionSpec> options) {
    Help.Layout layout = help.createDefaultLayout();
    boolean any = false;
    for (OptionSpec option : options) {
      layout.addOption(option, help.createDefaultParamLabelRenderer());
      any = true;
    }
    return any ? String.format("%n%s%n", heading) + layout : "";
  }
}
