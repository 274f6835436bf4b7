package io.taoprom.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionFileTest {

  /** The shape of NI Compute's compute/__init__.py (neuralinternet/compute-subnet, v1.8.3), version bumped. */
  static final String NI_COMPUTE_INIT = """
      # The MIT License (MIT)
      # Copyright © 2023 Rapiiidooo
      #
      # Permission is hereby granted, free of charge, ...

      import string

      # Define the version of the template module.
      __version__ = "1.9.0"
      __minimal_miner_version__ = "1.8.3"
      __minimal_validator_version__ = "1.8.3"

      version_split = __version__.split(".")
      __version_as_int__ = (100 * int(version_split[0])) + (10 * int(version_split[1])) + (1 * int(version_split[2]))

      # General static vars
      validator_permit_stake = 1.024e3
      """;

  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void niComputesInitGivesItsVersionAsInt() throws Exception {
    VersionFile f = VersionFile.of(write("__init__.py", NI_COMPUTE_INIT), VersionScheme.SN27);
    assertThat(f.versionString()).isEqualTo("1.9.0");
    // NI Compute: (100 * major) + (10 * minor) + patch
    assertThat(f.getAsLong()).isEqualTo(190);
  }

  @Test
  void otherWaysPythonWritesTheAssignmentAndABareVersion() throws Exception {
    assertThat(VersionFile.of(write("a.py", "__version__ = '2.0.1'  # bumped by CI\n"), VersionScheme.SN27).getAsLong())
        .isEqualTo(201);
    assertThat(VersionFile.of(write("b.py", "__version__: str = \"2.0.1\"\n"), VersionScheme.SN27).getAsLong())
        .isEqualTo(201);
    assertThat(VersionFile.of(write("VERSION", "1.9.0\n"), VersionScheme.SN27).getAsLong()).isEqualTo(190);
    assertThat(VersionFile.of(write("VERSION2", "\n  v1.9.0  \r\n\n"), VersionScheme.SN27).getAsLong()).isEqualTo(190);
    assertThat(VersionFile.of(write("bt", "9.12.1"), VersionScheme.BITTENSOR).getAsLong()).isEqualTo(9_012_001);
    assertThat(VersionFile.of(write("bom.py", "\uFEFF__version__ = \"1.0.0\"\n"), VersionScheme.SN27).getAsLong())
        .isEqualTo(100);
  }

  @Test
  void itIsReadAgainAtEveryCall() throws Exception {
    Path p = write("__init__.py", NI_COMPUTE_INIT);
    VersionFile f = VersionFile.of(p, VersionScheme.SN27);
    assertThat(f.getAsLong()).isEqualTo(190);
    Files.writeString(p, NI_COMPUTE_INIT.replace("\"1.9.0\"", "\"1.9.1\""));
    assertThat(f.getAsLong()).isEqualTo(191);
  }

  @Test
  void problemsAreOneLineNamingTheFileAndTheLine() throws Exception {
    Path computed = write("computed.py", "import x\n__version__ = x.get_version()\n");
    assertThatThrownBy(() -> VersionFile.of(computed, VersionScheme.SN27).getAsLong())
        .hasMessage("version file " + computed + ", line 2: __version__ is not assigned a string literal"
            + " (\"__version__ = x.get_version()\"); TaoProm reads __version__ = \"x.y.z\" without running the module");

    Path rc = write("rc.py", "# a comment\n\n__version__ = \"1.9.0rc1\"\n");
    assertThatThrownBy(() -> VersionFile.of(rc, VersionScheme.SN27).getAsLong())
        .hasMessageStartingWith("version file " + rc + ", line 3: version '1.9.0rc1': '0rc1' is not a non-negative number")
        .hasMessageEndingWith("(version scheme sn27)");

    Path twice = write("twice.py", "__version__ = \"1.0.0\"\n__version__ = \"2.0.0\"\n");
    assertThatThrownBy(() -> VersionFile.of(twice, VersionScheme.SN27).getAsLong())
        .hasMessage("version file " + twice + ", line 2: __version__ is assigned again (first on line 1);"
            + " TaoProm reads one literal assignment");

    Path indented = write("indented.py", "if True:\n    __version__ = \"1.0.0\"\nx = 1\n");
    assertThatThrownBy(() -> VersionFile.of(indented, VersionScheme.SN27).getAsLong())
        .hasMessage("version file " + indented + " has no top-level __version__ = \"x.y.z\" line and is not a version"
            + " string alone");

    Path empty = write("empty", "\n\n");
    assertThatThrownBy(() -> VersionFile.of(empty, VersionScheme.SN27).getAsLong()).hasMessageContaining("(it is empty)");

    Path big = write("big", "1.0.0" + " ".repeat(VersionFile.MAX_BYTES));
    assertThatThrownBy(() -> VersionFile.of(big, VersionScheme.SN27).getAsLong())
        .hasMessageStartingWith("cannot read version file " + big + ": ");

    assertThatThrownBy(() -> VersionFile.of(dir.resolve("missing.py"), VersionScheme.SN27).getAsLong())
        .hasMessage("cannot read version file " + dir.resolve("missing.py") + ": no such file");
    assertThatThrownBy(() -> VersionFile.of(dir, VersionScheme.SN27).getAsLong())
        .hasMessageStartingWith("cannot read version file " + dir + ": ").hasMessageContaining("directory");
  }

  @Test
  void outsideTextIsQuotedEscapedAndShort() throws Exception {
    Path hostile = write("hostile", "\u001b[2J" + "x".repeat(500) + "\n");
    assertThatThrownBy(() -> VersionFile.of(hostile, VersionScheme.SN27).getAsLong())
        .satisfies(e -> {
          assertThat(e.getMessage()).contains("\\x1b[2J").doesNotContain("\u001b").hasSizeLessThan(400);
          assertThat(e.getMessage().lines()).hasSize(1);
        });
  }
}
