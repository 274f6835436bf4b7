package io.taoprom.metrics.host.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverAttributesTest {

  @Test
  void aValueWithoutItsWhitespace(@TempDir Path dir) throws IOException {
    Path mtu = Fixtures.write(dir, "mtu", " 9000\n");

    assertThat(DriverAttributes.read(mtu)).hasValue("9000");
    assertThat(DriverAttributes.readIfShown(mtu)).hasValue("9000");
  }

  @Test
  void absentIsEmptyBothWays(@TempDir Path dir) throws IOException {
    assertThat(DriverAttributes.read(dir.resolve("speed"))).isEmpty();
    assertThat(DriverAttributes.readIfShown(dir.resolve("speed"))).isEmpty();
  }

  @Test
  void moreThanAPageIsNoAttribute(@TempDir Path dir) throws IOException {
    Path big = Fixtures.write(dir, "address", "a".repeat(DriverAttributes.MAX_BYTES + 1));

    assertThatThrownBy(() -> DriverAttributes.read(big)).hasMessage(big + " is longer than a sysfs attribute can be (4096 bytes)");
    assertThatThrownBy(() -> DriverAttributes.readIfShown(big)).hasMessageContaining("is longer than a sysfs attribute");
    assertThat(DriverAttributes.read(Fixtures.write(dir, "page", "b".repeat(DriverAttributes.MAX_BYTES)))).isPresent();
  }

  @Test
  void aDirectoryIsNeverARefusal(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("speed"));

    assertThatThrownBy(() -> DriverAttributes.readIfShown(dir.resolve("speed"))).hasMessage(dir.resolve("speed") + " is a directory, not an attribute");
    assertThatThrownBy(() -> DriverAttributes.read(dir.resolve("speed"))).hasMessageStartingWith(dir.resolve("speed") + ": ");
  }

  /** On Linux, {@code lo} has no speed: the kernel answers the read with EINVAL. */
  @Test
  void aReadTheDriverRefusesIsEmptyOnlyWhenAsked() throws IOException {
    Path speed = Path.of("/sys/class/net/lo/speed");
    boolean refused;
    try (InputStream in = Files.newInputStream(speed)) {
      in.read();
      refused = false;
    } catch (IOException e) {
      refused = true;
    }
    assumeTrue(refused, "needs a Linux lo whose speed answers EINVAL");

    assertThat(DriverAttributes.readIfShown(speed)).isEmpty();
    assertThatThrownBy(() -> DriverAttributes.read(speed)).hasMessageStartingWith(speed + ": ");
  }

  @Test
  void anAliasIsUtf8(@TempDir Path dir) throws IOException {
    Path alias = Fixtures.write(dir, "ifalias", "Rack 7 \u2192 spine\n");

    assertThat(DriverAttributes.readUtf8IfShown(alias)).hasValue("Rack 7 \u2192 spine");
  }
}
