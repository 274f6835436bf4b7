package io.taoprom.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.cli.ExternalToolsAccess;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator gets it ({@code ./mvnw -Pdist package}, see {@link Dist}): the
 * tarball unpacked into a temporary directory serves {@code /metrics} on its own runtime whatever
 * {@code JAVA_HOME} says, and starts without its class-data-sharing archive when that is
 * damaged; the .deb's files, maintainer scripts and conffiles as {@code dpkg-deb} reads them, and
 * its systemd unit as {@code systemd-analyze verify} judges it; the OCI image's config as a
 * container runtime reads it.
 */
class DistIT {

  private static final long MIB = 1024 * 1024;

  @TempDir Path temp;

  @Test
  void theTarballServesOnItsOwnRuntime() throws Exception {
    Path tarball = Dist.artifact(Dist.TARBALL);
    assertThat(Files.size(tarball)).as("tarball size").isLessThanOrEqualTo(60 * MIB);
    Path home = Dist.unpack(tarball, temp);

    assertThat(home.resolve("bin/taoprom")).isExecutable();
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    assertThat(home.resolve("taoprom.jar")).isRegularFile();
    assertThat(home.resolve("lib/taoprom.classlist")).isNotEmptyFile();
    assertThat(home.resolve("runtime/lib/server/classes.jsa")).as("the runtime's CDS archive, made by jlink").isRegularFile();
    assertThat(home.resolve("runtime/jmods")).doesNotExist();
    assertThat(home.resolve("runtime/include")).as("--no-header-files").doesNotExist();
    assertThat(home.resolve("runtime/man")).as("--no-man-pages").doesNotExist();
    // The repository's flags, and native-heap trimming where the bundled runtime has the flag.
    String shipped = Files.readString(home.resolve("conf/jvm.options"));
    assertThat(shipped).startsWith(Files.readString(Dist.root().resolve("cli/src/main/dist/jvm.options")));
    Process trims = new ProcessBuilder(home.resolve("runtime/bin/java").toString(), "-XX:TrimNativeHeapInterval=5000", "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(trims.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (trims.exitValue() == 0) {
      assertThat(shipped).contains("\n-XX:TrimNativeHeapInterval=5000\n");
    } else {
      assertThat(shipped).doesNotContain("TrimNativeHeapInterval");
    }
    // Reached through a symlink elsewhere (as the .deb's /usr/bin/taoprom is), it still finds its home.
    Path link = Files.createSymbolicLink(temp.resolve("taoprom-link"), home.resolve("bin/taoprom"));
    assertThat(Dist.run(List.of(link.toString(), "--version"), Map.of()).ok("--version through a symlink").out())
        .startsWith("taoprom ");
    assertThat(home.resolve("conf/web-config.example.yml")).hasSameTextualContentAs(Dist.root().resolve("docs/web-config.example.yml"));
    assertThat(home.resolve("mixin/alerts.yml")).isRegularFile();
    assertThat(Files.readString(home.resolve("systemd/taoprom.service"))).contains("ExecStart=/opt/taoprom/bin/taoprom serve");
    if (Files.exists(Dist.root().resolve("LICENSE"))) {
      assertThat(home.resolve("LICENSE")).hasSameTextualContentAs(Dist.root().resolve("LICENSE"));
    }
    // The build's man page and completion, where man and bash-completion look under a prefix.
    assertThat(Files.readString(home.resolve("share/man/man1/taoprom.1"))).contains(".TH").contains("serve");
    assertThat(Files.readString(home.resolve("share/bash-completion/completions/taoprom"))).contains("complete").contains("--log.format");
    // Only the modules the modules file names (and what they require), none else.
    String release = Files.readString(home.resolve("runtime/release"));
    assertThat(release).contains("java.net.http").contains("jdk.unsupported").contains("jdk.crypto.ec")
        .doesNotContain("java.desktop").doesNotContain("jdk.compiler").doesNotContain("jdk.jshell");

    int port = freePort();
    Path err = temp.resolve("serve.err");
    // A JAVA_HOME that is no JDK: the launcher must not care (nor use the java on PATH).
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/taoprom").toString(), "serve",
        "--web.listen-address", "127.0.0.1:" + port)
        .redirectOutput(temp.resolve("serve.out").toFile()).redirectError(err.toFile());
    pb.environment().put("JAVA_HOME", temp.resolve("no-such-jdk").toString());
    pb.environment().remove("TAOPROM_JAVA_OPTS");
    pb.environment().remove("TAOPROM_NO_CDS");
    Process serve = pb.start();
    try {
      String metrics = awaitMetrics(serve, port, err);
      assertThat(metrics).contains("taoprom_build_info").contains("node_load1");
      // bin/taoprom execs java, so the process is the JVM: its executable is the bundled one.
      Path exe = Path.of("/proc", Long.toString(serve.pid()), "exe").toRealPath();
      assertThat(exe).isEqualTo(home.resolve("runtime/bin/java").toRealPath());
      // The first start made the archive of TaoProm's classes, and the JVM maps it.
      assertThat(home.resolve("lib/taoprom.jsa")).isRegularFile();
      String maps = Files.readString(Path.of("/proc", Long.toString(serve.pid()), "maps"));
      assertThat(maps).contains(home.resolve("lib/taoprom.jsa").toRealPath().toString());
    } finally {
      serve.destroy();
      if (!serve.waitFor(20, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
    assertThat(Files.readString(err)).contains("level=info source=taoprom.serve msg=\"serving http://127.0.0.1:" + port + "/metrics");
  }

  @Test
  void aDamagedArchiveStartsWithOneWarning() throws Exception {
    Path home = Dist.unpack(Dist.artifact(Dist.TARBALL), temp);
    Path launcher = home.resolve("bin/taoprom");
    Dist.Result first = Dist.run(List.of(launcher.toString(), "--version"), Map.of()).ok("the first start");
    assertThat(first.err()).isEmpty();
    Path jsa = home.resolve("lib/taoprom.jsa");
    assertThat(jsa).isRegularFile();

    // Bytes overwritten in the middle by a later write, which the launcher sees through the
    // archive's time (moved on below, as a write a little later would): the JVM alone would crash
    // on this (SIGSEGV in SystemDictionaryShared), so the launcher must not pass it on. Damage
    // that keeps size and time (the disk itself) only -XX:+VerifySharedSpaces can see.
    jsa.toFile().setWritable(true);
    try (RandomAccessFile file = new RandomAccessFile(jsa.toFile(), "rw")) {
      file.seek(file.length() / 2);
      file.write(new byte[64 * 1024]);
    }
    Files.setLastModifiedTime(jsa, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
    Dist.Result damaged = Dist.run(List.of(launcher.toString(), "--version"), Map.of()).ok("a start with a damaged archive");
    assertThat(damaged.out()).startsWith("taoprom ");
    assertThat(damaged.err().lines().collect(Collectors.toList()))
        .singleElement().asString()
        .startsWith("time=").contains(" level=warn source=taoprom.launcher msg=\"the class-data-sharing archive " + jsa)
        .contains("starting without it");

    // It was removed; the next start makes a good one again, silently.
    Dist.Result again = Dist.run(List.of(launcher.toString(), "--version"), Map.of()).ok("the start after");
    assertThat(again.err()).isEmpty();
    assertThat(jsa).isRegularFile();
  }

  @Test
  void theDebHasTheLayoutScriptsAndConffiles() throws Exception {
    Path deb = Dist.artifact(Dist.DEB);
    ExternalToolsAccess.require("dpkg-deb", "install dpkg (apt-get install dpkg)");

    assertThat(Dist.output("dpkg-deb", "-f", deb.toString(), "Package", "Architecture", "Depends"))
        .contains("Package: taoprom").contains("Architecture: amd64").contains("adduser");
    assertThat(Dist.output("dpkg-deb", "-f", deb.toString(), "Version").strip())
        .isEqualTo(Dist.version().replace("-SNAPSHOT", "~SNAPSHOT"));

    String contents = Dist.output("dpkg-deb", "-c", deb.toString());
    assertThat(line(contents, "./usr/lib/taoprom/bin/taoprom")).startsWith("-rwxr-xr-x root/root");
    assertThat(line(contents, "./usr/lib/taoprom/runtime/bin/java")).startsWith("-rwxr-xr-x root/root");
    assertThat(line(contents, "./usr/lib/taoprom/taoprom.jar")).startsWith("-rw-r--r-- root/root");
    assertThat(line(contents, "./usr/lib/taoprom/lib/taoprom.classlist")).startsWith("-rw-r--r--");
    assertThat(line(contents, "./usr/lib/taoprom/conf/jvm.options")).startsWith("-rw-r--r--");
    assertThat(line(contents, "./usr/share/man/man1/taoprom.1.gz")).startsWith("-rw-r--r-- root/root");
    assertThat(line(contents, "./usr/share/bash-completion/completions/taoprom")).startsWith("-rw-r--r-- root/root");
    assertThat(line(contents, "./usr/bin/taoprom")).startsWith("l").endsWith("./usr/bin/taoprom -> ../lib/taoprom/bin/taoprom");
    assertThat(line(contents, "./lib/systemd/system/taoprom.service")).startsWith("-rw-r--r-- root/root");
    assertThat(line(contents, "./etc/default/taoprom")).startsWith("-rw-r--r-- root/root");
    assertThat(contents).doesNotContain("taoprom.jsa").doesNotContain("/usr/lib/taoprom/systemd");

    Path control = Files.createDirectories(temp.resolve("control"));
    Dist.output("dpkg-deb", "-e", deb.toString(), control.toString());
    assertThat(Dist.meaningfulLines(control.resolve("conffiles"))).containsExactly("/etc/default/taoprom");
    for (String script : List.of("postinst", "prerm", "postrm")) {
      assertThat(control.resolve(script)).isExecutable();
      Dist.run(List.of("sh", "-n", control.resolve(script).toString()), Map.of()).ok("sh -n " + script);
    }
    assertThat(Files.readString(control.resolve("postinst")))
        .contains("adduser --system --group --no-create-home").contains("/usr/lib/taoprom/bin/taoprom --version");
    String postrm = Files.readString(control.resolve("postrm"));
    assertThat(postrm).contains("purge)").contains("deluser --system taoprom").contains("rm -f /usr/lib/taoprom/lib/taoprom.jsa");
    assertThat(Files.readString(control.resolve("prerm"))).contains("systemctl stop taoprom.service");

    Path files = Files.createDirectories(temp.resolve("files"));
    Dist.output("dpkg-deb", "-x", deb.toString(), files.toString());
    String unit = Files.readString(files.resolve("lib/systemd/system/taoprom.service"));
    assertThat(unit).contains("User=taoprom", "ExecStart=/usr/lib/taoprom/bin/taoprom serve $TAOPROM_ARGS",
        "EnvironmentFile=-/etc/default/taoprom", "NoNewPrivileges=true", "ProtectSystem=strict",
        "DevicePolicy=closed", "DeviceAllow=char-nvidia* rw", "CapabilityBoundingSet=\n")
        .doesNotContainPattern("(?m)^PrivateDevices=");
    assertThat(Files.readString(files.resolve("etc/default/taoprom"))).contains("TAOPROM_ARGS=");
    // The .deb holds the same runtime and launcher as the tarball.
    assertThat(files.resolve("usr/lib/taoprom/bin/taoprom"))
        .hasSameTextualContentAs(Dist.root().resolve("cli/src/main/dist/bin/taoprom"));

    // systemd's own judgement, with the paths pointed into the unpacked package.
    var analyze = ExternalToolsAccess.find("systemd-analyze");
    if (analyze.isPresent()) {
      Path local = temp.resolve("taoprom.service");
      Files.writeString(local, unit.replace("/usr/lib/taoprom/", files.resolve("usr/lib/taoprom").toString() + "/")
          .replace("/etc/default/taoprom", files.resolve("etc/default/taoprom").toString()));
      Dist.Result verify = Dist.run(List.of(analyze.get().toString(), "verify", local.toString()),
          Map.of("SYSTEMD_LOG_LEVEL", "warning"));
      assertThat(verify.err().lines().filter(l -> l.contains("taoprom.service")).collect(Collectors.toList()))
          .as("systemd-analyze verify: " + verify.err()).isEmpty();
    }
  }

  @Test
  void theImageRunsAsAnUnprivilegedUserWithTheNvidiaVariables() throws Exception {
    OciImage image = OciImage.unpack(Dist.artifact(Dist.IMAGE), temp);
    JsonNode config = image.config().path("config");
    assertThat(image.config().path("architecture").asText()).isEqualTo("amd64");
    assertThat(image.config().path("os").asText()).isEqualTo("linux");
    assertThat(texts(config.path("Entrypoint"))).containsExactly("/opt/taoprom/runtime/bin/java",
        "@/opt/taoprom/conf/jvm.options", "-cp", "@/app/jib-classpath-file", "io.taoprom.cli.TaoPromCli");
    assertThat(texts(config.path("Cmd"))).containsExactly("serve");
    assertThat(config.path("User").asText()).isEqualTo("65532:65532");
    assertThat(config.path("ExposedPorts").has("7091/tcp")).isTrue();
    assertThat(texts(config.path("Env"))).contains("NVIDIA_VISIBLE_DEVICES=all", "NVIDIA_DRIVER_CAPABILITIES=utility", "MALLOC_ARENA_MAX=2");

    List<String> listing = image.listing();
    assertThat(entry(listing, "opt/taoprom/runtime/bin/java")).startsWith("-rwxr-xr-x 0/0");
    assertThat(entry(listing, "lib64/ld-linux-x86-64.so.2")).startsWith("-rwxr-xr-x 0/0");
    assertThat(entry(listing, "opt/taoprom/conf/jvm.options")).startsWith("-rw-r--r-- 0/0");
    entry(listing, "app/jib-classpath-file"); // fails when the image lacks it
    assertThat(listing).anyMatch(l -> l.endsWith("/picocli-4.7.7.jar"));
    assertThat(listing).anyMatch(l -> l.endsWith("x86_64-linux-gnu/libc.so.6"));

    // No container runtime here: run the entrypoint as the image's user in a chroot of its
    // layers, with its own /proc (in a mount and pid namespace that end with the test).
    Path rootfs = image.rootfs(temp.resolve("rootfs"));
    Files.createDirectories(rootfs.resolve("proc"));
    int port = freePort();
    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
        "--mount-proc=" + rootfs.resolve("proc"), "chroot", "--userspec=" + config.path("User").asText(), rootfs.toString()));
    command.addAll(texts(config.path("Entrypoint")));
    command.addAll(texts(config.path("Cmd")));
    command.addAll(List.of("--web.listen-address", "127.0.0.1:" + port));
    Path err = temp.resolve("image-serve.err");
    Process serve = new ProcessBuilder(command).redirectOutput(temp.resolve("image-serve.out").toFile())
        .redirectError(err.toFile()).start();
    try {
      if (!serve.waitFor(1, TimeUnit.SECONDS) || serve.exitValue() == 0) {
        assertThat(awaitMetrics(serve, port, err)).contains("taoprom_build_info").contains("node_load1");
      } else if (Files.readString(err).contains("Operation not permitted")) {
        Assumptions.abort("this machine does not let root make mount namespaces or chroot: "
            + Files.readString(err).strip() + " (the image's config was checked; running it was skipped)");
      } else {
        throw new AssertionError("the image's entrypoint exited with " + serve.exitValue() + ": " + Files.readString(err));
      }
    } finally {
      // The JVM first: unshare does not pass SIGTERM on, and chroot's change of user clears
      // the parent-death signal that --kill-child sets.
      serve.descendants().forEach(ProcessHandle::destroy);
      serve.destroy();
      if (!serve.waitFor(20, TimeUnit.SECONDS)) {
        serve.descendants().forEach(ProcessHandle::destroyForcibly);
        serve.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String awaitMetrics(Process serve, int port, Path err) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build();
    // The first start makes the class-data-sharing archive first: seconds on a busy machine.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!serve.isAlive()) {
        throw new AssertionError("bin/taoprom serve exited with " + serve.exitValue() + ": " + Files.readString(err));
      }
      try {
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 200) {
          return r.body();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("bin/taoprom serve did not answer /metrics in 90 s: " + Files.readString(err));
  }

  private static String line(String listing, String path) {
    return listing.lines().filter(l -> l.endsWith(" " + path) || l.contains(" " + path + " -> "))
        .findFirst().orElseThrow(() -> new AssertionError(path + " is not in the package:\n" + listing));
  }

  private static String entry(List<String> listing, String path) {
    return listing.stream().filter(l -> l.endsWith(" " + path) || l.endsWith(" /" + path) || l.endsWith(" ./" + path))
        .findFirst().orElseThrow(() -> new AssertionError(path + " is in no layer of the image"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
