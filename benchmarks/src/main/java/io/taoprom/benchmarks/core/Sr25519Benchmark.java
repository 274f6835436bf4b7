package io.taoprom.benchmarks.core;

import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeyScheme;
import io.taoprom.core.crypto.KeySchemes;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sr25519 sign and verify throughput on a 128-byte message (about the size of a
 * {@code serve_prometheus} signing payload), for comparison with polkadot-js measured by
 * {@code benchmarks/scripts/core-sr25519-bench.mjs} in the same run.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Sr25519Benchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Sr25519Benchmark {

  private KeyScheme sr;
  private KeyPair pair;
  private byte[] publicKey;
  private byte[] message;
  private byte[] signature;

  @Setup
  public void setUp() {
    sr = KeySchemes.named("sr25519");
    byte[] seed = new byte[32];
    new Random(7).nextBytes(seed);
    pair = sr.fromSeed(seed);
    publicKey = pair.publicKey();
    message = new byte[128];
    new Random(8).nextBytes(message);
    signature = pair.sign(message);
  }

  @Benchmark
  public byte[] sign() {
    return pair.sign(message);
  }

  @Benchmark
  public boolean verify() {
    return sr.verify(publicKey, message, signature);
  }
}
