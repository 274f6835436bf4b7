package io.taoprom.exporter.web;

import io.taoprom.untrusted.Excerpt;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML file from outside as a tree of nodes, never as Java objects: snakeyaml composes the
 * document (safe loader, caps on size, aliases and nesting) and the schema reads scalars as the
 * text they were written as, the way Go's yaml.v2 fills a string field. The helpers check the
 * shape and name the key in their errors; no helper quotes a value unless told it is not secret.
 */
final class YamlTree {

  static final int MAX_CODE_POINTS = 256 * 1024;
  static final int MAX_ALIASES = 16;
  static final int MAX_DEPTH = 16;

  private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ,
      Tag.TIMESTAMP);
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N");

  // What may be shown of a key as written: a name, not a line of a key or hash that slipped into
  // key position by a wrong indentation (those have spaces, '$', '/' or '=', or are long).
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@+-]{0,39}");

  private final String source;

  YamlTree(String source) {
    this.source = source;
  }

  /** The document's root, or null for an empty file. */
  Node parse(String text) throws WebConfigException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    options.setProcessComments(false);
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
    try {
      return yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      // Never getMessage(): it quotes the lines around the problem, which may hold a hash or a key.
      throw new WebConfigException(source + at(e.getProblemMark()) + ": not valid YAML: " + problem(e.getProblem()));
    } catch (YAMLException e) {
      throw new WebConfigException(source + ": not valid YAML: " + limitReason(e));
    } catch (RuntimeException | StackOverflowError e) {
      throw new WebConfigException(source + ": not valid YAML (" + e.getClass().getSimpleName() + ")");
    }
  }

  // snakeyaml's description of the problem up to where it starts quoting the file ("found
  // undefined alias $2y$10$..."): a tag, alias or character there may be part of a hash or key.
  private static String problem(String problem) {
    String text = problem == null ? "" : problem;
    int end = 0;
    while (end < text.length() && end < 80 && (Character.isLetter(text.charAt(end)) && text.charAt(end) < 0x80
        || " ,<>-".indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return text.substring(0, end).strip();
  }

  private static String limitReason(YAMLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("code points")) {
      return "longer than " + MAX_CODE_POINTS + " characters";
    }
    if (m.contains("aliases")) {
      return "more than " + MAX_ALIASES + " aliases";
    }
    if (m.contains("depth") || m.contains("Nesting")) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    return Excerpt.of(m.lines().findFirst().orElse(""), 80);
  }

  /** " line N" for a node, "" without a mark. */
  static String at(Mark mark) {
    return mark == null ? "" : ": line " + (mark.getLine() + 1);
  }

  String where(Node node, String key) {
    return source + at(node.getStartMark()) + ": " + key;
  }

  /** Whether {@code node} is absent or YAML's null ({@code key:} with nothing after it). */
  static boolean isNull(Node node) {
    return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /**
   * A mapping's entries by key text, checking that every key is one of {@code allowed} (null: any
   * key) and appears once. An absent or null node is an empty mapping.
   */
  Map<String, Node> mapping(Node node, String key, List<String> allowed) throws WebConfigException {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (isNull(node)) {
      return entries;
    }
    checkTag(node, key);
    if (!(node instanceof MappingNode mapping)) {
      throw new WebConfigException(where(node, key) + ": expected a mapping of keys to values, found " + kind(node));
    }
    for (NodeTuple tuple : mapping.getValue()) {
      Node k = tuple.getKeyNode();
      if (!(k instanceof ScalarNode scalar)) {
        throw new WebConfigException(where(k, key) + ": a key must be a plain string, found " + kind(k));
      }
      String name = scalar.getValue();
      String qualified = key.isEmpty() ? shown(name) : key + "." + shown(name);
      if (allowed != null && !allowed.contains(name)) {
        throw new WebConfigException(where(k, qualified) + ": unknown key; "
            + (key.isEmpty() ? "the keys are " : "the keys of " + key + " are ") + String.join(", ", allowed));
      }
      if (entries.putIfAbsent(name, tuple.getValueNode()) != null) {
        throw new WebConfigException(where(k, qualified) + ": given twice; keep one");
      }
    }
    return entries;
  }

  /**
   * A key as an error may show it: itself when it looks like a name, else only its length (it may
   * be a line of a private key or a hash that a wrong indentation put in key position).
   */
  static String shown(String key) {
    return NAME.matcher(key).matches() ? key : "(a key of " + key.length() + " characters, not shown)";
  }

  /** A scalar as written ("" for null); {@code secret}: never quoted in an error. */
  String string(Node node, String key, boolean secret) throws WebConfigException {
    if (isNull(node)) {
      return "";
    }
    checkTag(node, key);
    if (!(node instanceof ScalarNode scalar)) {
      throw new WebConfigException(where(node, key) + ": expected " + (secret ? "a string" : "a single value")
          + ", found " + kind(node));
    }
    return scalar.getValue();
  }

  /** A YAML boolean, or {@code fallback} when absent. */
  boolean bool(Node node, String key, boolean fallback) throws WebConfigException {
    if (isNull(node)) {
      return fallback;
    }
    String text = string(node, key, false);
    if (TRUE.contains(text)) {
      return true;
    }
    if (FALSE.contains(text)) {
      return false;
    }
    throw new WebConfigException(where(node, key) + ": " + Excerpt.quoted(text, 40) + " is not a boolean; use true or false");
  }

  /** A list of scalars; an absent or null node is an empty list. */
  List<String> strings(Node node, String key) throws WebConfigException {
    if (isNull(node)) {
      return List.of();
    }
    checkTag(node, key);
    if (!(node instanceof SequenceNode sequence)) {
      throw new WebConfigException(where(node, key) + ": expected a list, found " + kind(node));
    }
    List<String> values = new java.util.ArrayList<>();
    for (Node item : sequence.getValue()) {
      values.add(string(item, key + "[" + values.size() + "]", false));
    }
    return values;
  }

  // A tag of our own (!!binary, !!set, !foo) would ask a loader for a type; we only take YAML's plain ones.
  private void checkTag(Node node, String key) throws WebConfigException {
    if (!PLAIN_TAGS.contains(node.getTag())) {
      String tag = node.getTag().getValue();
      String standard = tag.startsWith(Tag.PREFIX) ? tag.substring(Tag.PREFIX.length()) : "";
      throw new WebConfigException(where(node, key) + ": "
          + (NAME.matcher(standard).matches() ? "the tag !!" + standard : "a tag (!...)") + " is not allowed; write plain values");
    }
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "a single value";
  }
}
