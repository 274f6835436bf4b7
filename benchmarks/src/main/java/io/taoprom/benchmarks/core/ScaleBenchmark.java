package io.taoprom.benchmarks.core;

import io.taoprom.core.scale.ScaleReader;
import io.taoprom.core.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SCALE compact-integer and u128 encode/decode throughput, per value. The values mix every
 * compact mode (one byte up to 2^64) and u128s of all sizes (balances, IPv4 and IPv6 addresses).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ScaleBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScaleBenchmark {

  private static final int N = 1024;

  private long[] compacts;
  private BigInteger[] u128s;
  private byte[] compactBytes;
  private byte[] u128Bytes;
  private ScaleWriter writer;

  @Setup
  public void setUp() {
    Random rnd = new Random(42);
    compacts = new long[N];
    u128s = new BigInteger[N];
    for (int i = 0; i < N; i++) {
      int bits = new int[] {6, 14, 30, 40, 63}[i % 5];
      compacts[i] = rnd.nextLong() >>> (64 - bits);
      u128s[i] = new BigInteger(new int[] {32, 64, 100, 128}[i % 4], rnd);
    }
    ScaleWriter c = new ScaleWriter(N * 9);
    ScaleWriter u = new ScaleWriter(N * 16);
    for (int i = 0; i < N; i++) {
      c.writeCompact(compacts[i]);
      u.writeU128(u128s[i]);
    }
    compactBytes = c.toByteArray();
    u128Bytes = u.toByteArray();
    writer = new ScaleWriter(N * 16);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int compactEncode() {
    writer.reset();
    for (long v : compacts) {
      writer.writeCompact(v);
    }
    return writer.size();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long compactDecode() {
    ScaleReader r = new ScaleReader(compactBytes);
    long sum = 0;
    for (int i = 0; i < N; i++) {
      sum += r.readCompactLong();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int u128Encode() {
    writer.reset();
    for (BigInteger v : u128s) {
      writer.writeU128(v);
    }
    return writer.size();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int u128Decode() {
    ScaleReader r = new ScaleReader(u128Bytes);
    int bits = 0;
    for (int i = 0; i < N; i++) {
      bits += r.readU128().bitLength();
    }
    return bits;
  }
}
