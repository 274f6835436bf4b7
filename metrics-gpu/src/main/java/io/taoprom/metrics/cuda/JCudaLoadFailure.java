package io.taoprom.metrics.cuda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what JCuda throws when it cannot load its native code into one line. JCuda's
 * {@link UnsatisfiedLinkError} carries a multi-line message with nested stack traces of each
 * attempt; the {@link NoClassDefFoundError} of every later use names only the class, with
 * the first error as its cause, whose text the JVM has cut short. The useful part is the
 * dynamic linker's reason, typically
 * {@code libcuda.so.1: cannot open shared object file: No such file or directory}; it is
 * remembered from the first error so that later ones read the same.
 */
final class JCudaLoadFailure {

  /** JCuda's public entry class, the one whose static initializer loads the native code. */
  static final String DRIVER_CLASS = "jcuda.driver.JCudaDriver";

  private static final Pattern LIBCUDA = Pattern.compile("(libcuda\\.so[^:\\s]*: [^\\r\\n\\]]+)");
  private static final Pattern LINK_ERROR = Pattern.compile("UnsatisfiedLinkError: ([^\\r\\n]+)");

  // The first failure's reason, for the NoClassDefFoundErrors that follow it.
  private static volatile String first;

  private JCudaLoadFailure() {}

  /** The one-line reason the CUDA collector is unavailable, from JCuda's error and its causes. */
  static String describe(Throwable error) {
    String known = first;
    if (known != null && error instanceof NoClassDefFoundError) {
      return known;
    }
    String reason = reasonOf(error);
    if (!(error instanceof NoClassDefFoundError)) {
      first = reason;
    }
    return reason;
  }

  private static String reasonOf(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      all.append(t).append('\n');
      if (t.getCause() == t) {
        break;
      }
    }
    String text = all.toString();
    Matcher libcuda = LIBCUDA.matcher(text);
    if (libcuda.find()) {
      return "no NVIDIA CUDA driver: " + libcuda.group(1).strip()
          + " (JCuda needs libcuda.so.1 from the NVIDIA driver)";
    }
    String last = null;
    Matcher link = LINK_ERROR.matcher(text);
    while (link.find()) {
      last = link.group(1);
    }
    if (last != null && !(error instanceof NoClassDefFoundError)) {
      // JCuda's own extracted library prefixes the reason with its path: keep the reason.
      return "JCuda could not load its native library: " + last.replaceFirst("^\\S+\\.so: ", "").strip();
    }
    if (error instanceof NoClassDefFoundError) {
      return "JCuda failed to load its native library earlier in this JVM (is libcuda.so.1 of the"
          + " NVIDIA driver installed?)";
    }
    String message = String.valueOf(error.getMessage());
    int newline = message.indexOf('\n');
    return "JCuda could not be initialized: " + error.getClass().getSimpleName() + ": "
        + (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
