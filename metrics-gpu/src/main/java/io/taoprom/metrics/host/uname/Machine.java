package io.taoprom.metrics.host.uname;

import java.util.Locale;

/** {@code uname -m} guessed from the JVM's {@code os.arch} where the kernel cannot be asked. */
final class Machine {

  private Machine() {}

  static String fromJavaArch(String arch) {
    switch (arch.toLowerCase(Locale.ROOT)) {
      case "amd64":
      case "x86_64":
        return "x86_64";
      case "x86":
      case "i386":
        return "i686";
      case "aarch64":
      case "arm64":
        return "aarch64";
      default:
        return arch;
    }
  }
}
