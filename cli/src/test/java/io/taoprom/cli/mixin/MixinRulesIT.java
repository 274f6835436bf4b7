package io.taoprom.cli.mixin;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.cli.ExternalToolsAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mixin's rule files through Prometheus' own tool: {@code promtool check rules} accepts each
 * file with every rule counted, and {@code promtool test rules} passes every unit test in
 * {@code mixin/tests}; the same tests fail when an alert is changed, so they do test something.
 * Skipped with a message without promtool (Debian package {@code prometheus}), failed under
 * {@code CI=true}.
 */
class MixinRulesIT {

  /** What promtool printed and how it exited. */
  private record Run(int exit, String output) {}

  @Test
  void promtoolAcceptsEveryRuleFile() throws Exception {
    for (Path file : Mixin.ruleFiles()) {
      Run run = promtool(Mixin.dir(), "check", "rules", file.toString());
      int rules = Mixin.rules(file).size();
      assertThat(run.exit()).as("promtool check rules %s:%n%s", file, run.output()).isZero();
      assertThat(run.output()).as("promtool check rules %s", file).contains("SUCCESS: " + rules + " rules found");
    }
  }

  @Test
  void everyPromtoolUnitTestPasses() throws Exception {
    List<Path> tests = Mixin.ruleTests();
    assertThat(tests).extracting(p -> p.getFileName().toString()).contains("alerts_test.yml", "rules_test.yml");
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    tests.forEach(t -> args.add(t.getFileName().toString()));
    Run run = promtool(Mixin.dir().resolve("tests"), args.toArray(String[]::new));
    assertThat(run.exit()).as("promtool test rules:%n%s", run.output()).isZero();
    assertThat(run.output()).doesNotContain("FAILED");
    for (Path t : tests) {
      assertThat(run.output()).contains("Unit Testing:  " + t.getFileName());
    }
  }

  @Test
  void theUnitTestsFailWhenAnAlertChanges(@TempDir Path dir) throws Exception {
    // A copy of the mixin where TaoPromGpuLost waits 10 minutes instead of one: its test, which
    // expects it firing after 1 minute, must now fail and say so.
    Path tests = Files.createDirectories(dir.resolve("tests"));
    Files.copy(Mixin.rulesFile(), dir.resolve("rules.yml"));
    String alerts = Files.readString(Mixin.alertsFile());
    String changed = alerts.replaceFirst("(expr: taoprom_nvml_device_up == 0\\n\\s+for: )1m", "$110m");
    assertThat(changed).isNotEqualTo(alerts);
    Files.writeString(dir.resolve("alerts.yml"), changed);
    Files.copy(Mixin.dir().resolve("tests/alerts_test.yml"), tests.resolve("alerts_test.yml"));

    Run run = promtool(tests, "test", "rules", "alerts_test.yml");
    assertThat(run.exit()).as(run.output()).isNotZero();
    assertThat(run.output()).contains("FAILED").contains("alertname: TaoPromGpuLost");
    assertThat(run.output()).doesNotContain("alertname: TaoPromGpuXidErrors");
  }

  private static Run promtool(Path workingDir, String... args) throws IOException, InterruptedException {
    Path promtool = ExternalToolsAccess.require("promtool", "install the Debian package prometheus");
    List<String> command = new ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Run(p.exitValue(), output);
  }
}
