package io.taoprom.metrics.push;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.taoprom.exporter.http.Route;
import io.taoprom.exporter.http.RouteRequest;
import io.taoprom.exporter.http.RouteResponse;
import io.taoprom.exporter.scrape.KnownFamily;
import io.taoprom.metrics.textfile.format.Exposition;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.InputLimitException;
import io.taoprom.metrics.textfile.format.TextFormatException;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code PUT}, {@code POST} and {@code DELETE} on {@code /metrics/job/<JOB>{/<LABEL>/<VALUE>}}: the
 * Pushgateway's push API, as {@code prometheus_client}'s {@code push_to_gateway},
 * {@code pushadd_to_gateway} and {@code delete_from_gateway} call it. In order, a push is refused
 * when the client's address is not allowed (403), the path names no grouping key (400), the body is
 * protobuf or in an unknown encoding (415), larger than the body limit (413), not text format or
 * not servable as client_java families (400), over a series or group limit (413), timestamped or in
 * conflict with the other groups or with what the collectors serve (400); each answer is one line.
 * A PUT or POST that is taken answers 200 with no body, a DELETE 202, as the Pushgateway does.
 */
final class PushRoute implements Route {

  private static final System.Logger LOG = System.getLogger("io.taoprom.metrics.push");
  private static final Set<String> METHODS = Set.of("PUT", "POST", "DELETE");

  private final Supplier<PushGroups> groups;
  private final Supplier<List<KnownFamily>> served;

  /**
   * @param groups the push collector's groups; null until it is created
   * @param served what the exporter serves besides the pushes; null while it is starting
   */
  PushRoute(Supplier<PushGroups> groups, Supplier<List<KnownFamily>> served) {
    this.groups = groups;
    this.served = served;
  }

  @Override
  public Set<String> methods() {
    return METHODS;
  }

  @Override
  public RouteResponse handle(RouteRequest request) throws IOException {
    try {
      return answer(request);
    } catch (PushRefusal refusal) {
      LOG.log(Level.DEBUG, () -> request.method() + " " + Excerpt.of(request.rawPath(), 120) + " from "
          + request.remoteAddress().map(InetAddress::getHostAddress).orElse("an unknown address") + ": "
          + refusal.status() + " " + refusal.getMessage());
      return RouteResponse.text(refusal.status(), refusal.getMessage() + "\n");
    }
  }

  private RouteResponse answer(RouteRequest request) throws PushRefusal, IOException {
    PushGroups g = groups.get();
    if (g == null) {
      throw new PushRefusal(503, "push is not running: the push collector has not been created (yet); see 'taoprom collectors'");
    }
    InetAddress client = request.remoteAddress().orElse(null);
    ClientAddresses allowed = g.settings().allowed();
    if (client == null || !allowed.allows(client)) {
      throw new PushRefusal(403, "push from " + (client == null ? "an unknown address" : client.getHostAddress())
          + " refused: pushes are accepted from " + allowed + " only; allow more with --" + PushSettings.ALLOWED_CIDR);
    }
    GroupingKey key = GroupingKey.parse(request.rawPath());
    if (request.method().equals("DELETE")) {
      g.delete(key);
      return RouteResponse.of(202, "text/plain; charset=utf-8", new byte[0]);
    }
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (type.startsWith("application/vnd.google.protobuf")) {
      throw new PushRefusal(415, "push to " + key + " refused: protobuf pushes are not supported; push the text format"
          + " (prometheus_client, client_java and curl do)");
    }
    HeapBudget.Account input = g.account().part();
    boolean kept = false;
    try {
      List<MetricSnapshot> families = parse(request, key, g.settings(), input);
      List<KnownFamily> known = served.get();
      if (known == null) {
        throw new PushRefusal(503, "push to " + key + " refused: the exporter is still starting; push again");
      }
      g.apply(new PushGroups.Write(key, request.method().equals("PUT"), families, input), known);
      kept = true;
      return RouteResponse.of(200, "text/plain; charset=utf-8", new byte[0]);
    } finally {
      if (!kept) {
        input.refundAll();
      }
    }
  }

  /** The body's families, every series with the grouping labels; the body's bytes are given back once parsed. */
  private static List<MetricSnapshot> parse(RouteRequest request, GroupingKey key, PushSettings settings,
      HeapBudget.Account input) throws PushRefusal, IOException {
    HeapBudget.Account bytes = input.part();
    try {
      PushBody body = PushBody.read(request, settings.maxBodyBytes(), bytes);
      Exposition exposition = ExpositionReader.builder()
          .groupingLabels(key.labels())
          .maxSeries(settings.maxGroupSeries(), PushSettings.MAX_GROUP_SERIES)
          .account(input)
          .build()
          .read(body.bytes(), body.length());
      if (!exposition.leftOut().isEmpty()) {
        throw new PushRefusal(400, "push to " + key + " refused: " + GroupMerge.refusal(exposition.leftOut().get(0).toString()));
      }
      return exposition.families();
    } catch (PushRefusal e) {
      throw new PushRefusal(e.status(), e.getMessage().startsWith("push to ") ? e.getMessage()
          : "push to " + key + " refused: " + e.getMessage());
    } catch (TextFormatException e) {
      throw new PushRefusal(400, "push to " + key + " refused: the body is not Prometheus text format: " + e.getMessage());
    } catch (InputLimitException e) {
      String why = e.limit() == InputLimitException.Limit.SERIES
          ? "the body " + e.getMessage()
          : "it needs more heap than outside metrics (textfiles, scrape targets, pushes) may take together, a third of"
              + " -Xmx; raise it (TAOPROM_JAVA_OPTS=-Xmx256m) or push fewer series";
      throw new PushRefusal(413, "push to " + key + " refused: " + why);
    } finally {
      bytes.refundAll();
    }
  }
}
