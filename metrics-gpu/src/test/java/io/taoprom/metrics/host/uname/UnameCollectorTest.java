package io.taoprom.metrics.host.uname;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class UnameCollectorTest {

  @Test
  void goldenTextFromTheProcFixture() {
    UnameCollector collector = new UnameCollector(new ProcUnameSource(HostFixtures.fixtureProc()));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_uname_info Labeled system information as provided by the uname system call.
            # TYPE node_uname_info gauge
            node_uname_info{domainname="(none)",machine="x86_64",nodename="miner-7",release="6.1.0-18-amd64",sysname="Linux",version="#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)"} 1.0
            """);
  }

  @Test
  void goldenTextEscapesLabelValues() {
    UnameCollector collector =
        new UnameCollector(() -> new UnameSource.Uname("Darwin", "23.1.0", "Darwin \"Kernel\" \\ x", "arm64", "mac", "local"));

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_uname_info Labeled system information as provided by the uname system call.
            # TYPE node_uname_info gauge
            node_uname_info{domainname="local",machine="arm64",nodename="mac",release="23.1.0",sysname="Darwin",version="Darwin \\"Kernel\\" \\\\ x"} 1.0
            """);
  }

  @Test
  void javaArchitecturesMapToUnameMachines() throws IOException {
    assertThat(Machine.fromJavaArch("amd64")).isEqualTo("x86_64");
    assertThat(Machine.fromJavaArch("aarch64")).isEqualTo("aarch64");
    assertThat(Machine.fromJavaArch("ppc64le")).isEqualTo("ppc64le");
  }
}
