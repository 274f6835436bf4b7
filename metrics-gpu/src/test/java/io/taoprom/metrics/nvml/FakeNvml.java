package io.taoprom.metrics.nvml;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The fake {@code libnvidia-ml} of {@code src/test/c/fake_nvml.c}, compiled with gcc once per
 * test JVM (normal and {@code -DOLD_DRIVER}), and handed out as a fresh copy per test: every
 * copy is a separate file, so the dynamic linker loads it separately and its state (script,
 * init count, pending events) starts clean.
 *
 * <pre>{@code
 * FakeNvml fake = FakeNvml.create(tempDir);
 * fake.script("devices 2", "dev 1 fail temp 3");
 * NvmlCollector nvml = NvmlCollector.builder().library(fake.path().toString()).build();
 * }</pre>
 *
 * <p>Without gcc the tests are skipped with a message, except in CI ({@code CI=true}), where
 * a missing compiler is a failure.
 */
final class FakeNvml {

  private static Path compiled;
  private static Path compiledOld;

  private final Path path;
  private final Path scriptFile;

  private FakeNvml(Path path, Path scriptFile) {
    this.path = path;
    this.scriptFile = scriptFile;
  }

  /** A fresh copy of the current-driver fake in {@code dir}. */
  static FakeNvml create(Path dir) throws IOException {
    return copy(dir, false);
  }

  /** A fresh copy of the fake built with {@code -DOLD_DRIVER} (no _v2/_v3, MIG, energy...). */
  static FakeNvml createOldDriver(Path dir) throws IOException {
    return copy(dir, true);
  }

  private static FakeNvml copy(Path dir, boolean old) throws IOException {
    Path lib = compile(old);
    Path target = Files.createTempDirectory(dir, "fake-nvml");
    Path copy = target.resolve("libnvidia-ml.so.1");
    Files.copy(lib, copy, StandardCopyOption.REPLACE_EXISTING);
    return new FakeNvml(copy, target.resolve("script.txt"));
  }

  /** The library file to hand to {@code --nvml.library}. */
  Path path() {
    return path;
  }

  /** Replaces the fake's whole state with these script lines (see fake_nvml.c for the syntax). */
  FakeNvml script(String... lines) throws IOException {
    Files.writeString(scriptFile, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    int rc = lib().getFunction("fake_nvml_load_script").invokeInt(new Object[] {scriptFile.toString()});
    if (rc != 0) {
      fail("fake NVML rejected the script (see stderr): " + List.of(lines));
    }
    return this;
  }

  /** nvmlInit calls not yet matched by nvmlShutdown. */
  int initCount() {
    return lib().getFunction("fake_nvml_init_count").invokeInt(new Object[0]);
  }

  /** GPM sample buffers allocated and not yet freed. */
  int gpmSamples() {
    return lib().getFunction("fake_nvml_gpm_samples").invokeInt(new Object[0]);
  }

  private NativeLibrary lib() {
    return NativeLibrary.getInstance(path.toString());
  }

  /** The C source of the fake, from the repository root the build passes in. */
  static Path source() {
    String root = System.getProperty("taoprom.root");
    Path base = root != null ? Path.of(root, "metrics-gpu") : Path.of("");
    Path source = base.resolve("src/test/c/fake_nvml.c").toAbsolutePath();
    if (!Files.isRegularFile(source)) {
      fail("fake NVML source not found at " + source + " (set -Dtaoprom.root to the repository)");
    }
    return source;
  }

  private static synchronized Path compile(boolean old) throws IOException {
    Path done = old ? compiledOld : compiled;
    if (done != null) {
      return done;
    }
    Path out = Files.createTempDirectory("taoprom-fake-nvml").resolve(old ? "libfake-old.so" : "libfake.so");
    List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O2", "-Wall", "-Werror"));
    if (old) {
      command.add("-DOLD_DRIVER");
    }
    command.addAll(List.of("-o", out.toString(), source().toString()));
    Process gcc;
    try {
      gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      missingCompiler("gcc could not be started: " + e.getMessage());
      throw e;
    }
    try {
      if (!gcc.waitFor(120, TimeUnit.SECONDS)) {
        gcc.destroyForcibly();
        fail("gcc did not finish compiling the fake NVML in 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compiling the fake NVML", e);
    }
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (gcc.exitValue() != 0) {
      fail("gcc failed to compile " + source() + ":\n" + output);
    }
    out.toFile().deleteOnExit();
    if (old) {
      compiledOld = out;
    } else {
      compiled = out;
    }
    return out;
  }

  private static void missingCompiler(String why) {
    if ("true".equals(System.getenv("CI"))) {
      fail("the NVML tests need gcc to build the fake libnvidia-ml, and CI=true: " + why);
    }
    Assumptions.abort("skipped: the NVML tests need gcc to build the fake libnvidia-ml (" + why + ")");
  }
}
