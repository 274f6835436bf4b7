package io.taoprom.metrics.host.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.untrusted.NotRegularFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsCollectorTest {

  private static Path fixture(String machine) throws URISyntaxException {
    return Path.of(OsCollectorTest.class.getResource("/io/taoprom/metrics/host/os/" + machine).toURI());
  }

  @Test
  void goldenTextOfThisVmFromUsrLibWhereEtcHasNone() throws Exception {
    // On this VM /etc/os-release is a link to ../usr/lib/os-release; the fixture keeps only the target.
    assertThat(HostFixtures.text(new OsCollector(fixture("vm"))))
        .isEqualTo(
            """
            # HELP node_os_info A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, name, pretty_name, variant, variant_id, version, version_codename, version_id.
            # TYPE node_os_info gauge
            node_os_info{build_id="",id="debian",id_like="",image_id="",image_version="",name="Debian GNU/Linux",pretty_name="Debian GNU/Linux 12 (bookworm)",variant="",variant_id="",version="12 (bookworm)",version_codename="bookworm",version_id="12"} 1.0
            # HELP node_os_version Metric containing the major.minor part of the OS version.
            # TYPE node_os_version gauge
            node_os_version{id="debian",id_like="",name="Debian GNU/Linux"} 12.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerFromEtcBeforeUsrLib() throws Exception {
    assertThat(HostFixtures.text(new OsCollector(fixture("gpu-server"))))
        .isEqualTo(
            """
            # HELP node_os_info A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, name, pretty_name, variant, variant_id, version, version_codename, version_id.
            # TYPE node_os_info gauge
            node_os_info{build_id="",id="ubuntu",id_like="debian",image_id="",image_version="",name="Ubuntu",pretty_name="Ubuntu 22.04.4 LTS",variant="",variant_id="",version="22.04.4 LTS (Jammy Jellyfish)",version_codename="jammy",version_id="22.04"} 1.0
            # HELP node_os_version Metric containing the major.minor part of the OS version.
            # TYPE node_os_version gauge
            node_os_version{id="ubuntu",id_like="debian",name="Ubuntu"} 22.04
            """);
  }

  @Test
  void supportEndIsServedAsMidnightUtc(@TempDir Path root) throws IOException {
    write(root, "etc/os-release", """
        NAME="Fedora Linux"
        VERSION="40 (Server Edition)"
        ID=fedora
        VERSION_ID=40
        VARIANT="Server Edition"
        VARIANT_ID=server
        IMAGE_ID='fedora-server'   # a comment
        IMAGE_VERSION=40.20240416
        BUILD_ID=rawhide-\\#1
        SUPPORT_END=2025-05-13
        """);

    String text = HostFixtures.text(new OsCollector(root));
    assertThat(text)
        .contains("node_os_info{build_id=\"rawhide-\\\\\",id=\"fedora\",id_like=\"\",image_id=\"fedora-server\","
            + "image_version=\"40.20240416\",name=\"Fedora Linux\",pretty_name=\"\",variant=\"Server Edition\","
            + "variant_id=\"server\",version=\"40 (Server Edition)\",version_codename=\"\",version_id=\"40\"} 1.0\n")
        .contains("""
            # HELP node_os_support_end_timestamp_seconds Metric containing the end-of-life date timestamp of the OS.
            # TYPE node_os_support_end_timestamp_seconds gauge
            node_os_support_end_timestamp_seconds 1.7470944E9
            """);
  }

  @Test
  void noOsReleaseYieldsNothing(@TempDir Path root) {
    assertThat(HostFixtures.text(new OsCollector(root))).isEmpty();
  }

  @Test
  void aDanglingLinkInEtcFallsBackToUsrLib(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/gone"));
    write(root, "usr/lib/os-release", "ID=alpine\nVERSION_ID=3.19.1\n");

    assertThat(HostFixtures.text(new OsCollector(root))).contains("node_os_version{id=\"alpine\",id_like=\"\",name=\"\"} 3.19\n");
  }

  @Test
  void aVersionIdWithoutALeadingNumberHasNoVersionSeries(@TempDir Path root) throws IOException {
    write(root, "etc/os-release", "ID=arch\nVERSION_ID=rolling\n");

    assertThat(HostFixtures.text(new OsCollector(root))).contains("node_os_info{").doesNotContain("node_os_version");
    assertThat(OsCollector.majorMinor("0")).isEmpty();
    assertThat(OsCollector.majorMinor("9.4")).contains(9.4);
    assertThat(OsCollector.majorMinor("11.")).isEqualTo(Optional.of(11.0));
  }

  @Test
  void aFileInAnotherSyntaxFailsNamingItsLine(@TempDir Path root) throws IOException {
    Path file = write(root, "etc/os-release", "ID=debian\nPRETTY_NAME=\"Debian\n");

    assertThatThrownBy(() -> new OsCollector(root).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(file + " line 2 has an unmatched '\"'");
  }

  @Test
  void aBadSupportEndFails(@TempDir Path root) throws IOException {
    Path file = write(root, "etc/os-release", "ID=fedora\nSUPPORT_END=soon\n");

    assertThatThrownBy(() -> new OsCollector(root).collect())
        .hasMessageContaining(file + " has a SUPPORT_END that is not a YYYY-MM-DD date");
  }

  @Test
  void onlyRegularUtf8FilesOfAtMost64KiBAreRead(@TempDir Path root) throws IOException {
    Path file = root.resolve("etc/os-release");
    Files.createDirectories(file);
    assertThatThrownBy(() -> new OsCollector(root).collect()).hasCauseInstanceOf(NotRegularFileException.class);

    Files.delete(file);
    Files.write(file, new byte[] {'I', 'D', '=', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> new OsCollector(root).collect()).hasMessageContaining(file + " is not UTF-8 text");

    Files.writeString(file, "# " + "x".repeat(OsCollector.MAX_BYTES) + "\nID=big\n");
    assertThatThrownBy(() -> new OsCollector(root).collect()).isInstanceOf(UncheckedIOException.class);
  }

  private static Path write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
