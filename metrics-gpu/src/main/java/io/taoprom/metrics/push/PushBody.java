package io.taoprom.metrics.push;

import io.taoprom.exporter.http.RouteRequest;
import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.InputLimitException;
import io.taoprom.untrusted.Excerpt;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A push body read into memory under a cap, in a buffer charged to the heap budget as it grows,
 * and undone when it came gzip-compressed ({@code Content-Encoding: gzip}, as the Pushgateway
 * takes it) under the same cap on its uncompressed size: a large or endless body, or a gzip bomb,
 * costs the cap at most. A {@code Content-Length} over the cap is refused before anything is read.
 *
 * @param bytes the buffer, {@code length} of it filled
 * @param length the body's size (uncompressed)
 */
record PushBody(byte[] bytes, int length) {

  private static final int CHUNK = 64 << 10;

  /**
   * Reads the body of {@code request}.
   *
   * @param account charged with the buffers; the caller refunds them once the body is parsed
   * @throws PushRefusal 413 for a body over {@code maxBytes}, 415 for an encoding other than gzip,
   *     400 for gzip that does not decode
   * @throws InputLimitException when the heap budget has not room for it
   * @throws IOException when the client went away or was too slow
   */
  static PushBody read(RouteRequest request, int maxBytes, HeapBudget.Account account)
      throws PushRefusal, InputLimitException, IOException {
    String encoding = request.header("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
    boolean gzip = encoding.equals("gzip") || encoding.equals("x-gzip");
    if (!gzip && !encoding.equals("identity") && !encoding.isEmpty()) {
      throw new PushRefusal(415, "Content-Encoding " + Excerpt.quoted(encoding, 40)
          + " is not supported; send the body as it is or gzip-compressed");
    }
    String declared = request.header("Content-Length").orElse(null);
    if (declared != null && declared.strip().matches("[0-9]{1,18}") && Long.parseLong(declared.strip()) > maxBytes) {
      throw tooLarge(maxBytes, "");
    }
    PushBody raw;
    try (InputStream in = request.body().open()) {
      raw = readAll(in, maxBytes, account, "");
    }
    if (!gzip) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw.bytes(), 0, raw.length()), 8192)) {
      return readAll(in, maxBytes, account, " uncompressed");
    } catch (ZipException | EOFException e) {
      throw new PushRefusal(400, "the body is not valid gzip (" + Excerpt.of(String.valueOf(e.getMessage()), 80) + ")");
    }
  }

  private static PushBody readAll(InputStream in, int maxBytes, HeapBudget.Account account, String what)
      throws IOException, PushRefusal, InputLimitException {
    byte[] out = new byte[0];
    int length = 0;
    while (true) {
      if (length == out.length) {
        if (length == maxBytes) {
          if (in.read() < 0) {
            break;
          }
          throw tooLarge(maxBytes, what);
        }
        int capacity = (int) Math.min(maxBytes, Math.max(CHUNK, 2L * out.length));
        account.charge(capacity - out.length);
        out = Arrays.copyOf(out, capacity);
      }
      int n = in.read(out, length, out.length - length);
      if (n < 0) {
        break;
      }
      length += n;
    }
    return new PushBody(out, length);
  }

  private static PushRefusal tooLarge(int maxBytes, String what) {
    return new PushRefusal(413, "the body is larger than " + maxBytes + " bytes" + what + " (option " + PushSettings.MAX_BODY_BYTES
        + "); push fewer series, or raise it");
  }
}
