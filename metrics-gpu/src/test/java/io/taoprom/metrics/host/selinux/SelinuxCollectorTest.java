package io.taoprom.metrics.host.selinux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelinuxCollectorTest {

  private static Path fixture(String machine) throws URISyntaxException {
    return Path.of(SelinuxCollectorTest.class.getResource("/io/taoprom/metrics/host/selinux/" + machine).toURI());
  }

  @Test
  void goldenTextOfThisVmWithoutSelinux() throws Exception {
    assertThat(HostFixtures.text(new SelinuxCollector(fixture("vm"))))
        .isEqualTo(
            """
            # HELP node_selinux_enabled SELinux is enabled, 1 is true, 0 is false
            # TYPE node_selinux_enabled gauge
            node_selinux_enabled 0.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerConfiguredEnforcingButSetPermissive() throws Exception {
    assertThat(HostFixtures.text(new SelinuxCollector(fixture("gpu-server"))))
        .isEqualTo(
            """
            # HELP node_selinux_config_mode Configured SELinux enforcement mode
            # TYPE node_selinux_config_mode gauge
            node_selinux_config_mode 1.0
            # HELP node_selinux_current_mode Current SELinux enforcement mode
            # TYPE node_selinux_current_mode gauge
            node_selinux_current_mode 0.0
            # HELP node_selinux_enabled SELinux is enabled, 1 is true, 0 is false
            # TYPE node_selinux_enabled gauge
            node_selinux_enabled 1.0
            """);
  }

  @Test
  void selinuxfsWithoutALoadedPolicyIsNotEnabled(@TempDir Path root) throws IOException {
    write(root, "sys/fs/selinux/enforce", "0");
    write(root, "proc/thread-self/attr/current", "kernel\0");

    assertThat(HostFixtures.text(new SelinuxCollector(root))).endsWith("node_selinux_enabled 0.0\n");
  }

  @Test
  void selinuxfsMountedElsewhereIsFoundThroughMountinfo(@TempDir Path root) throws IOException {
    write(root, "proc/filesystems", "nodev\tproc\nnodev\tselinuxfs\n");
    write(root, "proc/self/mountinfo",
        "21 26 0:20 / /proc rw,relatime - proc proc rw\n"
            + "30 26 0:30 / /old\\040selinux ro,relatime - selinuxfs selinuxfs ro\n"
            + "31 26 0:31 / /se\\040linux rw,relatime - selinuxfs selinuxfs rw\n");
    write(root, "old selinux/enforce", "1"); // mounted read-only: not the one
    write(root, "se linux/enforce", "1");
    write(root, "etc/selinux/config", "SELINUX=\"permissive\"\n");

    String text = HostFixtures.text(new SelinuxCollector(root));
    assertThat(text).contains("node_selinux_enabled 1.0\n", "node_selinux_current_mode 1.0\n", "node_selinux_config_mode 0.0\n");
  }

  @Test
  void withoutAConfigFileTheConfiguredModeIsDisabled(@TempDir Path root) throws IOException {
    write(root, "sys/fs/selinux/enforce", "1");

    assertThat(HostFixtures.text(new SelinuxCollector(root))).contains("node_selinux_config_mode -1.0\n");
    write(root, "etc/selinux/config", "SELINUX = enforcing\n"); // blanks around '=' make it no setting
    assertThat(HostFixtures.text(new SelinuxCollector(root))).contains("node_selinux_config_mode -1.0\n");
  }

  @Test
  void anEnforceFileWithoutANumberFails(@TempDir Path root) throws IOException {
    Path enforce = write(root, "sys/fs/selinux/enforce", "yes");

    assertThatThrownBy(() -> new SelinuxCollector(root).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(enforce + " does not hold a number");
  }

  @Test
  void aConfigThatIsNotARegularFileFails(@TempDir Path root) throws IOException {
    write(root, "sys/fs/selinux/enforce", "1");
    Files.createDirectories(root.resolve("etc/selinux/config"));

    assertThatThrownBy(() -> new SelinuxCollector(root).collect()).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void mountinfoEscapesAreUndone() {
    assertThat(SelinuxState.unescape("/a\\040b\\134c")).isEqualTo("/a b\\c");
    assertThat(SelinuxState.unescape("/a\\04")).isEqualTo("/a\\04");
  }

  private static Path write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }
}
