package io.taoprom.metrics.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.http.RouteRequest;
import io.taoprom.exporter.http.RouteResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What the push route answers to bad input: each a 4xx with one line that says why, and nothing
 * already served is lost. The happy paths are in {@link PushGroupsTest}.
 */
class PushRouteTest {

  private static final String SERVED = "x 1\n";

  /** A fixture with one group already served, to check that a refused push costs it nothing. */
  private static PushFixture withOneGroup() {
    PushFixture push = new PushFixture();
    assertThat(push.put("/metrics/job/kept", SERVED).status()).isEqualTo(200);
    return push;
  }

  private static void assertOneLine(PushFixture.Answer answer, int status, String body) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo(body + "\n");
    assertThat(answer.body().indexOf('\n')).isEqualTo(answer.body().length() - 1);
  }

  @Test
  void aMalformedBodyIsA400NamingTheLine() {
    PushFixture push = withOneGroup();
    String before = push.exposition();

    assertOneLine(push.put("/metrics/job/kept", "x 1\ny{a=\"1\" 2\n"), 400,
        "push to {job=\"kept\"} refused: the body is not Prometheus text format: line 2: expected ',' or '}' after the value"
            + " of label \"a\", got \"2\"");
    assertThat(push.exposition()).isEqualTo(before);
  }

  @Test
  void aJobNameWithASlashMustBeBase64Encoded() {
    PushFixture push = withOneGroup();

    assertOneLine(push.put("/metrics/job/nightly/backup", SERVED), 400,
        "push path /metrics/job/nightly/backup: label \"backup\" has no value; a job name or label value that holds a \"/\""
            + " must be base64-encoded (/metrics/job@base64/<JOB>, <LABEL>@base64/<VALUE>)");

    String encoded = Base64.getUrlEncoder().encodeToString("nightly/backup".getBytes(StandardCharsets.UTF_8));
    assertThat(push.put("/metrics/job@base64/" + encoded, "y 2\n").status()).isEqualTo(200);
    assertThat(push.exposition()).contains("y{job=\"nightly/backup\"} 2.0", "x{job=\"kept\"} 1.0");
  }

  @Test
  void anOversizedPushIsA413NamingTheLimitWhetherDeclaredSentOrCompressed() throws IOException {
    PushFixture push = new PushFixture(Map.of("push.max-body-bytes", "1KiB"));
    push.put("/metrics/job/kept", SERVED);
    String before = push.exposition();
    String big = "big_metric{label=\"" + "v".repeat(2000) + "\"} 1\n";
    byte[] bomb = gzip("#" + " ".repeat(100_000) + "\n");

    PushFixture.Answer declared = push.send("PUT", "/metrics/job/kept", new byte[0], "127.0.0.1",
        Map.of("content-length", List.of("5000")));
    PushFixture.Answer sent = push.put("/metrics/job/kept", big);
    PushFixture.Answer compressed = push.send("PUT", "/metrics/job/kept", bomb, "127.0.0.1",
        Map.of("content-encoding", List.of("gzip")));

    assertOneLine(declared, 413, "push to {job=\"kept\"} refused: the body is larger than 1024 bytes (option push.max-body-bytes);"
        + " push fewer series, or raise it");
    assertThat(sent).isEqualTo(declared);
    assertThat(bomb.length).isLessThan(1024);
    assertOneLine(compressed, 413, "push to {job=\"kept\"} refused: the body is larger than 1024 bytes uncompressed"
        + " (option push.max-body-bytes); push fewer series, or raise it");
    assertThat(push.exposition()).isEqualTo(before);
    assertThat(push.budget.used()).isPositive(); // the kept group only: every refused body was given back
  }

  @Test
  void aGzipBodyWithinTheLimitIsTaken() throws IOException {
    PushFixture push = new PushFixture();

    PushFixture.Answer taken = push.send("POST", "/metrics/job/zipped", gzip("z 3\n"), "127.0.0.1",
        Map.of("content-encoding", List.of("gzip")));

    assertThat(taken.status()).isEqualTo(200);
    assertThat(push.exposition()).contains("z{job=\"zipped\"} 3.0");
  }

  @Test
  void aClashWithAHostSeriesIsA400NamingTheCollector() {
    PushFixture push = withOneGroup();
    push.known.add(new io.taoprom.exporter.scrape.KnownFamily("collector \"meminfo\"",
        io.prometheus.metrics.model.snapshots.GaugeSnapshot.builder().name("node_memory_MemTotal_bytes").build()));

    assertOneLine(push.put("/metrics/job/kept", "# TYPE node_memory_MemTotal_bytes gauge\nnode_memory_MemTotal_bytes 1\n"), 400,
        "push to {job=\"kept\"} refused: gauge node_memory_MemTotal_bytes: node_memory_MemTotal_bytes is one of"
            + " collector \"meminfo\"'s own series");
    assertThat(push.exposition()).contains("x{job=\"kept\"} 1.0");
  }

  @Test
  void aClientOutsideTheAllowedAddressesIsA403() {
    PushFixture push = withOneGroup();
    PushFixture opened = new PushFixture(Map.of("push.allowed-cidr", "10.0.0.0/8"));

    assertOneLine(push.send("PUT", "/metrics/job/kept", new byte[0], "192.0.2.7", Map.of()), 403,
        "push from 192.0.2.7 refused: pushes are accepted from 127.0.0.0/8, ::1/128 only; allow more with --push.allowed-cidr");
    assertOneLine(push.send("DELETE", "/metrics/job/kept", new byte[0], null, Map.of()), 403,
        "push from an unknown address refused: pushes are accepted from 127.0.0.0/8, ::1/128 only; allow more with"
            + " --push.allowed-cidr");
    assertThat(push.send("PUT", "/metrics/job/kept", new byte[0], "::1", Map.of()).status()).isEqualTo(200);
    assertThat(push.exposition()).doesNotContain("x{");

    assertThat(opened.send("PUT", "/metrics/job/a", SERVED.getBytes(StandardCharsets.UTF_8), "10.1.2.3", Map.of()).status())
        .isEqualTo(200);
    assertThat(opened.send("PUT", "/metrics/job/a", new byte[0], "127.0.0.1", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void protobufAndUnknownEncodingsAreA415() {
    PushFixture push = withOneGroup();

    assertOneLine(push.send("PUT", "/metrics/job/kept", new byte[] {1, 2}, "127.0.0.1", Map.of("content-type",
            List.of("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited"))),
        415, "push to {job=\"kept\"} refused: protobuf pushes are not supported; push the text format (prometheus_client,"
            + " client_java and curl do)");
    assertOneLine(push.send("PUT", "/metrics/job/kept", new byte[] {1, 2}, "127.0.0.1",
        Map.of("content-encoding", List.of("snappy"))), 415,
        "push to {job=\"kept\"} refused: Content-Encoding \"snappy\" is not supported; send the body as it is or gzip-compressed");
    assertThat(push.exposition()).contains("x{job=\"kept\"} 1.0");
  }

  @Test
  void eachLimitIsA413NamingItsOption() {
    PushFixture push = new PushFixture(Map.of("push.max-groups", "2", "push.max-group-series", "3", "push.max-series", "4"));
    assertThat(push.put("/metrics/job/a", "a 1\nb 1\nc 1\n").status()).isEqualTo(200);

    assertOneLine(push.post("/metrics/job/a", "d 1\n"), 413,
        "push to {job=\"a\"} refused: the group would hold 4 series, more than --push.max-group-series 3");
    assertOneLine(push.put("/metrics/job/b", "a 1\nb 1\n"), 413,
        "push to {job=\"b\"} refused: the push groups would hold 5 series together, more than --push.max-series 4;"
            + " delete groups no longer pushed, or raise it");
    assertOneLine(push.put("/metrics/job/b", "a{x=\"1\"} 1\na{x=\"2\"} 1\na{x=\"3\"} 1\na{x=\"4\"} 1\n"), 413,
        "push to {job=\"b\"} refused: the body has at least 4 series, more than 3 (option push.max-group-series)");
    assertThat(push.put("/metrics/job/b", "").status()).isEqualTo(200);
    assertOneLine(push.put("/metrics/job/c", "e 1\n"), 413,
        "push to {job=\"c\"} refused: there are 2 push groups already, the most --push.max-groups allows; delete groups"
            + " no longer pushed (DELETE /metrics/job/...), set --push.expiry, or raise it");
    assertThat(push.exposition()).contains("a{job=\"a\"} 1.0", "c{job=\"a\"} 1.0").doesNotContain("job=\"c\"", "d{");
  }

  @Test
  void badGroupingKeysAreA400SayingWhatToWrite() {
    PushFixture push = withOneGroup();

    assertOneLine(push.put("/metrics/job@base64/=", SERVED), 400, "push path /metrics/job@base64/=: the job name is required");
    assertOneLine(push.put("/metrics/job/a/__name__/x", SERVED), 400,
        "push path /metrics/job/a/__name__/x: \"__name__\" is not a label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)");
    assertOneLine(push.put("/metrics/job/a/instance/", SERVED), 400,
        "push path /metrics/job/a/instance/: label \"instance\" has no value; a job name or label value that holds a \"/\""
            + " must be base64-encoded (/metrics/job@base64/<JOB>, <LABEL>@base64/<VALUE>)");
    assertOneLine(push.put("/metrics/job/a/path@base64/!!", SERVED), 400,
        "push path: the value of path@base64, \"!!\", is not base64 in the URL-safe alphabet (RFC 4648 section 5)");
    assertOneLine(push.put("/metrics/job/a%zz", SERVED), 400,
        "push path: the value of job, \"a%zz\", has a % that does not start an escape (%XX)");
    assertOneLine(push.put("/metrics/jobs/a", SERVED), 404, "not found; push to /metrics/job/<JOB>{/<LABEL>/<VALUE>}");
    assertThat(push.exposition()).contains("x{job=\"kept\"} 1.0");
  }

  @Test
  void hostileTextComesBackOnlyEscapedAndShort() {
    PushFixture push = new PushFixture();
    String hostile = "\u001b[2J" + "A".repeat(5000);

    PushFixture.Answer answer = push.put("/metrics/job/" + hostile + "/x", SERVED);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).doesNotContain("\u001b").contains("\\x1b[2J").hasSizeLessThan(400);
    assertThat(answer.body().indexOf('\n')).isEqualTo(answer.body().length() - 1);
  }

  @Test
  void beforeTheCollectorIsCreatedTheRouteAnswers503() throws IOException {
    RouteResponse answer = new PushPlugin().route(List::of).handle(new RouteRequest("PUT", "/metrics/job/a",
        "/metrics/job/a", Optional.empty(), Map.of(), Optional.empty(), RouteRequest.Body.EMPTY));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8))
        .isEqualTo("push is not running: the push collector has not been created (yet); see 'taoprom collectors'\n");
  }

  @Test
  void theRouteTakesPutPostAndDeleteOnly() {
    assertThat(new PushPlugin().route(List::of).methods()).containsExactlyInAnyOrder("PUT", "POST", "DELETE");
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
