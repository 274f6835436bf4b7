package io.taoprom.chain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.codec.CodecException;
import io.taoprom.chain.codec.Hex;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.core.keys.Keys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StorageTest {

  private FakeChain chain;
  private ChainClient client;
  private Storage storage;

  @BeforeEach
  void start() {
    chain = new FakeChain();
    client = ChainClient.builder(RpcClient.builder(chain.uri()).build()).build();
    storage = new Storage(client);
  }

  @AfterEach
  void stop() {
    client.close();
    chain.close();
  }

  @Test
  void keysStartWithThePalletAndEntryHashesAndDecodeBack() {
    byte[] alice = Keys.fromUri("//Alice").publicKey();
    StorageKey k = storage.key("SubtensorModule", "Prometheus", 7, alice);
    assertThat(k.hex()).startsWith("0x658faa385070e074c85bf6b568cf0555" + "e2cb8fd8f8e097862c6255753a3c788a")
        .endsWith("0700" + "de1e86a9a8c739864cf3cc5ec2bea59f" + Hex.encode(alice).substring(2));
    List<Object> back = StorageKey.decodeKeys(chain.metadata, chain.codec, k.entry(), k.bytes());
    assertThat(back.get(0)).isEqualTo(7);
    assertThat((byte[]) back.get(1)).isEqualTo(alice);
    assertThat(k.isComplete()).isTrue();
    assertThat(storage.key("SubtensorModule", "Prometheus", 7).isComplete()).isFalse();
  }

  @Test
  void missingValuesReadAsNullOrTheDefault() {
    byte[] alice = Keys.fromUri("//Alice").publicKey();
    assertThat(storage.read(storage.key("SubtensorModule", "Prometheus", 1, alice))).isNull();
    assertThat(storage.read(storage.key("SubtensorModule", "ServingRateLimit", 1))).isEqualTo(java.math.BigInteger.valueOf(50));
    chain.put("SubtensorModule", "ServingRateLimit", java.math.BigInteger.TEN, 1);
    List<Object> both = storage.readAll(List.of(storage.key("SubtensorModule", "ServingRateLimit", 1),
        storage.key("SubtensorModule", "ServingRateLimit", 2)), null);
    assertThat(both).containsExactly(java.math.BigInteger.TEN, java.math.BigInteger.valueOf(50));
    assertThat(chain.node.count("state_queryStorageAt")).isEqualTo(1);
  }

  @Test
  void iterationPagesThroughAPrefixAtOneBlock() {
    for (int k = 0; k < 7; k++) {
      chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(k, 1, 0x0a000001L + k, 9000 + k, 4), 3,
          Keys.fromUri("//N" + k).publicKey());
    }
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(1, 1, 1, 1, 4), 4,
        Keys.fromUri("//Other").publicKey());
    List<StorageItem> items = new ArrayList<>();
    storage.forEachEntry("SubtensorModule", "Prometheus", List.of(3), null, 3, items::add);
    assertThat(items).hasSize(7);
    assertThat(items).extracting(i -> i.keys().get(0)).containsOnly(3);
    assertThat(items).extracting(i -> Values.intValue(Values.map(i.value()).get("port")))
        .containsExactlyInAnyOrder(9000, 9001, 9002, 9003, 9004, 9005, 9006);
    assertThat(chain.node.count("state_getKeysPaged")).isEqualTo(3);
    // every page is read at the same block hash
    assertThat(chain.node.received()).filteredOn(r -> r.method().equals("state_getKeysPaged"))
        .extracting(r -> r.params().get(3).asText()).hasSize(3).containsOnly(client.blockHash(chain.bestNumber()));
    assertThat(storage.entries("SubtensorModule", "Prometheus", List.of(4))).hasSize(1);
  }

  @Test
  void aNodeThatPagesInCirclesOrSendsMoreThanAPageIsStopped() {
    for (int k = 0; k < 4; k++) {
      chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(k, 1, 0x0a000001L + k, 9000 + k, 4), 3,
          Keys.fromUri("//N" + k).publicKey());
    }
    List<String> firstPage = new ArrayList<>();
    chain.intercept(r -> {
      if (r.method().equals("state_getKeysPaged") && firstPage.size() == 2) {
        r.reply(firstPage); // the first page again, and again: a reader would never end
        return true;
      }
      return false;
    });
    List<StorageItem> items = new ArrayList<>();
    assertThatThrownBy(() -> storage.forEachEntry("SubtensorModule", "Prometheus", List.of(3), null, 2, item -> {
      items.add(item);
      firstPage.add(Hex.encode(item.key().bytes()));
    })).isInstanceOf(ChainException.class).hasMessageContaining("returned keys out of order")
        .hasMessageContaining("a node pages forward");
    assertThat(items).hasSize(2);

    chain.intercept(r -> {
      if (r.method().equals("state_getKeysPaged")) {
        r.reply(List.of("0x01", "0x02", "0x03"));
        return true;
      }
      return false;
    });
    assertThatThrownBy(() -> storage.forEachEntry("SubtensorModule", "Prometheus", List.of(3), null, 2, item -> { }))
        .isInstanceOf(ChainException.class).hasMessageContaining("returned 3 keys for a page of 2");
  }

  @Test
  void misuseIsNamed() {
    assertThatThrownBy(() -> storage.read(storage.key("SubtensorModule", "Prometheus", 1)))
        .isInstanceOf(ChainException.class).hasMessageContaining("needs 2 key(s)");
    assertThatThrownBy(() -> storage.key("SubtensorModule", "Prometheus", 1, new byte[32], 3))
        .isInstanceOf(CodecException.class).hasMessageContaining("takes 2 key(s), but 3 were given");
    assertThatThrownBy(() -> storage.key("SubtensorModule", "Prometheus", "one", new byte[32]))
        .isInstanceOf(CodecException.class).hasMessageContaining("key #1 of storage SubtensorModule.Prometheus");
  }
}
