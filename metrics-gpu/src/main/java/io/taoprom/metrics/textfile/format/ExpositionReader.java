package io.taoprom.metrics.textfile.format;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads one exposition from outside (a textfile, a scrape target's body) into client_java
 * snapshots, in memory proportional to what it keeps: the bytes are parsed in place, each
 * sample becomes its data point directly, repeated names and values share one String, and every
 * series, family and string is counted against a series limit and charged to a
 * {@link HeapBudget} as it is made. An input over either is refused the moment it passes it; one
 * whose sample lines alone already outnumber the series limit is refused before anything is
 * built.
 *
 * <pre>{@code
 * ExpositionReader reader = ExpositionReader.builder()
 *     .extraLabels(Labels.of("source", "neuron"))   // every series gets source="neuron"
 *     .maxSeries(120_000, "scrape.max-series")
 *     .account(account)
 *     .build();
 * Exposition exposition = reader.read(body);        // TextFormatException, InputLimitException
 * }</pre>
 */
public final class ExpositionReader {

  /** The default of the textfile and scrape collectors' series limits. */
  public static final int DEFAULT_MAX_SERIES = 120_000;

  /**
   * Heap estimate of one family: its snapshot, metadata, lists, name and the parser's entry
   * (about 320 bytes), and the exporter's entries for it while it merges and checks the scrape.
   */
  static final long FAMILY_BYTES = 500;

  private final Labels extra;
  private final boolean override;
  private final boolean timestamps;
  private final int maxSeries;
  private final String maxSeriesOption;
  private final HeapBudget.Account account;

  private ExpositionReader(Builder b) {
    this.extra = b.extra;
    this.override = b.override;
    this.timestamps = b.timestamps;
    this.maxSeries = b.maxSeries;
    this.maxSeriesOption = b.maxSeriesOption;
    this.account = b.account;
  }

  /** A reader with no extra labels, timestamps allowed, the default series limit and no heap budget. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The exposition in {@code bytes}.
   *
   * @throws TextFormatException when the bytes are not UTF-8 or not text format (naming the
   *     line), or carry timestamps where they are refused
   * @throws InputLimitException when the input holds more series than the limit or needs more
   *     heap than the budget has left; what it was charged so far stays charged (see
   *     {@link HeapBudget.Account#refundAll()})
   */
  public Exposition read(byte[] bytes) throws TextFormatException, InputLimitException {
    return read(bytes, bytes.length);
  }

  /** {@link #read(byte[])} of {@code bytes[0, length)}, for a buffer that is larger than its content. */
  public Exposition read(byte[] bytes, int length) throws TextFormatException, InputLimitException {
    int bad = Utf8.firstInvalid(bytes, length);
    if (bad >= 0) {
      throw new TextFormatException(lineOf(bytes, bad), "not valid UTF-8 (at byte " + bad + ")");
    }
    int atLeast = minimumSeries(bytes, length);
    if (atLeast > maxSeries) {
      throw InputLimitException.series(maxSeries, maxSeriesOption, atLeast);
    }
    FamilyAssembler assembler =
        new FamilyAssembler(new ExtraLabels(extra, override), timestamps, maxSeries, maxSeriesOption, account);
    List<FamilyHeader> order = TextFormatParser.run(bytes, length, assembler, account);
    List<Exposition.LeftOutFamily> leftOut = new ArrayList<>();
    var families = assembler.finish(order, leftOut);
    int series = 0;
    for (var family : families) {
      series += family.getDataPoints().size();
    }
    return new Exposition(families, leftOut, series);
  }

  private static int lineOf(byte[] b, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * A lower bound of the series in {@code b}, from one pass over its lines: sample lines whose
   * metric name does not end in {@code _bucket}, {@code _count}, {@code _sum} or {@code _created}
   * and that carry no {@code quantile="} (each such line is a series of its own, or a duplicate
   * that makes the input invalid anyway).
   */
  static int minimumSeries(byte[] b, int length) {
    int count = 0;
    int start = 0;
    while (start < length) {
      int nl = LineScanner.indexOf(b, (byte) '\n', start, length);
      int end = nl < 0 ? length : nl;
      int i = start;
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i < end && b[i] != '#' && b[i] != '\r') {
        int name = i;
        while (i < end && b[i] != '{' && b[i] != ' ' && b[i] != '\t') {
          i++;
        }
        if (!endsWith(b, name, i, "_bucket") && !endsWith(b, name, i, "_count") && !endsWith(b, name, i, "_sum")
            && !endsWith(b, name, i, "_created") && !contains(b, i, end, "quantile=\"")) {
          count++;
        }
      }
      start = end + 1;
    }
    return count;
  }

  private static boolean endsWith(byte[] b, int from, int to, String suffix) {
    int n = suffix.length();
    if (to - from < n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[to - n + k] != suffix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] b, int from, int to, String text) {
    int n = text.length();
    outer:
    for (int i = from; i <= to - n; i++) {
      for (int k = 0; k < n; k++) {
        if (b[i + k] != text.charAt(k)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Options of an {@link ExpositionReader}. */
  public static final class Builder {
    private Labels extra = Labels.EMPTY;
    private boolean override;
    private boolean timestamps = true;
    private int maxSeries = DEFAULT_MAX_SERIES;
    private String maxSeriesOption;
    private HeapBudget.Account account = HeapBudget.UNLIMITED.account();

    private Builder() {}

    /** Labels added to every series; a series' own label of the same name becomes {@code exported_NAME}. */
    public Builder extraLabels(Labels extra) {
      this.extra = Objects.requireNonNull(extra, "extra");
      this.override = false;
      return this;
    }

    /**
     * Labels set on every series, replacing a series' own label of the same name: the
     * Pushgateway's rule for the labels of a push's grouping key ("will be overwritten to match
     * the labels defined by the URL path"). Instead of {@link #extraLabels}.
     */
    public Builder groupingLabels(Labels grouping) {
      this.extra = Objects.requireNonNull(grouping, "grouping");
      this.override = true;
      return this;
    }

    /** Whether sample timestamps are passed on (true) or refuse the whole input (node_exporter's textfile rule). */
    public Builder timestamps(boolean allowed) {
      this.timestamps = allowed;
      return this;
    }

    /** At most {@code maxSeries} series; {@code option} (without {@code --}) names the setting in the error, or null. */
    public Builder maxSeries(int maxSeries, String option) {
      if (maxSeries < 0) {
        throw new IllegalArgumentException("maxSeries must not be negative: " + maxSeries);
      }
      this.maxSeries = maxSeries;
      this.maxSeriesOption = option;
      return this;
    }

    /** The account that what is read is charged to. */
    public Builder account(HeapBudget.Account account) {
      this.account = Objects.requireNonNull(account, "account");
      return this;
    }

    public ExpositionReader build() {
      return new ExpositionReader(this);
    }
  }
}
