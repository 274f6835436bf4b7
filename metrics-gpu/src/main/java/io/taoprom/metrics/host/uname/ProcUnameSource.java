package io.taoprom.metrics.host.uname;

import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;

/**
 * {@code uname(2)}'s fields as Linux publishes them under {@code /proc/sys/kernel}: ostype,
 * osrelease, version, hostname, domainname and (Linux 6.1 and later) arch. The kernel's own
 * strings never change while it runs and are read once; host and domain names are read on every
 * scrape because an operator may change them.
 */
final class ProcUnameSource implements UnameSource {

  private final ProcFs proc;
  private volatile Uname fixed;

  ProcUnameSource(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public Uname read() throws IOException {
    Uname kernel = fixed;
    if (kernel == null) {
      String machine =
          proc.readable("sys/kernel/arch")
              ? line("sys/kernel/arch")
              : Machine.fromJavaArch(System.getProperty("os.arch", ""));
      kernel =
          new Uname(
              line("sys/kernel/ostype"), line("sys/kernel/osrelease"), line("sys/kernel/version"), machine, "", "");
      fixed = kernel;
    }
    return new Uname(
        kernel.sysname(),
        kernel.release(),
        kernel.version(),
        kernel.machine(),
        line("sys/kernel/hostname"),
        line("sys/kernel/domainname"));
  }

  private String line(String file) throws IOException {
    String s = proc.readUtf8(file);
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
