package io.taoprom.metrics.push;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.http.Route;
import io.taoprom.exporter.scrape.KnownFamily;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.textfile.format.HeapBudget;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code push} plugin: a Pushgateway-compatible push API on the exporter's own listener, for
 * processes that push rather than wait to be scraped (a short-lived job, a Python neuron calling
 * {@code prometheus_client.push_to_gateway}). The plugin holds the pushed groups and serves them
 * on {@code /metrics}, isolated like any collector; its {@link #route route} takes the pushes at
 * {@code /metrics/job/...}. Pushes are accepted from loopback only unless
 * {@code --push.allowed-cidr} says otherwise.
 *
 * <pre>{@code
 * PushPlugin push = (PushPlugin) catalog.find(PushPlugin.NAME).orElseThrow();
 * AtomicReference<TaoPromExporter> exporter = new AtomicReference<>();
 * exporter.set(TaoPromExporter.builder()
 *     .catalog(catalog)
 *     .routePrefix(GroupingKey.PREFIX, push.route(() -> exporter.get() == null ? null
 *         : exporter.get().knownFamilies(name -> !name.equals(PushPlugin.NAME))))
 *     .buildAndStart());
 * }</pre>
 *
 * <p>After {@code push_to_gateway("127.0.0.1:7091", job="batch", registry=r)} of a gauge
 * {@code jobs_waiting 3}:
 *
 * <pre>
 * jobs_waiting{job="batch"} 3.0
 * push_failure_time_seconds{job="batch"} 0.0
 * push_time_seconds{job="batch"} 1.7500000123E9
 * </pre>
 */
public final class PushPlugin implements CollectorPlugin {

  /** The plugin's name: {@code --[no-]collector.push}, {@code collector="push"}. */
  public static final String NAME = "push";

  private final Clock clock;
  private final HeapBudget budget;
  private volatile PushGroups groups;

  /** The plugin as discovered: wall-clock time, the JVM's shared heap budget for outside metrics. */
  public PushPlugin() {
    this(Clock.systemUTC(), HeapBudget.shared());
  }

  PushPlugin(Clock clock, HeapBudget budget) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Pushgateway-compatible push at /metrics/job/<JOB>{/<LABEL>/<VALUE>} (loopback only unless --push.allowed-cidr)";
  }

  @Override
  public List<CollectorOption> options() {
    return PushSettings.options();
  }

  /**
   * Starts holding pushes with the given options; the {@link #route route} takes them from now on.
   *
   * @throws IllegalArgumentException naming an option whose value is not valid
   */
  @Override
  public MultiCollector create(CollectorConfig config) {
    PushGroups created = new PushGroups(PushSettings.parse(config), clock, budget.account());
    groups = created;
    return created::collect;
  }

  /**
   * The push API, to serve under {@link GroupingKey#PREFIX} ({@code routePrefix}). It answers 503
   * until {@link #create} has run.
   *
   * @param served what the exporter serves besides the pushes, as
   *     {@code exporter.knownFamilies(name -> !name.equals("push"))} gives it; null while the
   *     exporter is starting. A push that would take one of these names is refused.
   */
  public Route route(Supplier<List<KnownFamily>> served) {
    return new PushRoute(() -> groups, Objects.requireNonNull(served, "served"));
  }
}
