package io.taoprom.cli.key;

import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeySchemes;
import io.taoprom.core.keys.KeyFormatException;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Ss58;
import io.taoprom.core.wallet.Keyfile;
import io.taoprom.core.wallet.KeyfileContents;
import io.taoprom.core.wallet.KeyfileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Turns the key commands' arguments into keys and bytes. Malformed input is a {@link
 * ParameterException} (exit code 2, one line naming the option and the problem, never the secret);
 * a keyfile that cannot be opened is a command failure (exit code 1).
 */
final class KeyInput {

  private KeyInput() {}

  /** The key pair of a secret URI; {@code -} reads the URI from standard input. */
  static KeyPair fromUri(CommandSpec spec, String option, String uri, String scheme, InputStream stdin) {
    try {
      KeySchemes.named(scheme);
    } catch (KeyException e) {
      throw new ParameterException(spec.commandLine(), "invalid --scheme: " + e.getMessage());
    }
    String text = "-".equals(uri) ? readLine(spec, stdin) : uri;
    try {
      return Keys.fromUri(text, scheme);
    } catch (KeyFormatException | KeyException e) {
      throw new ParameterException(spec.commandLine(), "invalid " + option + ": " + e.getMessage());
    }
  }

  /** The key pair, or only the public key, of a keyfile; warnings go to stderr. */
  static KeyfileContents fromKeyfile(CommandSpec spec, KeyCommand parent, Path path) {
    try {
      KeyfileContents c = Keyfile.read(path, parent.passwords(), parent.cipher());
      ConsoleLog log = ConsoleLog.of(spec);
      c.warnings().forEach(log::warn);
      return c;
    } catch (KeyfileException e) {
      String hint = e.getMessage().contains("-Xmx")
          ? "; with the taoprom launcher: TAOPROM_JAVA_OPTS=-Xmx1g taoprom ..." : "";
      throw new io.taoprom.cli.CommandFailure(e.getMessage() + hint, e);
    }
  }

  /** A 32-byte public key given as 0x-hex or as an SS58 address. */
  static byte[] publicKey(CommandSpec spec, String option, String text) {
    if (text.startsWith("0x") || text.startsWith("0X")) {
      byte[] key = hex(spec, option, text);
      if (key.length != 32) {
        throw new ParameterException(spec.commandLine(), "invalid " + option + ": a public key has 32 bytes (64 hex digits), got "
            + key.length);
      }
      return key;
    }
    try {
      return Ss58.decodeAccountId(text);
    } catch (KeyFormatException e) {
      throw new ParameterException(spec.commandLine(), "invalid " + option + " (expected 0x-hex or an SS58 address): "
          + e.getMessage());
    }
  }

  /** Bytes from hex, with or without 0x. */
  static byte[] hex(CommandSpec spec, String option, String text) {
    String h = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (h.length() % 2 != 0) {
      throw new ParameterException(spec.commandLine(), "invalid " + option + ": hex needs an even number of digits, got "
          + h.length());
    }
    for (int i = 0; i < h.length(); i++) {
      if (!HexFormat.isHexDigit(h.charAt(i))) {
        throw new ParameterException(spec.commandLine(), "invalid " + option + ": '" + h.charAt(i)
            + "' at position " + (i + text.length() - h.length()) + " is not a hex digit");
      }
    }
    return HexFormat.of().parseHex(h);
  }

  static void checkPrefix(CommandSpec spec, int prefix) {
    if (prefix < 0 || prefix > 16383 || prefix == 46 || prefix == 47) {
      throw new ParameterException(spec.commandLine(), "invalid --network-prefix: an SS58 prefix is in [0, 16383]"
          + " and not the reserved 46 or 47, got " + prefix);
    }
  }

  /** A secret URI is a mnemonic and a derivation path: a few hundred bytes. */
  static final int MAX_STDIN_LINE = 4096;

  /**
   * The first line of standard input, read byte by byte up to {@link #MAX_STDIN_LINE} so that an
   * endless stream (a pipe from /dev/zero) costs only that; the bytes are cleared after decoding.
   */
  private static String readLine(CommandSpec spec, InputStream stdin) {
    byte[] line = new byte[MAX_STDIN_LINE];
    int length = 0;
    try {
      int b;
      while ((b = stdin.read()) != -1 && b != '\n') {
        if (length == line.length) {
          throw new ParameterException(spec.commandLine(), "the secret URI on standard input is longer than "
              + MAX_STDIN_LINE + " bytes; give one line with the phrase or seed and its derivation path");
        }
        line[length++] = (byte) b;
      }
      String text = new String(line, 0, length, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "expected a secret URI on standard input, got nothing");
      }
      return text;
    } catch (IOException e) {
      throw new io.taoprom.cli.CommandFailure("cannot read the secret URI from standard input: " + e.getMessage(), e);
    } finally {
      Arrays.fill(line, (byte) 0);
    }
  }

  static String toHex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }

  /** The parent {@code key} command of a subcommand. */
  static KeyCommand parent(CommandSpec spec) {
    CommandLine p = spec.commandLine().getParent();
    if (p != null && p.getCommand() instanceof KeyCommand k) {
      return k;
    }
    return new KeyCommand();
  }
}
