package io.taoprom.core.wallet;

import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the password for an encrypted keyfile comes from. Returns a fresh array that the caller
 * wipes after use.
 *
 * <pre>{@code
 * KeyfileContents hot = Keyfile.read(path, PasswordSource.standard());
 * }</pre>
 */
@FunctionalInterface
public interface PasswordSource {

  /** The environment variable {@link #fromEnvironment()} reads. */
  String ENVIRONMENT_VARIABLE = "TAOPROM_KEYFILE_PASSWORD";

  /**
   * The password for {@code keyfile}.
   *
   * @throws KeyfileException when no password can be had, saying how to provide one
   */
  char[] password(Path keyfile);

  /** {@code TAOPROM_KEYFILE_PASSWORD}, then an interactive prompt when there is a console. */
  static PasswordSource standard() {
    return keyfile -> fromEnvironment(System.getenv(ENVIRONMENT_VARIABLE))
        .or(() -> prompt(System.console(), keyfile))
        .orElseThrow(() -> new KeyfileException(keyfile + " is encrypted: set " + ENVIRONMENT_VARIABLE
            + " or run interactively to be asked for its password"));
  }

  /** Only the environment variable {@code TAOPROM_KEYFILE_PASSWORD}. */
  static PasswordSource fromEnvironment() {
    return keyfile -> fromEnvironment(System.getenv(ENVIRONMENT_VARIABLE))
        .orElseThrow(() -> new KeyfileException(keyfile + " is encrypted: set " + ENVIRONMENT_VARIABLE + " to its password"));
  }

  /** A fixed password (for tests and programs that manage their own secrets). */
  static PasswordSource of(char[] password) {
    char[] copy = password.clone();
    return keyfile -> copy.clone();
  }

  /** A source for keyfiles that must not be encrypted: asking it is an error. */
  static PasswordSource none() {
    return keyfile -> {
      throw new KeyfileException(keyfile + " is encrypted and no password source was given");
    };
  }

  private static Optional<char[]> fromEnvironment(String value) {
    return value == null ? Optional.empty() : Optional.of(value.toCharArray());
  }

  private static Optional<char[]> prompt(Console console, Path keyfile) {
    if (console == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(console.readPassword("Password for %s: ", keyfile));
  }
}
