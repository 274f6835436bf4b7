package io.taoprom.metrics.textfile.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.exposition.ExpositionNames;
import io.taoprom.exporter.exposition.FamilyMerger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the text-format fuzz tests check of every outcome, whatever the input. */
final class FuzzChecks {

  /** A secret that a fuzzed input may carry: no message may show more than a few characters of it. */
  static final String SECRET = "s3cr3tS3CR3Ts3cr3tS3CR3T";
  static final byte[] SECRET_LINE = ("root:$6$" + SECRET + "$" + SECRET + ":19700:0:99999:7:::\n").getBytes(StandardCharsets.UTF_8);

  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  private FuzzChecks() {}

  /** One line, escaped, a few hundred characters at most, and not the secret. */
  static void message(String message) {
    assertThat(message).isNotNull();
    assertThat(message.length()).as(message).isLessThanOrEqualTo(400);
    assertThat(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).as("control characters in %s", message).isTrue();
    assertThat(message).doesNotContain(SECRET.substring(0, Tokens.SHOWN + 1));
  }

  /**
   * Merges what was read as the collectors do, checks that the result is a valid exposition (no
   * name two families write, classic names only) and that every writer takes it.
   */
  static void served(Exposition exposition, boolean sameHelp) throws IOException {
    exposition.leftOut().forEach(l -> message(l.toString()));
    FamilyMerger merger = FamilyMerger.builder().sameHelp(sameHelp).build();
    merger.reserve("node_textfile_scrape_error", "the textfile collector");
    int source = merger.source("fuzzed.prom");
    for (MetricSnapshot family : exposition.families()) {
      merger.add(source, family);
    }
    List<MetricSnapshot> families = merger.families();
    merger.leftOut().forEach(l -> message(l.toString()));
    MetricSnapshots snapshots = new MetricSnapshots(families);
    try {
      ExpositionNames.check(snapshots);
    } catch (ExpositionNames.InvalidNamesException e) {
      throw new AssertionError("the merge served an invalid exposition: " + e.getMessage(), e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FORMATS.getPrometheusTextFormatWriter().write(out, snapshots);
    FORMATS.getOpenMetricsTextFormatWriter().write(out, snapshots);
    FORMATS.getPrometheusProtobufWriter().write(out, snapshots);
  }

  /** The fuzzer's bytes, with the secret line put in at a place it chose. */
  static byte[] withSecret(byte[] data, int at) {
    int cut = Math.floorMod(at, data.length + 1);
    byte[] out = new byte[data.length + SECRET_LINE.length];
    System.arraycopy(data, 0, out, 0, cut);
    System.arraycopy(SECRET_LINE, 0, out, cut, SECRET_LINE.length);
    System.arraycopy(data, cut, out, cut + SECRET_LINE.length, data.length - cut);
    return out;
  }
}
