package io.taoprom.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taoprom.chain.rpc.RpcClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainClientTest {

  private FakeChain chain;

  @BeforeEach
  void start() {
    chain = new FakeChain();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private ChainClient client(RuntimeCache cache) {
    return ChainClient.builder(RpcClient.builder(chain.uri()).build()).runtimeCache(cache).build();
  }

  @Test
  void metadataIsFetchedOncePerSpecVersionAndSharedThroughTheCache() {
    RuntimeCache cache = new RuntimeCache();
    try (ChainClient a = client(cache); ChainClient b = client(cache)) {
      assertThat(a.runtime().specVersion()).isEqualTo(343);
      assertThat(a.runtime().metadata().version()).isEqualTo(15);
      assertThat(b.runtime()).isSameAs(a.runtime());
      assertThat(chain.node.count("state_call")).isEqualTo(1);
      assertThat(cache.size()).isEqualTo(1);
    }
  }

  @Test
  void runtimesWithoutV15FallBackToV14() {
    chain.intercept(r -> {
      if (r.method().equals("state_call")) {
        r.replyError(-32000, "Client error: Execution failed: Exported method Metadata_metadata_at_version is not found", null);
        return true;
      }
      return false;
    });
    try (ChainClient c = client(new RuntimeCache())) {
      assertThat(c.runtime().metadata().version()).isEqualTo(14);
      assertThat(chain.node.count("state_getMetadata")).isEqualTo(1);
    }
  }

  @Test
  void aRuntimeUpgradeNotificationReloadsTheMetadata() {
    chain.intercept(r -> {
      if (r.method().equals("state_subscribeRuntimeVersion")) {
        r.reply("rv-1");
        r.connection().notify("state_runtimeVersion", "rv-1", Map.of("specVersion", 343));
        chain.specVersion(344);
        r.connection().notify("state_runtimeVersion", "rv-1", Map.of("specVersion", 344));
        return true;
      }
      return false;
    });
    try (ChainClient c = client(new RuntimeCache())) {
      assertThat(c.runtime().specVersion()).isEqualTo(343);
      c.followRuntimeUpgrades();
      await().atMost(Duration.ofSeconds(5)).until(() -> c.runtime().specVersion() == 344);
      assertThat(chain.node.count("state_call")).isEqualTo(2);
    }
  }

  @Test
  void newHeadsAreFollowedAndReportedToTheListener() {
    java.util.List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<Long> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    chain.intercept(r -> {
      if (r.method().equals("chain_subscribeNewHeads")) {
        r.reply("heads-1");
        r.connection().notify("chain_newHead", "heads-1", Map.of("number", "0x65", "parentHash", "0x01"));
        r.connection().notify("chain_newHead", "heads-1", Map.of("number", "0x66", "parentHash", "0x02"));
        return true;
      }
      return false;
    });
    ChainClient c = ChainClient.builder(RpcClient.builder(chain.uri()).build())
        .listener(new io.taoprom.chain.rpc.RpcListener() {
          @Override
          public void onBlock(long number) {
            reported.add(number);
          }
        }).build();
    try (c) {
      var sub = c.subscribeNewHeads(h -> seen.add(h.number()));
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
      assertThat(seen).containsExactly(101L, 102L);
      assertThat(reported).containsExactly(101L, 102L);
      sub.unsubscribe().join();
      assertThat(chain.node.count("chain_unsubscribeNewHeads")).isEqualTo(1);
    }
  }

  @Test
  void readsAtABlockUseTheRuntimeOfThatBlock() {
    try (ChainClient c = client(new RuntimeCache())) {
      String hash = c.blockHash(90);
      var storage = new io.taoprom.chain.storage.Storage(c);
      Object limit = storage.readAt(storage.key("SubtensorModule", "ServingRateLimit", 1), hash);
      assertThat(limit).isEqualTo(java.math.BigInteger.valueOf(50));
      assertThat(chain.node.received()).filteredOn(r -> r.method().equals("state_getRuntimeVersion"))
          .anySatisfy(r -> assertThat(r.params().path(0).asText()).isEqualTo(hash));
      assertThat(chain.node.received()).filteredOn(r -> r.method().equals("state_getStorage"))
          .singleElement().satisfies(r -> assertThat(r.params().get(1).asText()).isEqualTo(hash));
    }
  }

  @Test
  void headersBlocksAndNoncesComeFromTheNode() {
    try (ChainClient c = client(new RuntimeCache())) {
      BlockHeader h = c.header();
      assertThat(h.number()).isEqualTo(100);
      assertThat(h.parentHash()).isEqualTo(c.blockHash(99));
      assertThat(c.genesisHash()).isEqualTo(FakeChain.GENESIS);
      chain.nonce(new byte[32], 12);
      assertThat(c.accountNextIndex(new byte[32])).isEqualTo(12);
    }
  }
}
