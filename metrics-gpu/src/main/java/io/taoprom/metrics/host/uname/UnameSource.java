package io.taoprom.metrics.host.uname;

import java.io.IOException;

/** Where the {@code uname} collector reads the system's identity from. */
interface UnameSource {

  /** The fields of {@code uname(2)}. */
  record Uname(
      String sysname,
      String release,
      String version,
      String machine,
      String nodename,
      String domainname) {}

  Uname read() throws IOException;
}
