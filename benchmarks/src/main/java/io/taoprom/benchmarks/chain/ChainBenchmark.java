package io.taoprom.benchmarks.chain;

import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.metadata.MetadataDecoder;
import io.taoprom.chain.metadata.RuntimeMetadata;
import io.taoprom.chain.tx.ExtrinsicBuilder;
import io.taoprom.chain.tx.SignedExtrinsic;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * The chain module's hot paths with the real finney spec-343 metadata: decoding the V14
 * metadata hex into a queryable runtime (registry, pallets, codec tables, event decoder — what
 * polkadot-js's {@code new Metadata(registry, hex)} plus {@code registry.setMetadata} gives),
 * and building and signing a {@code serve_prometheus} extrinsic with sr25519.
 *
 * <pre>
 * java -Dtaoprom.fixtures=../shared/fixtures -jar benchmarks/target/benchmarks.jar chain.ChainBenchmark -f 1 -wi 2 -i 3
 * benchmarks/scripts/chain-metadata-compare.sh     # the same, interleaved with polkadot-js
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChainBenchmark {

  private static final String GENESIS = "0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";

  private String v14Hex;
  private ChainRuntime runtime;
  private KeyPair alice;
  private Map<String, Object> args;
  private long nonce;

  @Setup
  public void setUp() {
    Path dir = Path.of(System.getProperty("taoprom.fixtures", "../shared/fixtures"));
    Path file = dir.resolve("finney-spec343-metadata-v14.hex");
    try {
      v14Hex = Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("the metadata fixture " + file.toAbsolutePath()
          + " is needed; pass -Dtaoprom.fixtures=<dir>", e);
    }
    runtime = decode(v14Hex);
    alice = Keys.fromUri("//Alice");
    args = new LinkedHashMap<>();
    args.put("netuid", 27);
    args.put("version", 100L);
    args.put("ip", BigInteger.valueOf(0xcb007107L));
    args.put("port", 9400);
    args.put("ip_type", 4);
  }

  private static ChainRuntime decode(String hex) {
    RuntimeMetadata md = MetadataDecoder.decode(Hex.decode(hex));
    return ChainRuntime.of("node-subtensor", 343, 1, md);
  }

  /** Hex text to a runtime that can look up pallets, calls, storage and encode or decode any type. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ChainRuntime decodeMetadataV14() {
    return decode(v14Hex);
  }

  /** Encode the call, fill the signed extensions, sign with sr25519, assemble. */
  @Benchmark
  public SignedExtrinsic buildAndSignServePrometheus() {
    return ExtrinsicBuilder.forRuntime(runtime, GENESIS)
        .call("SubtensorModule", "serve_prometheus", args)
        .signer(alice)
        .nonce(nonce++)
        .mortal(64, 5_000_000, GENESIS)
        .build();
  }
}
