package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysFsTest {

  @TempDir Path dir;

  @Test
  void anUnsignedAttributeOrItsDefaultWhereAbsent() throws IOException {
    Files.writeString(dir.resolve("in_flight"), "18446744073709551615\n");
    SysFs sys = SysFs.at(dir);

    assertThat(sys.unsigned("in_flight", 0)).isEqualTo(1.8446744073709552E19);
    assertThat(sys.unsigned("absent", 7)).isEqualTo(7.0);
  }

  @Test
  void anUnsignedAttributeThatIsNotOneIsNamedAndQuotedEscaped() throws IOException {
    Files.writeString(dir.resolve("suspended"), "yes\u001b]0;x\n");

    assertThatThrownBy(() -> SysFs.at(dir).unsigned("suspended", 0))
        .isInstanceOf(MalformedFileException.class)
        .hasMessage(dir.resolve("suspended") + ": expected an unsigned number, found \"yes\\x1b]0;x\"");
  }

  @Test
  void anAttributeThatCannotBeReadIsNamed() throws IOException {
    Files.createDirectory(dir.resolve("size"));

    assertThatThrownBy(() -> SysFs.at(dir).attribute("size"))
        .hasMessage("cannot read " + dir.resolve("size") + ": Is a directory");
  }
}
