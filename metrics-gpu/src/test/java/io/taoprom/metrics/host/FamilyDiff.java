package io.taoprom.metrics.host;

import io.taoprom.metrics.textfile.format.FamilyType;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import io.taoprom.metrics.textfile.format.ParsedSample;
import io.taoprom.metrics.textfile.format.TextFormatParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Two expositions set side by side, family by family: ours and node_exporter's on the same tree
 * ({@link NodeExporter}). Families are compared by name, type, help text, series (sample name and
 * labels) and value, to the bit: fixture trees do not change between two reads.
 *
 * <pre>{@code
 * Map<String, ParsedFamily> ours = FamilyDiff.families(HostFixtures.text(collector));
 * Map<String, ParsedFamily> theirs = FamilyDiff.families(nodeExporter.scrape("rapl", sys, false));
 * assertThat(FamilyDiff.differences(ours, theirs)).isEmpty();
 * // or, where upstream moved on: ["value: node_btrfs_allocation_ratio{...} ours=3.0 theirs=0.0"]
 * }</pre>
 */
public final class FamilyDiff {

  private FamilyDiff() {}

  /** Every family of {@code text} by name, less untyped ones without samples (bare HELP lines). */
  public static Map<String, ParsedFamily> parse(String text) throws Exception {
    Map<String, ParsedFamily> out = new TreeMap<>();
    for (ParsedFamily f : TextFormatParser.parse(text)) {
      if (!f.samples().isEmpty() || f.type() != FamilyType.UNTYPED) {
        out.put(f.name(), f);
      }
    }
    return out;
  }

  /**
   * The collectors' families of {@code text} by name: {@code node_*} families with samples, less
   * node_exporter's own ({@code node_exporter_build_info}, {@code node_scrape_collector_*}).
   */
  public static Map<String, ParsedFamily> families(String text) throws Exception {
    return families(text, "node_");
  }

  /** {@link #families(String)} of those whose names start with {@code prefix}. */
  public static Map<String, ParsedFamily> families(String text, String prefix) throws Exception {
    Map<String, ParsedFamily> out = new TreeMap<>();
    for (ParsedFamily f : TextFormatParser.parse(text)) {
      if (f.name().startsWith(prefix) && !f.name().startsWith("node_scrape_")
          && !f.name().startsWith("node_exporter_") && !f.samples().isEmpty()) {
        out.put(f.name(), f);
      }
    }
    return out;
  }

  /**
   * One line per difference, sorted by family: {@code type: NAME ours=A theirs=B},
   * {@code help: NAME}, then per series {@code only ours: SERIES}, {@code only theirs: SERIES} or
   * {@code value: SERIES ours=X theirs=Y}, where SERIES is the sample name and its labels, sorted.
   */
  public static List<String> differences(Map<String, ParsedFamily> ours, Map<String, ParsedFamily> theirs) {
    List<String> out = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(ours.keySet());
    names.addAll(theirs.keySet());
    for (String name : names) {
      ParsedFamily a = ours.get(name);
      ParsedFamily b = theirs.get(name);
      if (a != null && b != null) {
        if (a.type() != b.type()) {
          out.add("type: " + name + " ours=" + a.type() + " theirs=" + b.type());
        }
        if (!a.help().equals(b.help())) {
          out.add("help: " + name);
        }
      }
      Map<String, Double> as = a == null ? Map.of() : series(a);
      Map<String, Double> bs = b == null ? Map.of() : series(b);
      TreeSet<String> all = new TreeSet<>(as.keySet());
      all.addAll(bs.keySet());
      for (String s : all) {
        Double x = as.get(s);
        Double y = bs.get(s);
        if (y == null) {
          out.add("only ours: " + s);
        } else if (x == null) {
          out.add("only theirs: " + s);
        } else if (!x.equals(y)) { // Double.equals: NaN is NaN, -0.0 is not 0.0
          out.add("value: " + s + " ours=" + x + " theirs=" + y);
        }
      }
    }
    return out;
  }

  /** Each series of {@code family}, {@code name{label=value, ...}} with the labels sorted, and its value. */
  public static Map<String, Double> series(ParsedFamily family) {
    Map<String, Double> out = new TreeMap<>();
    for (ParsedSample s : family.samples()) {
      Map<String, String> labels = new TreeMap<>();
      for (int i = 0; i < s.labelNames().size(); i++) {
        labels.put(s.labelNames().get(i), s.labelValues().get(i));
      }
      out.put(s.name() + labels, s.value());
    }
    return out;
  }

  /** {@code families} without the samples that {@code drop} matches (and without families left empty). */
  public static Map<String, ParsedFamily> without(Map<String, ParsedFamily> families, Predicate<ParsedSample> drop) {
    Map<String, ParsedFamily> out = new TreeMap<>();
    families.forEach((name, f) -> {
      List<ParsedSample> kept = f.samples().stream().filter(drop.negate()).toList();
      if (!kept.isEmpty()) {
        out.put(name, new ParsedFamily(f.name(), f.help(), f.type(), kept));
      }
    });
    return out;
  }

  /** {@code families} with label {@code label} taken off every sample of family {@code family}. */
  public static Map<String, ParsedFamily> withoutLabel(Map<String, ParsedFamily> families, String family, String label) {
    Map<String, ParsedFamily> out = new TreeMap<>(families);
    ParsedFamily f = families.get(family);
    if (f != null) {
      List<ParsedSample> samples = new ArrayList<>();
      for (ParsedSample s : f.samples()) {
        List<String> names = new ArrayList<>(s.labelNames());
        List<String> values = new ArrayList<>(s.labelValues());
        int i = names.indexOf(label);
        if (i >= 0) {
          names.remove(i);
          values.remove(i);
        }
        samples.add(new ParsedSample(s.name(), names, values, s.value(), s.timestampMillis()));
      }
      out.put(family, new ParsedFamily(f.name(), f.help(), f.type(), samples));
    }
    return out;
  }

  /** {@code theirs} with the help texts of {@code ours} for {@code names}: where only the wording changed upstream. */
  public static Map<String, ParsedFamily> withHelpOf(
      Map<String, ParsedFamily> theirs, Map<String, ParsedFamily> ours, String... names) {
    Map<String, ParsedFamily> out = new TreeMap<>(theirs);
    for (String name : names) {
      ParsedFamily their = theirs.get(name);
      if (their != null && ours.containsKey(name)) {
        out.put(name, new ParsedFamily(name, ours.get(name).help(), their.type(), their.samples()));
      }
    }
    return out;
  }
}
