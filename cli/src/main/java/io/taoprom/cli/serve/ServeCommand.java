package io.taoprom.cli.serve;

import io.taoprom.cli.CommandFailure;
import io.taoprom.cli.chainmetrics.ServeChain;
import io.taoprom.cli.chainmetrics.ServeChainOptions;
import io.taoprom.exporter.ExporterStartException;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.TaoPromExporter;
import io.taoprom.exporter.http.MetricsServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code taoprom serve}: serves the enabled collectors on {@code /metrics} until SIGTERM or
 * SIGINT, then stops the HTTP server and closes the collectors.
 *
 * <pre>
 * $ taoprom serve --web.listen-address 127.0.0.1:7091 --no-collector.filesystem
 * taoprom: serving http://127.0.0.1:7091/metrics; collectors: cpu, diskstats, loadavg, ...
 * </pre>
 *
 * <p>Every plugin found on the classpath gets a {@code --[no-]collector.NAME} switch and its
 * own options ({@link PluginOptions}); they are added when the command line is built, before
 * parsing, so a third-party plugin's flags parse and show in {@code --help} like built-in ones.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    customSynopsis = "taoprom serve [--web.listen-address=ADDRESS] [--collector.disable-defaults]%n"
        + "              [--[no-]collector.NAME]... [--PLUGIN.OPTION=VALUE]...",
    description = {
      "Serve host, GPU and plugin metrics on /metrics for Prometheus, until stopped with SIGTERM or Ctrl-C.",
      "Also serves / (collector overview), /-/healthy and /-/ready."
    },
    footer = {
      "",
      "Examples:",
      "  taoprom serve",
      "  taoprom serve --web.listen-address 127.0.0.1:9400 --no-collector.filesystem",
      "  taoprom serve --collector.disable-defaults --collector.cpu --collector.meminfo"
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--web.listen-address",
      paramLabel = "ADDRESS",
      defaultValue = ":7091",
      converter = ListenAddress.Converter.class,
      description = "Where to listen: HOST:PORT, :PORT (all interfaces) or [IPV6]:PORT (default: ${DEFAULT-VALUE}).")
  ListenAddress listenAddress;

  @Option(
      names = "--collector.disable-defaults",
      description = "Turn off every collector that is on by default; enable the ones you want with --collector.NAME.")
  boolean disableDefaults;

  // --network, --sd.netuid, --register...: the chain side lives in ServeChain, beside the exporter.
  @CommandLine.Mixin ServeChainOptions chainOptions;

  @CommandLine.Spec CommandSpec spec;

  private final Supplier<PluginCatalog> catalog;
  private PluginOptions pluginOptions;
  private ServeChain chain;

  /** Built by picocli through the CLI's factory, with the catalog shared by all commands. */
  public ServeCommand(Supplier<PluginCatalog> catalog) {
    this.catalog = catalog;
    MetricsServer.warmUp(); // Jetty's slowest class initialisation, beside the parsing of the command line
  }

  /**
   * Adds a {@code --[no-]collector.NAME} switch for every discovered plugin and each plugin's
   * own options to this command's spec. Called once, after the command line is built.
   */
  public void addPluginOptions(CommandSpec commandSpec) {
    pluginOptions = PluginOptions.install(commandSpec, catalog.get().plugins());
    pluginOptions.addHelpSections(commandSpec);
    ServeChainOptions.installHelpSection(commandSpec);
  }

  PluginOptions pluginOptions() {
    return pluginOptions;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PluginCatalog plugins = catalog.get();
    PluginOptions.Selection selection = pluginOptions.selection(spec.commandLine().getParseResult());
    for (String problem : pluginOptions.problems()) {
      err.println("taoprom: warning: " + problem);
    }

    TaoPromExporter exporter = start(plugins, selection);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        chain.close();
        exporter.close();
        err.println("taoprom: stopped");
        err.flush();
      } finally {
        stopped.countDown();
      }
    }, "taoprom-shutdown"));

    ListenAddress bound = listenAddress.withPort(exporter.port());
    err.println(StartupLine.of(bound, exporter.collectors(), plugins.failures()));
    chain.start(exporter, err); // background threads: the chain never holds up /metrics
    err.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private TaoPromExporter start(PluginCatalog plugins, PluginOptions.Selection selection) {
    TaoPromExporter.Builder builder = TaoPromExporter.builder()
        .port(listenAddress.port())
        .catalog(plugins)
        .config(selection.config());
    listenAddress.host().ifPresent(builder::host);
    if (disableDefaults) {
      builder.disableDefaults();
    }
    selection.enabled().forEach(builder::enable);
    selection.disabled().forEach(builder::disable);
    chain = ServeChain.prepare(chainOptions, builder, spec);
    try {
      return builder.buildAndStart();
    } catch (ExporterStartException e) {
      throw new CommandFailure(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // A switch naming a plugin the catalog lacks; parsing rules that out, but if it ever
      // happens the user still gets one line, not a stack trace.
      throw new CommandFailure(e.getMessage(), e);
    }
  }
}
