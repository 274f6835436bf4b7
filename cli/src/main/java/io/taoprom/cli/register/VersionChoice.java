package io.taoprom.cli.register;

import io.taoprom.chain.registration.Endpoint;
import io.taoprom.chain.registration.ParameterNames;
import io.taoprom.chain.registration.VersionFile;
import io.taoprom.chain.registration.VersionScheme;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The version to register, as the command line gives it — one of a number ({@code
 * --version-as-int}), a version string ({@code --app-version}) or the neuron's own file ({@code
 * --app-version-from}), the last two turned into the number by {@code --version-scheme} — under
 * the flag prefix of the command ({@code --} for {@code register} and {@code status},
 * {@code --register.} for {@code serve}).
 *
 * <pre>{@code
 * VersionChoice v = new VersionChoice(null, null, Path.of("compute/__init__.py"), "sn27", "--register.", ParameterFlags.SERVE);
 * long now = v.now();                 // read once, to fail at start
 * LongSupplier each = v.source();     // the file read again at every call
 * }</pre>
 *
 * @param number the number given, or null
 * @param appVersion the version string given, or null
 * @param file the file to read the version string from, or null
 * @param schemeName the version scheme's name
 * @param prefix the flags' prefix, for messages
 * @param names the parameters' names, for the SDK's messages
 */
public record VersionChoice(Long number, String appVersion, Path file, String schemeName, String prefix,
    ParameterNames names) {

  /** Whether any of the three was given. */
  public boolean given() {
    return number != null || appVersion != null || file != null;
  }

  /** The scheme, or a message naming the flag. */
  public VersionScheme scheme() {
    try {
      return VersionScheme.named(schemeName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + prefix + "version-scheme: " + e.getMessage());
    }
  }

  /**
   * The number now (the file is read once), after checking that the version was given one way.
   *
   * @throws IllegalArgumentException naming the flag, the file and line, and the fix
   */
  public long now() {
    checkOneWay();
    if (!given()) {
      throw new IllegalArgumentException("missing version: give " + prefix + "version-as-int INT, " + prefix
          + "app-version X.Y.Z or " + prefix + "app-version-from FILE (with " + prefix + "version-scheme sn27 or bittensor)");
    }
    return source().getAsLong();
  }

  /** The number now, or null when no version was given. */
  public Long nowOrNull() {
    return given() ? now() : null;
  }

  /**
   * Where the version comes from at each check: the file, read again at every call, or the
   * number given.
   */
  public LongSupplier source() {
    checkOneWay();
    if (file != null) {
      return VersionFile.of(file, scheme());
    }
    long fixed;
    if (number != null) {
      Endpoint.checkVersion(number, names);
      fixed = number;
    } else {
      fixed = scheme().toInt(appVersion);
    }
    return () -> fixed;
  }

  /** For a start-up line: {@code version 190 (1.9.0 in compute/__init__.py, sn27)}, or {@code version 183}. */
  public String describe() {
    if (file == null) {
      return "version " + source().getAsLong();
    }
    VersionFile f = VersionFile.of(file, scheme());
    return "version " + f.getAsLong() + " (" + f.versionString() + " in " + file + ", " + f.scheme().label()
        + ", read again at every check)";
  }

  private void checkOneWay() {
    int ways = (number != null ? 1 : 0) + (appVersion != null ? 1 : 0) + (file != null ? 1 : 0);
    if (ways > 1) {
      throw new IllegalArgumentException(prefix + "version-as-int, " + prefix + "app-version and " + prefix
          + "app-version-from each give the version; use one");
    }
  }
}
