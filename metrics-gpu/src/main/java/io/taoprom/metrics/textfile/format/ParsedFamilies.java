package io.taoprom.metrics.textfile.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The sink of {@link TextFormatParser#parse(String)}: every sample kept as a {@link ParsedSample}. */
final class ParsedFamilies implements SampleSink {

  private final Map<FamilyHeader, List<ParsedSample>> samples = new IdentityHashMap<>();
  private List<FamilyHeader> order = List.of();

  @Override
  public void sample(FamilyHeader family, Role role, String[] names, String[] values, int labels,
      double value, long timestampMillis, int line) {
    samples.computeIfAbsent(family, f -> new ArrayList<>()).add(new ParsedSample(
        sampleName(family, role),
        Arrays.asList(names).subList(0, labels),
        Arrays.asList(values).subList(0, labels),
        value,
        timestampMillis == Long.MIN_VALUE ? null : timestampMillis));
  }

  private static String sampleName(FamilyHeader family, Role role) {
    switch (role) {
      case BUCKET:
        return family.name + "_bucket";
      case COUNT:
        return family.name + "_count";
      case SUM:
        return family.name + "_sum";
      default:
        return family.name;
    }
  }

  void order(List<FamilyHeader> families) {
    this.order = families;
  }

  List<ParsedFamily> families() {
    List<ParsedFamily> out = new ArrayList<>(order.size());
    for (FamilyHeader f : order) {
      out.add(new ParsedFamily(f.name, f.help, f.type, samples.getOrDefault(f, List.of())));
    }
    return out;
  }
}
