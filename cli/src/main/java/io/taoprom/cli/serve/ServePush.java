package io.taoprom.cli.serve;

import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.TaoPromExporter;
import io.taoprom.exporter.scrape.KnownFamily;
import io.taoprom.exporter.web.ClientAuth;
import io.taoprom.exporter.web.WebConfigFile;
import io.taoprom.metrics.push.GroupingKey;
import io.taoprom.metrics.push.PushPlugin;
import io.taoprom.metrics.push.PushSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code taoprom serve}'s push API: when the {@code push} collector is on ({@code --[no-]collector.push},
 * on by default), its route is served under {@code /metrics/job}, checking each push against what
 * the exporter serves once it runs. Its options are checked before anything starts, so a bad
 * {@code --push.allowed-cidr} is a usage error rather than a collector that fails to start.
 *
 * <pre>{@code
 * ServePush push = ServePush.prepare(catalog, selection, disableDefaults);   // IllegalArgumentException
 * push.wire(builder);
 * TaoPromExporter exporter = builder.buildAndStart();
 * push.started(exporter);
 * }</pre>
 */
final class ServePush {

  private final PushPlugin plugin;
  private final PushSettings settings;
  private final AtomicReference<TaoPromExporter> exporter = new AtomicReference<>();

  private ServePush(PushPlugin plugin, PushSettings settings) {
    this.plugin = plugin;
    this.settings = settings;
  }

  /**
   * The push API as the command line asks for it; empty when the push collector is off or absent.
   *
   * @throws IllegalArgumentException naming a {@code --push.*} option whose value is not valid
   */
  static Optional<ServePush> prepare(PluginCatalog catalog, PluginOptions.Selection selection, boolean disableDefaults) {
    Optional<PushPlugin> found = catalog.find(PushPlugin.NAME).filter(PushPlugin.class::isInstance).map(PushPlugin.class::cast);
    boolean on = selection.enabled().contains(PushPlugin.NAME)
        || !disableDefaults && !selection.disabled().contains(PushPlugin.NAME);
    if (found.isEmpty() || !on) {
      return Optional.empty();
    }
    return Optional.of(new ServePush(found.get(), PushSettings.parse(selection.config())));
  }

  /** Adds the route; until {@link #started} it answers 503 ("still starting"). */
  void wire(TaoPromExporter.Builder builder) {
    builder.routePrefix(GroupingKey.PREFIX, plugin.route(this::served));
  }

  /** The exporter is serving: pushes are checked against what it serves from now on. */
  void started(TaoPromExporter running) {
    exporter.set(running);
  }

  private List<KnownFamily> served() {
    TaoPromExporter running = exporter.get();
    return running == null ? null : running.knownFamilies(name -> !name.equals(PushPlugin.NAME));
  }

  /** {@code push at /metrics/job/... from 127.0.0.0/8, ::1/128}: for the start-up line. */
  String summary() {
    return "push at " + GroupingKey.PREFIX + "/... from " + settings.allowed();
  }

  /**
   * A warning when pushes are accepted beyond loopback with nothing that authenticates the client
   * (no basic auth users, no verified client certificates in the web config), else empty.
   */
  Optional<String> exposureWarning(WebConfigFile web) {
    if (settings.allowed().loopbackOnly()) {
      return Optional.empty();
    }
    boolean authenticated = web != null && (!web.config().users().isEmpty()
        || web.config().tls().map(t -> t.clientAuth() == ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT).orElse(false));
    if (authenticated) {
      return Optional.empty();
    }
    return Optional.of("pushes are accepted from " + settings.allowed() + " without authentication: anyone there can add series"
        + " to /metrics; put basic_auth_users or client certificates in a --web.config.file (docs/operations.md)");
  }
}
