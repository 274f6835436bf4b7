package io.taoprom.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorTest {

  private FakeChain chain;
  private ChainClient client;
  private SignedExtrinsic xt;
  private ChainRuntime runtime;

  @BeforeEach
  void start() {
    chain = new FakeChain();
    client = ChainClient.builder(RpcClient.builder(chain.uri()).build()).build();
    runtime = client.runtime();
    xt = ExtrinsicBuilder.forRuntime(runtime, client.genesisHash())
        .call("SubtensorModule", "serve_prometheus", Map.of("netuid", 1, "version", 1L,
            "ip", BigInteger.valueOf(0x0a000001L), "port", 80, "ip_type", 4))
        .signer(Keys.fromUri("//Alice")).nonce(0).build();
  }

  @AfterEach
  void stop() {
    client.close();
    chain.close();
  }

  @Test
  void aRetractedInclusionFollowedByFinalityTimeoutIsReportedWithEveryStatus() {
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic")) {
        r.reply("w1");
        String retracted = "0x" + "99".repeat(32);
        r.connection().notify("author_extrinsicUpdate", "w1", "ready");
        r.connection().notify("author_extrinsicUpdate", "w1", Map.of("inBlock", retracted));
        r.connection().notify("author_extrinsicUpdate", "w1", Map.of("retracted", retracted));
        r.connection().notify("author_extrinsicUpdate", "w1", Map.of("finalityTimeout", retracted));
        return true;
      }
      return false;
    });
    assertThatThrownBy(() -> new Author(client).submitAndWatch(xt, runtime, WaitFor.FINALIZED, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(TxNotIncludedException.class, e -> {
          assertThat(e.status()).isInstanceOf(TransactionStatus.FinalityTimeout.class);
          assertThat(e.statuses()).extracting(TransactionStatus::name)
              .containsExactly("ready", "inBlock", "retracted", "finalityTimeout");
        })
        .hasMessageContaining("ended finalityTimeout");
  }

  @Test
  void droppedInvalidAndUsurpedEndTheWatchWithTheirStatus() {
    for (Object status : List.of("dropped", "invalid", Map.of("usurped", "0x" + "77".repeat(32)))) {
      chain.intercept(r -> {
        if (r.method().equals("author_submitAndWatchExtrinsic")) {
          r.reply("w");
          r.connection().notify("author_extrinsicUpdate", "w", status);
          return true;
        }
        return false;
      });
      assertThatThrownBy(() -> new Author(client).submitAndWatch(xt, runtime, WaitFor.IN_BLOCK, Duration.ofSeconds(5)))
          .isInstanceOf(TxNotIncludedException.class)
          .hasMessageContaining(xt.hashHex());
    }
  }

  @Test
  void noAnswerWithinTheTimeoutSaysTheExtrinsicMayStillLand() {
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic")) {
        r.reply("w");
        r.connection().notify("author_extrinsicUpdate", "w", "ready");
        return true;
      }
      return false;
    });
    assertThatThrownBy(() -> new Author(client).submitAndWatch(xt, runtime, WaitFor.IN_BLOCK, Duration.ofMillis(300)))
        .isInstanceOf(TxException.class)
        .hasMessageContaining("no inclusion within")
        .hasMessageContaining("statuses: [ready]")
        .hasMessageContaining("look for its hash before submitting again");
    // The unwatch is sent without waiting for its answer: wait for it to reach the node.
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(chain.node.count("author_unwatchExtrinsic")).isEqualTo(1));
  }

  @Test
  void inBlockIsEnoughWhenAskedAndTheEventsAreOurs() {
    chain.onExtrinsic((x, c) -> List.of(c.success()));
    ExtrinsicOutcome out = new Author(client).submitAndWatch(xt, runtime, WaitFor.IN_BLOCK, Duration.ofSeconds(5));
    assertThat(out.finalized()).isFalse();
    assertThat(out.isSuccess()).isTrue();
    assertThat(out.extrinsicIndex()).isEqualTo(1);
    assertThat(out.events()).singleElement().satisfies(e -> assertThat(e.is("System", "ExtrinsicSuccess")).isTrue());
    assertThat(new Author(client).submit(ExtrinsicBuilder.forRuntime(runtime, client.genesisHash())
        .call(xt.call()).signer(Keys.fromUri("//Bob")).nonce(0).build())).isNotNull();
  }
}
