package io.taoprom.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build writes in prepare-package for packages: completion, man page, AsciiDoc pages. */
class CliDocsTest {

  @Test
  void writesCompletionManPageAndAsciiDocFromTheCommandLine(@TempDir Path target) throws Exception {
    CliDocs.main(new String[] {target.toString()});

    String completion = Files.readString(target.resolve("taoprom_completion"));
    assertThat(completion).startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_taoprom", "--web.telemetry-path", "--web.disable-exporter-metrics",
            "--collector.cpu", "--no-collector.cpu")
        .contains("_option_args=(\"debug\" \"info\" \"warn\" \"error\") # --log.level values", "'--textfile.directory'",
            "'--sd.netuid'");

    String man = Files.readString(target.resolve("generated-docs/taoprom.1"));
    assertThat(man).startsWith(".TH TAOPROM 1 \"\" \"taoprom ")
        .contains(".SH NAME\ntaoprom \\- Prometheus metrics for GPU\\-compute nodes of a Bittensor subnet.\n")
        .contains(".SS taoprom serve\n", ".SS taoprom key inspect\n", ".SS taoprom check web\\-config\n")
        .contains("\\-\\-web.telemetry\\-path=PATH", "\\-\\-log.format=FORMAT", "@FILE")
        // Each line of help text is guarded: none may start a troff request.
        .doesNotContainPattern("(?m)^(?!\\.(TH|SH|SS|BR) |\\.nf$|\\.fi$)[.'].*");

    assertThat(target.resolve("generated-docs/taoprom.adoc")).content().contains(":doctype: manpage", "= taoprom(1)");
    assertThat(target.resolve("generated-docs/taoprom-serve.adoc")).content().contains("--web.telemetry-path");
  }

  @Test
  void troffEscapesBackslashesAndHyphens() {
    assertThat(ManPage.escape("--a\\b")).isEqualTo("\\-\\-a\\eb");
  }
}
