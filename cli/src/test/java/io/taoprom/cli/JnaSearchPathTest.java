package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JnaSearchPathTest {

  @Test
  void linuxOnX86AndArmGetsTheMultiarchDirectories() {
    assertThat(JnaSearchPath.forPlatform("Linux", "amd64"))
        .hasValue("/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu:/usr/lib64:/lib64:/usr/lib:/lib");
    assertThat(JnaSearchPath.forPlatform("Linux", "aarch64"))
        .hasValue("/usr/lib/aarch64-linux-gnu:/lib/aarch64-linux-gnu:/usr/lib64:/lib64:/usr/lib:/lib");
  }

  @Test
  void otherPlatformsAreLeftToJna() {
    assertThat(JnaSearchPath.forPlatform("Linux", "ppc64le")).isEmpty();
    assertThat(JnaSearchPath.forPlatform("Mac OS X", "aarch64")).isEmpty();
  }

  @Test
  void aValueTheUserSetIsKept() {
    String before = System.getProperty(JnaSearchPath.PROPERTY);
    try {
      System.setProperty(JnaSearchPath.PROPERTY, "/opt/mine");
      JnaSearchPath.install();
      assertThat(System.getProperty(JnaSearchPath.PROPERTY)).isEqualTo("/opt/mine");
      System.clearProperty(JnaSearchPath.PROPERTY);
      JnaSearchPath.install();
      assertThat(System.getProperty(JnaSearchPath.PROPERTY))
          .isEqualTo(JnaSearchPath.forPlatform(System.getProperty("os.name"), System.getProperty("os.arch")).orElse(null));
    } finally {
      if (before == null) {
        System.clearProperty(JnaSearchPath.PROPERTY);
      } else {
        System.setProperty(JnaSearchPath.PROPERTY, before);
      }
    }
  }
}
