package io.taoprom.cli.check;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code taoprom check}: checks a file without using it, as {@code promtool check} does.
 *
 * <pre>
 * $ taoprom check web-config /etc/taoprom/web.yml
 * </pre>
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = "Check configuration files without serving.",
    subcommands = {WebConfigCheck.class})
public final class CheckCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
