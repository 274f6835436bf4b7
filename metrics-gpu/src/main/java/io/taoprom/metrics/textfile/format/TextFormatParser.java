package io.taoprom.metrics.textfile.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict parser for the Prometheus text exposition format, version 0.0.4, accepting what
 * Prometheus' own Go parser ({@code expfmt.TextParser}) accepts and rejecting what it rejects:
 * {@code # HELP} and {@code # TYPE} at most once per family and TYPE before the family's
 * samples; metric names {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; label names
 * {@code [a-zA-Z_][a-zA-Z0-9_]*}, each once per sample, never {@code __name__}; the escapes
 * {@code \\}, {@code \"} and {@code \n} in label values ({@code \\} and {@code \n} in help
 * texts); values as Go's {@code ParseFloat} reads them ({@code NaN}, {@code +Inf}, {@code -Inf},
 * exponents); an optional integer timestamp in milliseconds. Histogram samples need an
 * {@code le} label and summary quantiles a {@code quantile} label, both numbers.
 *
 * <pre>{@code
 * List<ParsedFamily> families = TextFormatParser.parse("""
 *     # TYPE jobs_done_total counter
 *     jobs_done_total{queue="gpu"} 42
 *     """);
 * }</pre>
 */
public final class TextFormatParser {

  private final Map<String, Family> families = new LinkedHashMap<>();
  private int lineNo;

  private TextFormatParser() {}

  /**
   * The families in {@code text}, in order of first appearance.
   *
   * @throws TextFormatException at the first line that is not valid text format
   */
  public static List<ParsedFamily> parse(String text) throws TextFormatException {
    TextFormatParser parser = new TextFormatParser();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      if (end > start && text.charAt(end - 1) == '\r') {
        parser.line(text.substring(start, end - 1));
      } else {
        parser.line(text.substring(start, end));
      }
      start = end + 1;
    }
    List<ParsedFamily> out = new ArrayList<>(parser.families.size());
    for (Family f : parser.families.values()) {
      out.add(new ParsedFamily(f.name, f.help, f.type, f.samples));
    }
    return out;
  }

  /** A family being filled. */
  private static final class Family {
    final String name;
    String help;
    FamilyType type = FamilyType.UNTYPED;
    boolean typed;
    final List<ParsedSample> samples = new ArrayList<>();

    Family(String name) {
      this.name = name;
    }
  }

  private void line(String line) throws TextFormatException {
    lineNo++;
    LineCursor c = new LineCursor(line, lineNo);
    c.skipBlanks();
    if (c.atEnd()) {
      return;
    }
    if (c.peek() == '#') {
      c.pos++;
      comment(c);
    } else {
      sample(c);
    }
  }

  private void comment(LineCursor c) throws TextFormatException {
    c.skipBlanks();
    String keyword = c.token();
    if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
      return; // an ordinary comment
    }
    c.skipBlanks();
    String name = c.metricName();
    if (name.isEmpty()) {
      throw error("invalid metric name in " + keyword + " line");
    }
    if (!c.atEnd() && !c.blank()) {
      throw error("invalid metric name in " + keyword + " line");
    }
    Family family = families.computeIfAbsent(name, Family::new);
    c.skipBlanks();
    if (keyword.equals("HELP")) {
      if (family.help != null) {
        throw error("second HELP line for metric name \"" + name + "\"");
      }
      family.help = c.helpText();
      return;
    }
    if (family.typed || !family.samples.isEmpty()) {
      throw error("second TYPE line for metric name \"" + name + "\", or TYPE reported after samples");
    }
    String word = c.token();
    FamilyType type = FamilyType.parse(word.toLowerCase(Locale.ROOT));
    if (type == null) {
      throw error("unknown metric type \"" + word + "\"");
    }
    c.skipBlanks();
    if (!c.atEnd()) {
      throw error("unexpected text after TYPE " + word);
    }
    family.type = type;
    family.typed = true;
  }

  private void sample(LineCursor c) throws TextFormatException {
    String name = c.metricName();
    if (name.isEmpty()) {
      throw error("invalid metric name");
    }
    List<String> labelNames = new ArrayList<>(4);
    List<String> labelValues = new ArrayList<>(4);
    c.skipBlanks(); // Prometheus' parser allows blanks between the name and its labels
    if (!c.atEnd() && c.peek() == '{') {
      c.pos++;
      labels(c, labelNames, labelValues);
    } else if (!c.atEnd() && c.pos > 0 && !c.blankBefore()) {
      throw error("invalid metric name \"" + name + c.rest() + "\"");
    }
    c.skipBlanks();
    String valueToken = c.token();
    if (valueToken.isEmpty()) {
      throw error("expected a value after " + name);
    }
    double value;
    try {
      value = parseValue(valueToken);
    } catch (NumberFormatException e) {
      throw error("expected a number as value, got \"" + valueToken + "\"");
    }
    Long timestamp = null;
    c.skipBlanks();
    if (!c.atEnd()) {
      String ts = c.token();
      try {
        timestamp = Long.parseLong(ts);
      } catch (NumberFormatException e) {
        throw error("expected an integer timestamp, got \"" + ts + "\"");
      }
      c.skipBlanks();
      if (!c.atEnd()) {
        throw error("unexpected text after timestamp: \"" + c.rest() + "\"");
      }
    }
    Family family = familyOf(name, labelNames);
    family.samples.add(new ParsedSample(name, labelNames, labelValues, value, timestamp));
  }

  private void labels(LineCursor c, List<String> names, List<String> values) throws TextFormatException {
    while (true) {
      c.skipBlanks();
      if (c.atEnd()) {
        throw error("unterminated label set");
      }
      if (c.peek() == '}') {
        c.pos++;
        return;
      }
      String label = c.labelName();
      if (label.isEmpty()) {
        throw error("invalid label name at \"" + c.rest() + "\"");
      }
      if (label.equals("__name__")) {
        throw error("label name __name__ is reserved");
      }
      if (names.contains(label)) {
        throw error("duplicate label name \"" + label + "\"");
      }
      c.skipBlanks();
      if (c.atEnd() || c.peek() != '=') {
        throw error("expected '=' after label name \"" + label + "\"");
      }
      c.pos++;
      c.skipBlanks();
      if (c.atEnd() || c.peek() != '"') {
        throw error("expected '\"' to start the value of label \"" + label + "\"");
      }
      c.pos++;
      names.add(label);
      values.add(c.labelValue());
      c.skipBlanks();
      if (c.atEnd()) {
        throw error("unterminated label set");
      }
      char next = c.peek();
      if (next == ',') {
        c.pos++;
      } else if (next != '}') {
        throw error("expected ',' or '}' after the value of label \"" + label + "\"");
      }
    }
  }

  /** The family a sample belongs to, following the text format's suffix rules. */
  private Family familyOf(String name, List<String> labelNames) throws TextFormatException {
    Family exact = families.get(name);
    if (exact != null) {
      if (exact.type == FamilyType.HISTOGRAM) {
        throw error("sample \"" + name + "\" of histogram " + name + " needs a _bucket, _sum or _count suffix");
      }
      if (exact.type == FamilyType.SUMMARY && !labelNames.contains("quantile")) {
        throw error("summary sample \"" + name + "\" without quantile label");
      }
      return exact;
    }
    for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        Family base = families.get(name.substring(0, name.length() - suffix.length()));
        if (base != null && base.type == FamilyType.HISTOGRAM) {
          if (suffix.equals("_bucket") && !labelNames.contains("le")) {
            throw error("histogram bucket \"" + name + "\" without le label");
          }
          return base;
        }
        if (base != null && base.type == FamilyType.SUMMARY && !suffix.equals("_bucket")) {
          return base;
        }
      }
    }
    Family created = new Family(name);
    families.put(name, created);
    return created;
  }

  /**
   * A sample value as Go's {@code strconv.ParseFloat} reads it: decimal or hexadecimal
   * floating point, or (any case) {@code NaN}, {@code Inf}, {@code Infinity} with optional sign.
   */
  static double parseValue(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    // Java's parseDouble also reads "1.5f", "2d", "Infinity" and surrounding blanks, which Go
    // rejects: let through only the characters of Go's grammar.
    int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    boolean hex = s.startsWith("0x", i) || s.startsWith("0X", i);
    int exponent = -1;
    for (int k = hex ? i + 2 : i; k < s.length(); k++) {
      char ch = s.charAt(k);
      boolean digit = ch >= '0' && ch <= '9';
      if (hex && exponent < 0) {
        if (ch == 'p' || ch == 'P') {
          exponent = k;
        } else if (!digit && ch != '.' && !(ch >= 'a' && ch <= 'f') && !(ch >= 'A' && ch <= 'F')) {
          throw new NumberFormatException(s);
        }
      } else if (!digit && ch != '.' && ch != 'e' && ch != 'E' && ch != '+' && ch != '-') {
        throw new NumberFormatException(s);
      } else if (hex && (ch == '.' || ch == 'e' || ch == 'E')) {
        throw new NumberFormatException(s);
      }
    }
    return Double.parseDouble(s);
  }

  TextFormatException error(String message) {
    return new TextFormatException(lineNo, message);
  }
}
