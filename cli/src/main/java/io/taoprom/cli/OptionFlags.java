package io.taoprom.cli;

import java.util.regex.Pattern;

/**
 * A plugin's text as the command line says it. The SDK modules name a plugin's options as
 * options ({@code option netstat.fields}, {@code option nvml.library}); on the command line each
 * is the flag of the same name.
 *
 * <pre>{@code
 * OptionFlags.of("option push.max-groups '0' is not a whole number")  // "--push.max-groups '0' is not a whole number"
 * }</pre>
 */
public final class OptionFlags {

  private static final Pattern OPTION =
      Pattern.compile("\\boption ([a-z][a-z0-9_]*\\.[a-z][a-z0-9_-]*(?:\\.[a-z][a-z0-9_-]*)*)");

  private OptionFlags() {}

  /** {@code text} with every {@code option NAME} written {@code --NAME}; null stays null. */
  public static String of(String text) {
    return text == null ? null : OPTION.matcher(text).replaceAll("--$1");
  }
}
