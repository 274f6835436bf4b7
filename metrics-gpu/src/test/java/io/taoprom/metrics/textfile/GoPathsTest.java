package io.taoprom.metrics.textfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases from Go's own documentation of {@code filepath.Clean} and {@code filepath.Join}. */
class GoPathsTest {

  @Test
  void cleanAsGoCleans() {
    assertThat(GoPaths.clean("")).isEqualTo(".");
    assertThat(GoPaths.clean("/")).isEqualTo("/");
    assertThat(GoPaths.clean("a/c")).isEqualTo("a/c");
    assertThat(GoPaths.clean("a//c")).isEqualTo("a/c");
    assertThat(GoPaths.clean("a/c/.")).isEqualTo("a/c");
    assertThat(GoPaths.clean("a/c/b/..")).isEqualTo("a/c");
    assertThat(GoPaths.clean("/../a/c")).isEqualTo("/a/c");
    assertThat(GoPaths.clean("/../a/b/../././/c")).isEqualTo("/a/c");
    assertThat(GoPaths.clean("../../a")).isEqualTo("../../a");
    assertThat(GoPaths.clean("a/../../b")).isEqualTo("../b");
    assertThat(GoPaths.clean("./a/")).isEqualTo("a");
    assertThat(GoPaths.clean("a/..")).isEqualTo(".");
  }

  @Test
  void joinAsGoJoins() {
    assertThat(GoPaths.join("a", "b")).isEqualTo("a/b");
    assertThat(GoPaths.join("a/", "b")).isEqualTo("a/b");
    assertThat(GoPaths.join("", "b")).isEqualTo("b");
    assertThat(GoPaths.join("/var/lib//x/../y", "a.prom")).isEqualTo("/var/lib/y/a.prom");
    assertThat(GoPaths.join("./textfile/", "a.prom")).isEqualTo("textfile/a.prom");
  }
}
