package io.taoprom.metrics.textfile.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
 * {@code le} label and summary quantiles a {@code quantile} label.
 *
 * <p>It reads UTF-8 bytes in place, one line at a time, and hands each sample to a sink without
 * building a line, a token list or a per-sample object: the collectors turn samples straight into
 * client_java data points ({@link ExpositionReader}). An error names the line and quotes only a
 * few characters of the token at fault ({@link Tokens}).
 *
 * <pre>{@code
 * List<ParsedFamily> families = TextFormatParser.parse("""
 *     # TYPE jobs_done_total counter
 *     jobs_done_total{queue="gpu"} 42
 *     """);
 * }</pre>
 */
public final class TextFormatParser extends LineScanner {

  private static final byte[] NAME_LABEL = "__name__".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HELP = "HELP".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TYPE = "TYPE".getBytes(StandardCharsets.US_ASCII);
  private static final String[] SUFFIXES = {"_bucket", "_count", "_sum"};

  private final int length;
  private final SampleSink sink;
  private final HeapBudget.Account account;
  private final Map<String, FamilyHeader> families = new HashMap<>();
  private final List<FamilyHeader> order = new ArrayList<>();

  // The previous sample's name and where it went: most lines continue the family of the last.
  private String lastName;
  private FamilyHeader lastFamily;
  private SampleSink.Role lastRole;

  // The current sample's labels; reused from line to line.
  private String[] names = new String[8];
  private String[] values = new String[8];
  private int labels;
  // Beyond a few labels, duplicates are looked up in a set: a line of 100,000 labels must not
  // cost 100,000 squared comparisons.
  private static final int MANY_LABELS = 16;
  private final HashSet<String> labelSet = new HashSet<>();
  private int labelSetSize = -1;

  private TextFormatParser(byte[] b, int length, SampleSink sink, HeapBudget.Account account) {
    super(b, new StringCache(account), account);
    this.length = length;
    this.sink = sink;
    this.account = account;
  }

  /**
   * The families in {@code text}, in order of first appearance.
   *
   * @throws TextFormatException at the first line that is not valid text format
   */
  public static List<ParsedFamily> parse(String text) throws TextFormatException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ParsedFamilies collected = new ParsedFamilies();
    try {
      collected.order(run(bytes, bytes.length, collected, HeapBudget.UNLIMITED.account()));
    } catch (InputLimitException e) {
      throw new IllegalStateException("an unlimited budget ran out", e);
    }
    return collected.families();
  }

  /**
   * Parses the valid UTF-8 in {@code b[0, length)} into {@code sink}; returns the families in
   * order of first appearance, with their help texts.
   */
  static List<FamilyHeader> run(byte[] b, int length, SampleSink sink, HeapBudget.Account account)
      throws TextFormatException, InputLimitException {
    TextFormatParser parser = new TextFormatParser(b, length, sink, account);
    int start = 0;
    while (start < length) {
      int nl = indexOf(b, (byte) '\n', start, length);
      int lineEnd = nl < 0 ? length : nl;
      parser.line(start, lineEnd > start && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd);
      start = lineEnd + 1;
    }
    return parser.order;
  }

  private void line(int start, int lineEnd) throws TextFormatException, InputLimitException {
    startLine(start, lineEnd);
    skipBlanks();
    if (pos >= end) {
      return;
    }
    if (b[pos] == '#') {
      pos++;
      comment();
    } else {
      sample();
    }
  }

  private void comment() throws TextFormatException, InputLimitException {
    skipBlanks();
    int keyword = pos;
    skipToken();
    boolean help = matches(keyword, pos, HELP);
    if (!help && !matches(keyword, pos, TYPE)) {
      return; // an ordinary comment
    }
    String what = help ? "HELP" : "TYPE";
    skipBlanks();
    int nameStart = pos;
    int nameEnd = metricName();
    if (nameEnd == nameStart || pos < end && !blank(b[pos])) {
      throw error("invalid metric name in " + what + " line" + (pos < end ? " at " + Tokens.character(b, pos, end) : ""));
    }
    String name = strings.get(b, nameStart, nameEnd);
    FamilyHeader family = families.get(name);
    if (family == null) {
      family = newFamily(name);
    }
    skipBlanks();
    if (help) {
      if (family.help != null) {
        throw error("second HELP line for metric name " + Tokens.quote(name));
      }
      family.help = helpText();
      return;
    }
    if (family.typed || family.sampled) {
      throw error("second TYPE line for metric name " + Tokens.quote(name) + ", or TYPE reported after samples");
    }
    int wordStart = pos;
    skipToken();
    String word = new String(b, wordStart, pos - wordStart, StandardCharsets.UTF_8);
    FamilyType type = FamilyType.parse(word.toLowerCase(Locale.ROOT));
    if (type == null) {
      throw error("unknown metric type " + Tokens.quote(b, wordStart, pos));
    }
    skipBlanks();
    if (pos < end) {
      throw error("unexpected text after TYPE " + word + ": " + Tokens.quote(b, pos, end));
    }
    family.type = type;
    family.typed = true;
  }

  private FamilyHeader newFamily(String name) throws InputLimitException {
    account.charge(ExpositionReader.FAMILY_BYTES);
    FamilyHeader family = new FamilyHeader(name);
    families.put(name, family);
    order.add(family);
    lastName = null; // a name that went to another family by its suffix may now have one of its own
    return family;
  }

  private void sample() throws TextFormatException, InputLimitException {
    int nameStart = pos;
    int nameEnd = metricName();
    if (nameEnd == nameStart) {
      throw error("invalid metric name at " + Tokens.character(b, pos, end));
    }
    skipBlanks(); // Prometheus' parser allows blanks between the name and its labels
    labels = 0;
    labelSetSize = -1;
    if (pos < end && b[pos] == '{') {
      pos++;
      labels();
    } else if (pos < end && pos == nameEnd) {
      throw error("invalid metric name " + Tokens.quote(b, nameStart, nameEnd) + " followed by " + Tokens.character(b, pos, end));
    }
    skipBlanks();
    int valueStart = pos;
    skipToken();
    if (pos == valueStart) {
      throw error("expected a value after " + Tokens.quote(b, nameStart, nameEnd));
    }
    double value;
    try {
      value = NumberText.parseValue(b, valueStart, pos);
    } catch (NumberFormatException e) {
      throw error("expected a number as value, got " + Tokens.quote(b, valueStart, pos));
    }
    long timestamp = Long.MIN_VALUE;
    skipBlanks();
    if (pos < end) {
      int tsStart = pos;
      skipToken();
      try {
        timestamp = NumberText.parseTimestamp(b, tsStart, pos);
      } catch (NumberFormatException e) {
        throw error("expected an integer timestamp, got " + Tokens.quote(b, tsStart, pos));
      }
      skipBlanks();
      if (pos < end) {
        int restStart = pos;
        skipToken();
        throw error("unexpected text after timestamp: " + Tokens.quote(b, restStart, pos));
      }
    }
    FamilyHeader family;
    SampleSink.Role role;
    if (lastName != null && sameAscii(lastName, nameStart, nameEnd)) {
      family = lastFamily;
      role = lastRole;
      checkLabels(family, role, lastName);
    } else {
      String name = strings.get(b, nameStart, nameEnd);
      family = familyOf(name);
      role = lastRole;
      lastName = name;
    }
    family.sampled = true;
    sink.sample(family, role, names, values, labels, value, timestamp, lineNo);
  }

  private void labels() throws TextFormatException, InputLimitException {
    while (true) {
      skipBlanks();
      if (pos >= end) {
        throw error("unterminated label set");
      }
      if (b[pos] == '}') {
        pos++;
        return;
      }
      int labelStart = pos;
      int labelEnd = labelName();
      if (labelEnd == labelStart) {
        throw error("invalid label name at " + Tokens.character(b, pos, end));
      }
      if (labelEnd - labelStart == 8 && matches(labelStart, labelEnd, NAME_LABEL)) {
        throw error("label name __name__ is reserved");
      }
      String label = strings.get(b, labelStart, labelEnd);
      if (hasLabel(label)) {
        throw error("duplicate label name " + Tokens.quote(label));
      }
      skipBlanks();
      if (pos >= end || b[pos] != '=') {
        throw error("expected '=' after label name " + Tokens.quote(label));
      }
      pos++;
      skipBlanks();
      if (pos >= end || b[pos] != '"') {
        throw error("expected '\"' to start the value of label " + Tokens.quote(label));
      }
      pos++;
      String value = labelValue();
      if (labels == names.length) {
        account.charge(8L * labels); // the buffers grow with the longest label set
        names = Arrays.copyOf(names, labels * 2);
        values = Arrays.copyOf(values, labels * 2);
      }
      names[labels] = label;
      values[labels++] = value;
      if (labelSetSize == labels - 1 && labels > MANY_LABELS) {
        labelSet.add(label);
        labelSetSize = labels;
      }
      skipBlanks();
      if (pos >= end) {
        throw error("unterminated label set");
      }
      byte next = b[pos];
      if (next == ',') {
        pos++;
      } else if (next != '}') {
        throw error("expected ',' or '}' after the value of label " + Tokens.quote(label) + ", got " + Tokens.character(b, pos, end));
      }
    }
  }

  /** Whether the current sample already has {@code label}: linear for the usual few labels, a set beyond. */
  private boolean hasLabel(String label) {
    if (labels < MANY_LABELS) {
      for (int i = 0; i < labels; i++) {
        if (names[i].equals(label)) {
          return true;
        }
      }
      return false;
    }
    if (labelSetSize != labels) {
      labelSet.clear();
      labelSet.addAll(Arrays.asList(names).subList(0, labels));
      labelSetSize = labels;
    }
    return labelSet.contains(label);
  }

  /** The family a sample belongs to, following the text format's suffix rules; sets {@link #lastRole}. */
  private FamilyHeader familyOf(String name) throws TextFormatException, InputLimitException {
    FamilyHeader exact = families.get(name);
    if (exact != null) {
      lastFamily = exact;
      lastRole = exact.type == FamilyType.SUMMARY ? SampleSink.Role.QUANTILE
          : exact.type == FamilyType.HISTOGRAM ? null : SampleSink.Role.VALUE;
      checkLabels(exact, lastRole, name);
      return exact;
    }
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        FamilyHeader base = families.get(name.substring(0, name.length() - suffix.length()));
        boolean histogram = base != null && base.type == FamilyType.HISTOGRAM;
        if (histogram || base != null && base.type == FamilyType.SUMMARY && !suffix.equals("_bucket")) {
          lastFamily = base;
          lastRole = suffix.equals("_bucket") ? SampleSink.Role.BUCKET
              : suffix.equals("_count") ? SampleSink.Role.COUNT : SampleSink.Role.SUM;
          checkLabels(base, lastRole, name);
          return base;
        }
      }
    }
    FamilyHeader created = newFamily(name);
    lastFamily = created;
    lastRole = SampleSink.Role.VALUE;
    return created;
  }

  /** The label a sample's role needs: {@code le} on a bucket, {@code quantile} on a quantile. */
  private void checkLabels(FamilyHeader family, SampleSink.Role role, String name) throws TextFormatException {
    if (role == null) {
      throw error("sample " + Tokens.quote(name) + " of histogram " + Tokens.quote(family.name)
          + " needs a _bucket, _sum or _count suffix");
    }
    if (role == SampleSink.Role.BUCKET && !hasLabel("le")) {
      throw error("histogram bucket " + Tokens.quote(name) + " without le label");
    }
    if (role == SampleSink.Role.QUANTILE && !hasLabel("quantile")) {
      throw error("summary sample " + Tokens.quote(name) + " without quantile label");
    }
  }

  /** A value as Go's {@code strconv.ParseFloat} reads it; see {@link NumberText#parseValue}. */
  static double parseValue(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return NumberText.parseValue(bytes, 0, bytes.length);
  }
}
