package io.taoprom.cli.serve;

import io.taoprom.cli.OptionFlags;
import io.taoprom.cli.CommandFailure;
import io.taoprom.cli.TaoPromCli;
import io.taoprom.cli.chainmetrics.ServeChain;
import io.taoprom.cli.chainmetrics.ServeChainOptions;
import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.exporter.ExporterStartException;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.TaoPromExporter;
import io.taoprom.exporter.TelemetryPath;
import io.taoprom.exporter.http.HttpLimits;
import io.taoprom.exporter.http.MetricsServer;
import io.taoprom.exporter.web.WebConfigException;
import io.taoprom.exporter.web.WebConfigFile;
import java.io.PrintWriter;
import java.util.Optional;
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
 * time=... level=info source=taoprom.serve msg="serving http://127.0.0.1:7091/metrics" collectors=cpu,diskstats,loadavg,...
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
    customSynopsis = "taoprom serve [--web.listen-address=ADDRESS] [--web.config.file=FILE] [--collector.disable-defaults]%n"
        + "              [--[no-]collector.NAME]... [--PLUGIN.OPTION=VALUE]...",
    description = {
      "Serve host, GPU and plugin metrics on /metrics for Prometheus, until stopped with SIGTERM or Ctrl-C.",
      "Also serves / (collector overview), /-/healthy, /-/ready, and the Pushgateway push API at"
          + " /metrics/job/<JOB>{/<LABEL>/<VALUE>} (loopback only unless --push.allowed-cidr; off with --no-collector.push)."
    },
    footer = {
      "",
      "Examples:",
      "  taoprom serve",
      "  taoprom serve --web.listen-address 127.0.0.1:9400 --no-collector.filesystem",
      "  taoprom serve --web.config.file /etc/taoprom/web.yml",
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

  // --web.config.file and the bounds on clients.
  @CommandLine.Mixin WebOptions webOptions;

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
    ConsoleLog log = ConsoleLog.of(spec);
    PluginCatalog plugins = catalog.get();
    PluginOptions.Selection selection = pluginOptions.selection(spec.commandLine().getParseResult());
    for (String problem : pluginOptions.problems()) {
      log.warn(problem);
    }

    WebConfigFile web;
    HttpLimits limits;
    Optional<ServePush> push;
    Optional<ServeMetagraph> metagraph;
    try {
      push = ServePush.prepare(plugins, selection, disableDefaults);
      metagraph = ServeMetagraph.prepare(plugins, selection);
      // Before anything listens: a netuid that does not exist is a usage error, not a collector that never serves.
      metagraph.ifPresent(m -> m.checkSubnets(chainOptions, spec, log));
    } catch (IllegalArgumentException e) {
      log.error(OptionFlags.of(e.getMessage()));
      return TaoPromCli.EXIT_USAGE;
    }
    try {
      TelemetryPath.check(webOptions.telemetryPath);
      webOptions.checkExporterMetrics(selection.enabled());
    } catch (IllegalArgumentException e) {
      log.error(e.getMessage() + (e.getMessage().startsWith("telemetry path") ? " (--web.telemetry-path)" : ""));
      return TaoPromCli.EXIT_USAGE;
    }
    try {
      limits = webOptions.limits();
      web = webOptions.load();
    } catch (WebConfigException e) {
      // As a bad command line: one line, exit 2, nothing started.
      log.error(e.getMessage());
      return TaoPromCli.EXIT_USAGE;
    } catch (IllegalArgumentException e) {
      log.error(e.getMessage() + " (--web.*)");
      return TaoPromCli.EXIT_USAGE;
    }
    push.flatMap(p -> p.exposureWarning(web)).ifPresent(log::warn);
    TaoPromExporter exporter = start(plugins, selection, limits, web, push, metagraph);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        chain.close();
        exporter.close();
        log.info("stopped");
      } finally {
        stopped.countDown();
      }
    }, "taoprom-shutdown"));

    ListenAddress bound = listenAddress.withPort(exporter.port());
    StartupLine.of(bound, exporter.secure(), exporter.telemetryPath(), exporter.collectors(), plugins.failures())
        .with("push", push.map(ServePush::summary).orElse(null))
        .with("metagraph", metagraph.map(ServeMetagraph::summary).orElse(null))
        .with("web_config", web == null ? null : web.config().summary())
        .logTo(log);
    chain.start(exporter, log); // background threads: the chain never holds up /metrics
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private TaoPromExporter start(PluginCatalog plugins, PluginOptions.Selection selection, HttpLimits limits,
      WebConfigFile web, Optional<ServePush> push, Optional<ServeMetagraph> metagraph) {
    TaoPromExporter.Builder builder = TaoPromExporter.builder()
        .httpLimits(limits)
        .port(listenAddress.port())
        .catalog(plugins)
        .config(selection.config());
    listenAddress.host().ifPresent(builder::host);
    if (web != null) {
      builder.webConfig(web);
    }
    if (disableDefaults) {
      builder.disableDefaults();
    }
    selection.enabled().forEach(builder::enable);
    selection.disabled().forEach(builder::disable);
    builder.telemetryPath(webOptions.telemetryPath);
    if (webOptions.disableExporterMetrics) {
      WebOptions.EXPORTER_COLLECTORS.stream().filter(name -> plugins.find(name).isPresent()).forEach(builder::disable);
    }
    chain = ServeChain.prepare(chainOptions, builder, spec);
    metagraph.ifPresent(m -> chain.metagraph(m.plugin()));
    push.ifPresent(p -> p.wire(builder));
    try {
      TaoPromExporter exporter = builder.buildAndStart();
      push.ifPresent(p -> p.started(exporter));
      return exporter;
    } catch (ExporterStartException e) {
      // The exporter names the listen address; the flag that sets it is the CLI's to say.
      throw new CommandFailure(e.getMessage() + " (--web.listen-address)", e);
    } catch (IllegalArgumentException e) {
      // A switch naming a plugin the catalog lacks; parsing rules that out, but if it ever
      // happens the user still gets one line, not a stack trace.
      throw new CommandFailure(OptionFlags.of(e.getMessage()), e);
    }
  }
}
