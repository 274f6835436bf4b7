package io.taoprom.metrics.textfile.format;

/** Receives the samples of an exposition in order, as {@link TextFormatParser} reads them. */
interface SampleSink {

  /** What a sample is within its family. */
  enum Role {
    /** The value of a counter, gauge or untyped series. */
    VALUE,
    /** A summary's {@code quantile} sample. */
    QUANTILE,
    /** A histogram's {@code _bucket} sample. */
    BUCKET,
    /** A histogram's or summary's {@code _count}. */
    COUNT,
    /** A histogram's or summary's {@code _sum}. */
    SUM
  }

  /**
   * One sample. The label arrays are the parser's buffers: valid during the call only, the
   * first {@code labels} entries in the order written.
   *
   * @param timestampMillis the sample's timestamp, or {@link Long#MIN_VALUE} for none
   */
  void sample(FamilyHeader family, Role role, String[] names, String[] values, int labels,
      double value, long timestampMillis, int line) throws TextFormatException, InputLimitException;
}
