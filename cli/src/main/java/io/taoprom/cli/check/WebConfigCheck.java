package io.taoprom.cli.check;

import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.cli.TaoPromCli;
import io.taoprom.exporter.web.WebConfigException;
import io.taoprom.exporter.web.WebConfigFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taoprom check web-config FILE...}: loads each web config as {@code serve --web.config.file}
 * would (the YAML, and the certificate, key and client CA it names) and says whether it is usable,
 * like {@code promtool check web-config}. Exit 0 when every file is, else 2, with one line per file.
 *
 * <pre>
 * $ taoprom check web-config web.yml
 * web.yml: SUCCESS (TLS TLS12-TLS13, client certificates: RequireAndVerifyClientCert, basic auth for 2 users)
 * $ taoprom check web-config broken.yml
 * taoprom check web-config: broken.yml: line 3: tls_server_config.client_auth_type: "Sometimes" is not one of ...
 * </pre>
 */
@Command(
    name = "web-config",
    mixinStandardHelpOptions = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = {
      "Check web config files (the format of --web.config.file, node_exporter's and exporter-toolkit's) without serving:",
      "the YAML, every key, and the certificate, key and client CA files they name."
    })
public final class WebConfigCheck implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The web config files to check.")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int code = 0;
    for (Path file : files) {
      try {
        WebConfigFile web = WebConfigFile.load(file);
        out.println(file + ": SUCCESS (" + web.config().summary() + ")");
      } catch (WebConfigException e) {
        ConsoleLog.of(spec).error(e.getMessage());
        code = TaoPromCli.EXIT_USAGE;
      }
    }
    out.flush();
    return code;
  }
}
