package io.taoprom.metrics.textfile.format;

/**
 * Strict UTF-8 validation without decoding: the text format is UTF-8, and a file or body that is
 * not (Latin-1, binary, a truncated sequence, an encoded surrogate, an overlong form) is refused
 * whole rather than served with replacement characters. Checking first lets the parser build its
 * strings straight from the bytes, with no decoded copy of the whole input.
 */
final class Utf8 {

  private Utf8() {}

  /** The offset of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
  static int firstInvalid(byte[] b, int length) {
    int i = 0;
    while (i < length) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int more;
      int min = 0x80;
      int max = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        more = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        more = 2;
        if (c == 0xe0) {
          min = 0xa0; // no overlong forms
        } else if (c == 0xed) {
          max = 0x9f; // no surrogates
        }
      } else if (c >= 0xf0 && c <= 0xf4) {
        more = 3;
        if (c == 0xf0) {
          min = 0x90;
        } else if (c == 0xf4) {
          max = 0x8f; // nothing above U+10FFFF
        }
      } else {
        return i;
      }
      if (i + more >= length) {
        return i; // cut short
      }
      int second = b[i + 1] & 0xff;
      if (second < min || second > max) {
        return i;
      }
      for (int k = 2; k <= more; k++) {
        int next = b[i + k] & 0xff;
        if (next < 0x80 || next > 0xbf) {
          return i;
        }
      }
      i += more + 1;
    }
    return -1;
  }
}
