package io.taoprom.exporter.self;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A collector's text exposition, and its samples by series, for the self plugins' tests. */
final class SelfExposition {

  private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$");

  private SelfExposition() {}

  static String of(MultiCollector collector) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, collector.collect());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every sample's value, by its name and labels as written. */
  static Map<String, Double> samples(String exposition) {
    Map<String, Double> out = new TreeMap<>();
    Matcher m = SAMPLE.matcher(exposition);
    while (m.find()) {
      out.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return out;
  }

  /** The exposition with every sample value replaced by {@code <v>}: its shape, for a golden text. */
  static String shape(String exposition) {
    return SAMPLE.matcher(exposition).replaceAll("$1 <v>");
  }
}
