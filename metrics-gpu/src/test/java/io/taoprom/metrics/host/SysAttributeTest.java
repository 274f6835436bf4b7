package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysAttributeTest {

  @TempDir Path dir;

  @Test
  void anAbsentAttributeIsNull() throws IOException {
    assertThat(SysAttribute.read(dir.resolve("absent"))).isNull();
    assertThat(SysAttribute.readStripped(dir.resolve("absent"))).isNull();
  }

  @Test
  void aValueIsReadWholeAndStrippedOnRequest() throws IOException {
    Files.writeString(dir.resolve("temp"), "45000\n");

    assertThat(SysAttribute.read(dir.resolve("temp"))).isEqualTo("45000\n");
    assertThat(SysAttribute.readStripped(dir.resolve("temp"))).isEqualTo("45000");
  }

  @Test
  void aReadThatFailsAfterTheOpenIsARefusal() throws IOException {
    Path attribute = Files.createDirectory(dir.resolve("capacity")); // open succeeds, read fails

    assertThatThrownBy(() -> SysAttribute.read(attribute))
        .isInstanceOf(RefusedAttributeException.class)
        .hasMessageContaining("capacity: the driver refused the read");
  }

  @Test
  void aFileThatCannotBeOpenedIsAnErrorNamingIt() throws IOException {
    Path loop = dir.resolve("loop");
    Files.createSymbolicLink(loop, loop.getFileName());

    assertThatThrownBy(() -> SysAttribute.read(loop))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(RefusedAttributeException.class)
        .hasMessageContaining("loop");
  }

  @Test
  void aFileLongerThanAnyAttributeIsRefusedWithoutReadingOn() throws IOException {
    Files.writeString(dir.resolve("big"), "x".repeat(SysAttribute.MAX_BYTES + 1));
    Files.writeString(dir.resolve("page"), "y".repeat(SysAttribute.MAX_BYTES));

    assertThatThrownBy(() -> SysAttribute.read(dir.resolve("big")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("big is longer than 4096 bytes");
    assertThat(SysAttribute.read(dir.resolve("page"))).hasSize(SysAttribute.MAX_BYTES);
  }

  @Test
  void invalidUtf8BecomesOneReplacementPerRun() throws IOException {
    Files.write(dir.resolve("label"), new byte[] {'a', (byte) 0xff, (byte) 0xfe, (byte) 0xfd, 'b', (byte) 0xc3, (byte) 0xa9});

    assertThat(SysAttribute.read(dir.resolve("label"))).isEqualTo("a\uFFFDb\u00e9");
  }

  @Test
  void integersAreAsciiDecimalAndNamedWhenTheyAreNot() throws IOException {
    Path file = dir.resolve("value");
    assertThat(SysAttribute.parseLong(file, " -263200\n")).isEqualTo(-263200);
    assertThat(SysAttribute.parseUnsigned(file, "18446744073709551615\n")).isEqualTo(1.8446744073709552E19);
    for (String bad : new String[] {"", "+", "1.5", "0x10", "\u0665", "12 3", "18446744073709551616"}) {
      assertThatThrownBy(() -> SysAttribute.parseUnsigned(file, bad)).as(bad)
          .isInstanceOf(IOException.class).hasMessageContaining("value holds");
    }
    assertThatThrownBy(() -> SysAttribute.parseLong(file, "9223372036854775808"))
        .hasMessageContaining("not a 64-bit integer");
    assertThatThrownBy(() -> SysAttribute.parseUnsigned(file, "-1")).hasMessageContaining("\"-1\", not an unsigned integer");
  }

  @Test
  void aValueShownOrNotWithoutItsWhitespace() throws IOException {
    Path mtu = Files.writeString(dir.resolve("mtu"), " 9000\n");

    assertThat(SysAttribute.readIfShown(mtu)).hasValue("9000");
    assertThat(SysAttribute.readIfDriverShows(mtu)).hasValue("9000");
    assertThat(SysAttribute.readIfShown(dir.resolve("speed"))).isEmpty();
    assertThat(SysAttribute.readIfDriverShows(dir.resolve("speed"))).isEmpty();
  }

  @Test
  void aRefusedReadIsNotShownButADirectoryIsNoDriversAnswer() throws IOException {
    Path speed = Files.createDirectory(dir.resolve("speed")); // opens, then the read fails

    assertThat(SysAttribute.readIfShown(speed)).isEmpty();
    assertThatThrownBy(() -> SysAttribute.readIfDriverShows(speed)).hasMessage(speed + " is a directory, not an attribute");
    assertThatThrownBy(() -> SysAttribute.readStripped(speed)).hasMessageStartingWith(speed + ": ");
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

    assertThat(SysAttribute.readIfDriverShows(speed)).isEmpty();
    assertThat(SysAttribute.readIfShown(speed)).isEmpty();
    assertThatThrownBy(() -> SysAttribute.read(speed))
        .isInstanceOf(RefusedAttributeException.class)
        .hasMessageStartingWith(speed + ": ");
  }

  @Test
  void anAliasIsUtf8() throws IOException {
    Path alias = Files.writeString(dir.resolve("ifalias"), "Rack 7 \u2192 spine\n");

    assertThat(SysAttribute.readIfDriverShows(alias)).hasValue("Rack 7 \u2192 spine");
  }
}
