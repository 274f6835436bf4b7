package io.taoprom.cli.mixin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Grafana dashboard of the mixin, read from its JSON model the way Grafana reads what matters
 * to Prometheus: its template variables, and every query of every panel (rows' nested panels
 * included), with Grafana's variable syntax ({@code $name}, {@code ${name}},
 * {@code ${name:format}}, {@code [[name]]}) substituted on request.
 *
 * <pre>{@code
 * Dashboard node = Dashboard.read(Mixin.dashboards().get(0));
 * for (Dashboard.Query q : node.queries()) {
 *   String promql = Dashboard.interpolate(q.expr(), Map.of("job", "taoprom", "__rate_interval", "1m"));
 * }
 * }</pre>
 */
public final class Dashboard {

  /** Grafana's variable references; group 1, 2 or 4 is the name, 3 the format. */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)(?::(\\w+))?}|\\[\\[(\\w+)]]");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\(\\s*(?:(.*\\S)\\s*,\\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");

  /** A template variable. {@code query} is empty for a data source variable. */
  public record Variable(String name, String type, String query, boolean multi, boolean includeAll,
      Optional<String> allValue) {

    /**
     * The selector and label of a {@code label_values(selector, label)} query (the selector empty
     * for {@code label_values(label)}).
     *
     * @throws IllegalStateException for any other kind of query, which this reader does not
     *     resolve
     */
    public LabelValues labelValues() {
      Matcher m = LABEL_VALUES.matcher(query);
      if (!m.matches()) {
        throw new IllegalStateException("variable " + name + ": only label_values(...) queries are resolved, not "
            + query);
      }
      return new LabelValues(m.group(1) == null ? "" : m.group(1), m.group(2));
    }
  }

  /** The parts of a {@code label_values} query. */
  public record LabelValues(String selector, String label) {}

  /** One query of one panel; {@code path} names it for messages ("Host / Disk busy / B"). */
  public record Query(String path, JsonNode panel, JsonNode target, String expr) {}

  private final Path file;
  private final JsonNode root;

  private Dashboard(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /** Reads a dashboard file. */
  public static Dashboard read(Path file) throws IOException {
    return new Dashboard(file, new ObjectMapper().readTree(file.toFile()));
  }

  /** The file it was read from. */
  public Path file() {
    return file;
  }

  /** The JSON model as read. */
  public JsonNode json() {
    return root;
  }

  /** {@code uid}. */
  public String uid() {
    return root.path("uid").asText();
  }

  /** {@code title}. */
  public String title() {
    return root.path("title").asText();
  }

  /** The template variables, in the order Grafana resolves them. */
  public List<Variable> variables() {
    List<Variable> out = new ArrayList<>();
    for (JsonNode v : root.path("templating").path("list")) {
      JsonNode q = v.path("query");
      String query = q.isObject() ? q.path("query").asText() : q.asText();
      if ("datasource".equals(v.path("type").asText())) {
        query = "";
      }
      out.add(new Variable(v.path("name").asText(), v.path("type").asText(), query,
          v.path("multi").asBoolean(), v.path("includeAll").asBoolean(),
          v.hasNonNull("allValue") && !v.path("allValue").asText().isEmpty()
              ? Optional.of(v.path("allValue").asText()) : Optional.empty()));
    }
    return out;
  }

  /** Every panel, rows' nested panels included, rows themselves too, in file order. */
  public List<JsonNode> panels() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : root.path("panels")) {
      out.add(p);
      p.path("panels").forEach(out::add);
    }
    return out;
  }

  /** Every target of every panel that has an {@code expr}. */
  public List<Query> queries() {
    List<Query> out = new ArrayList<>();
    String row = "";
    for (JsonNode p : panels()) {
      if ("row".equals(p.path("type").asText())) {
        row = p.path("title").asText();
        continue;
      }
      for (JsonNode t : p.path("targets")) {
        if (t.has("expr")) {
          out.add(new Query(title() + " / " + row + " / " + p.path("title").asText() + " / " + t.path("refId").asText(),
              p, t, t.path("expr").asText()));
        }
      }
    }
    return out;
  }

  /**
   * {@code text} with every variable reference replaced by its value in {@code values}, as-is
   * (the caller gives a multi-value variable its regex, {@code (a|b)}, or its all value).
   *
   * @throws IllegalArgumentException naming the first variable that has no value, or a format
   *     other than {@code regex} and {@code raw}
   */
  public static String interpolate(String text, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
      String format = m.group(3);
      if (format != null && !format.equals("regex") && !format.equals("raw")) {
        throw new IllegalArgumentException("variable " + name + " has the format " + format
            + ", which this reader does not apply: " + text);
      }
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("undefined variable $" + name + " in: " + text);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The names of the variables {@code text} refers to. */
  public static List<String> referencedVariables(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4));
    }
    return out;
  }

  /**
   * The value Grafana gives a variable whose chosen values are {@code chosen}: one value as it
   * is; several (or All without an all value) as a regex alternation of the escaped values.
   */
  public static String valueOf(Variable variable, List<String> chosen, boolean all) {
    if (all && variable.allValue().isPresent()) {
      return variable.allValue().get();
    }
    if (chosen.size() == 1 && !all) {
      return chosen.get(0);
    }
    StringBuilder regex = new StringBuilder("(");
    for (int i = 0; i < chosen.size(); i++) {
      regex.append(i > 0 ? "|" : "").append(chosen.get(i).replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\\\\\$0"));
    }
    return regex.append(')').toString();
  }
}
