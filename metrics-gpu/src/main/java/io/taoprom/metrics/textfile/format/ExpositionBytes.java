package io.taoprom.metrics.textfile.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turning the bytes of a text exposition (a {@code *.prom} file, another process's
 * {@code /metrics} body) into text for {@link TextFormatParser}: read with a size cap, so a
 * runaway file or endpoint cannot exhaust the heap, and decoded as strict UTF-8, as the
 * format requires.
 *
 * <pre>{@code
 * byte[] bytes = ExpositionBytes.readCapped(in, 4 << 20, "larger than 4 MiB");
 * List<ParsedFamily> families = TextFormatParser.parse(ExpositionBytes.utf8(bytes, "not valid UTF-8"));
 * }</pre>
 */
public final class ExpositionBytes {

  private ExpositionBytes() {}

  /**
   * Reads at most {@code maxBytes} from {@code in}.
   *
   * @throws IOException with {@code tooLarge} as its message when there is more
   */
  public static byte[] readCapped(InputStream in, int maxBytes, String tooLarge) throws IOException {
    byte[] data = in.readNBytes(maxBytes + 1);
    if (data.length > maxBytes) {
      throw new IOException(tooLarge);
    }
    return data;
  }

  /**
   * Decodes strict UTF-8: malformed input is an error, never replacement characters.
   *
   * @throws IOException with {@code notUtf8} as its message when the bytes are not UTF-8
   */
  public static String utf8(byte[] bytes, String notUtf8) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(notUtf8, e);
    }
  }
}
