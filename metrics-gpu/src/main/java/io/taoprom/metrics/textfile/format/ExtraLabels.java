package io.taoprom.metrics.textfile.format;

import io.prometheus.metrics.model.snapshots.Labels;
import io.taoprom.exporter.exposition.ExpositionNames;

/**
 * The labels added to every series of an input (the scrape collector's {@code source}, a push's
 * grouping key), and the label sets made from a sample's own: the extra labels appended, an own
 * label they also name kept as {@code exported_NAME}, as Prometheus does (or, when they
 * {@code override}, dropped, as the Pushgateway does with its grouping labels), and a reserved
 * {@code __} name refused.
 */
final class ExtraLabels {

  private static final long LABELS_BYTES = 24 + 2 * 16;

  private final String[] names;
  private final String[] values;
  private final boolean override;

  ExtraLabels(Labels extra, boolean override) {
    this.override = override;
    names = new String[extra.size()];
    values = new String[extra.size()];
    for (int i = 0; i < extra.size(); i++) {
      names[i] = extra.getName(i);
      values[i] = extra.getValue(i);
    }
  }

  /** The heap estimate of a label set of {@code size} labels: the object and its two arrays. */
  static long bytes(int size) {
    return LABELS_BYTES + 8L * size;
  }

  /** The value of label {@code name} among the first {@code labels}, or null. */
  static String valueOf(String[] names, String[] values, int labels, String name) {
    for (int i = 0; i < labels; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  /**
   * The label set of a sample's first {@code labels} labels without {@code skip} (le, quantile),
   * plus the extra labels, charged to {@code account}.
   *
   * @throws IllegalArgumentException for a reserved label name, or one client_java refuses
   */
  Labels labels(String[] own, String[] ownValues, int labels, String skip, HeapBudget.Account account)
      throws InputLimitException {
    int kept = skip == null || valueOf(own, ownValues, labels, skip) == null ? labels : labels - 1;
    if (override) {
      for (int i = 0; i < labels; i++) {
        if (!own[i].equals(skip) && isExtra(own[i])) {
          kept--;
        }
      }
    }
    int size = kept + names.length;
    if (size == 0) {
      return Labels.EMPTY;
    }
    account.charge(bytes(size));
    String[] n = new String[size];
    String[] v = new String[size];
    int k = 0;
    for (int i = 0; i < labels; i++) {
      String name = own[i];
      if (name.equals(skip)) {
        continue;
      }
      if (!ExpositionNames.isLabelName(name)) {
        throw new IllegalArgumentException("label name " + Tokens.quote(name) + " is reserved (it starts with __)");
      }
      boolean extra = isExtra(name);
      if (extra && override) {
        continue;
      }
      n[k] = extra ? "exported_" + name : name;
      v[k++] = ownValues[i];
    }
    System.arraycopy(names, 0, n, k, names.length);
    System.arraycopy(values, 0, v, k, values.length);
    return Labels.of(n, v);
  }

  private boolean isExtra(String name) {
    for (String extra : names) {
      if (extra.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
