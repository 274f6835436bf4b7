package io.taoprom.metrics.textfile.format;

/**
 * An exposition that is valid text format but more than TaoProm serves from one input: more
 * series than the collector's limit, or more heap than the {@link HeapBudget} has left. The
 * input is left out whole; the message says which limit and what to do, for example
 * {@code has more than 120000 series (option textfile.max-series)}.
 */
public final class InputLimitException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Which limit an input passed. */
  public enum Limit {
    /** The collector's series limit. */
    SERIES,
    /** The heap budget of all outside expositions together. */
    HEAP
  }

  private final Limit limit;
  private final long atLeast;

  private InputLimitException(Limit limit, String message, long atLeast) {
    super(message, null, false, false);
    this.limit = limit;
    this.atLeast = atLeast;
  }

  /** Which limit was passed. */
  public Limit limit() {
    return limit;
  }

  /** How many series the input has at least, when known before parsing it; else -1. */
  public long atLeast() {
    return atLeast;
  }

  /** More than {@code limit} series; {@code option} names the setting that raises it. */
  public static InputLimitException series(int limit, String option) {
    return series(limit, option, -1);
  }

  static InputLimitException series(int limit, String option, long atLeast) {
    String message = atLeast > 0
        ? "has at least " + atLeast + " series, more than " + limit
        : "has more than " + limit + " series";
    return new InputLimitException(Limit.SERIES, message + (option == null ? "" : " (option " + option + ")"), atLeast);
  }

  static InputLimitException heap(long limitBytes) {
    String size = limitBytes >= 1 << 20 ? (limitBytes >> 20) + " MiB" : (limitBytes >> 10) + " KiB";
    return new InputLimitException(Limit.HEAP, "needs more heap than the " + size
        + " that textfiles and scrape targets may take together (a third of -Xmx; raise it with"
        + " TAOPROM_JAVA_OPTS=-Xmx256m, or serve fewer series)", -1);
  }
}
