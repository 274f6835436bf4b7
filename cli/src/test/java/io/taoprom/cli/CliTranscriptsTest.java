package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The transcripts in docs/cli.md are what the program prints: every fenced block after a
 * {@code <!-- transcript: taoprom ARGS -->} marker is compared with stdout and then stderr of
 * {@code taoprom ARGS}, run in-process with the collectors a build ships. Only what must vary is
 * normalised: the log lines' {@code time=}, the version, revision and Java of {@code --version}.
 *
 * <p>After changing what the CLI prints, run with {@code -Dtaoprom.transcripts.print=true} to
 * see the new text of each block.
 */
class CliTranscriptsTest {

  private static final Pattern MARKER = Pattern.compile("<!-- transcript: taoprom ?(.*?) -->\\n```text\\n(.*?)```", Pattern.DOTALL);
  private static final Path CLI_MD = Path.of(System.getProperty("taoprom.root", "..")).resolve("docs/cli.md");

  /** The catalog a user gets: what the CLI's dependencies register, not the test plugins on this class path. */
  private static final PluginCatalog SHIPPED = shipped();

  @Test
  void everyTranscriptInCliMdIsWhatTheProgramPrints() throws IOException {
    String doc = Files.readString(CLI_MD, StandardCharsets.UTF_8);
    Matcher m = MARKER.matcher(doc);
    List<String> checked = new ArrayList<>();
    List<String[]> mismatches = new ArrayList<>();
    while (m.find()) {
      String command = m.group(1).strip();
      String block = m.group(2);
      String shown = block.startsWith("$ ") ? block.substring(block.indexOf('\n') + 1) : block;
      assertThat(block).as("the block of '%s' starts with the command", command).startsWith("$ taoprom " + command);
      String[] args = command.isEmpty() ? new String[0] : command.split(" +");
      CliRun run = CliRun.of(SHIPPED, args);
      String printed = run.out() + run.err();
      if (Boolean.getBoolean("taoprom.transcripts.print")) {
        System.out.println("<!-- transcript: taoprom " + command + " -->\n```text\n$ taoprom " + command + "\n" + printed + "```");
      }
      mismatches.add(new String[] {command, normalise(printed), normalise(shown)});
      checked.add(command);
    }
    for (String[] m2 : mismatches) {
      assertThat(m2[1]).as("docs/cli.md, transcript of 'taoprom %s'", m2[0]).isEqualTo(m2[2]);
    }
    assertThat(checked).as("transcripts found in " + CLI_MD)
        .contains("--help", "--version", "serve --collector.nope", "serve --web.listen-address localhost");
  }

  @Test
  void normalisingKeepsWhatTheReaderIsPromised() {
    assertThat(normalise("time=2026-12-07T02:10:00.123Z level=info msg=x\ntaoprom 0.1.0-SNAPSHOT (revision b53995dbc913)\n"
        + "java 17.0.15+6-Debian-1deb12u1 (OpenJDK 64-Bit Server VM)\n"))
        .isEqualTo("time=TIME level=info msg=x\ntaoprom VERSION (revision REVISION)\njava JAVA\n");
    assertThat(normalise("level=info msg=\"x time=1\"")).isEqualTo("level=info msg=\"x time=1\"");
  }

  static String normalise(String text) {
    return text.replaceAll("(?m)^time=\\S+ ", "time=TIME ")
        .replaceAll("(?m)^taoprom \\S+ \\(revision \\S+\\)$", "taoprom VERSION (revision REVISION)")
        .replaceAll("(?m)^java \\S+ \\(.*\\)$", "java JAVA");
  }

  private static PluginCatalog shipped() {
    PluginCatalog all = PluginCatalog.discover(CliTranscriptsTest.class.getClassLoader());
    List<CollectorPlugin> shipped = all.plugins().stream().filter(p -> !fromTests(p.getClass())).toList();
    return PluginCatalog.of(shipped);
  }

  private static boolean fromTests(Class<?> type) {
    var source = type.getProtectionDomain().getCodeSource();
    String where = source == null ? "" : source.getLocation().toString();
    return where.contains("test-classes") || where.endsWith("-tests.jar") || Arrays.asList(where.split("/")).contains("test");
  }
}
