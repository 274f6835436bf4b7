package io.taoprom.metrics.scrape;

import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.InputLimitException;
import io.taoprom.untrusted.Excerpt;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip body undone under a cap on its uncompressed size, into a buffer charged to the heap
 * budget as it grows: a gzip bomb costs the cap at most, and never a second copy of it.
 *
 * @param bytes the buffer, {@code length} of it filled
 * @param length the uncompressed size
 */
record Gunzipped(byte[] bytes, int length) {

  static Gunzipped of(BodyListener.Answer answer, int maxBytes, HeapBudget.Account account)
      throws IOException, InputLimitException {
    String encoding = answer.contentEncoding().trim();
    if (!encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("x-gzip")) {
      throw new FetchFailure("sent a body in encoding " + Excerpt.quoted(encoding, 40) + ", which was not asked for");
    }
    byte[] out = new byte[0];
    int length = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(answer.body(), 0, answer.length()), 8192)) {
      while (true) {
        if (length == out.length) {
          if (length == maxBytes) {
            if (in.read() < 0) {
              break;
            }
            throw new FetchFailure("sent a body larger than " + maxBytes + " bytes uncompressed");
          }
          int capacity = (int) Math.min(maxBytes, Math.max(64L << 10, 2L * out.length));
          account.charge(capacity - out.length);
          out = Arrays.copyOf(out, capacity);
        }
        int n = in.read(out, length, out.length - length);
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (ZipException | EOFException e) {
      throw new FetchFailure("sent a body that is not valid gzip (" + Excerpt.of(String.valueOf(e.getMessage()), 80) + ")");
    }
    return new Gunzipped(out, length);
  }
}
