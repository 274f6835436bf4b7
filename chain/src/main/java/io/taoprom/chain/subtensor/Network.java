package io.taoprom.chain.subtensor;

import java.net.URI;
import java.util.Locale;

/**
 * The Bittensor networks by name, as bittensor's {@code settings.NETWORKS} names them, and how a
 * network value (a name or a URL) resolves.
 *
 * <pre>{@code
 * Network.Endpoint e = Network.resolve("finney");   // wss://entrypoint-finney.opentensor.ai:443
 * Network.Endpoint own = Network.resolve("ws://10.0.0.5:9944");
 * }</pre>
 */
public enum Network {
  /** Mainnet. */
  FINNEY("wss://entrypoint-finney.opentensor.ai:443", Network.FINNEY_GENESIS),
  /** The public test network. */
  TEST("wss://test.finney.opentensor.ai:443", null),
  /**
   * Mainnet's archive node (bittensor's {@code archive} network): the same chain as {@link #FINNEY},
   * with every historical state kept.
   */
  ARCHIVE("wss://archive.chain.opentensor.ai:443", Network.FINNEY_GENESIS),
  /** A node on this machine. */
  LOCAL("ws://127.0.0.1:9944", null);

  /**
   * Where to connect and which chain to expect there.
   *
   * @param uri the node's address
   * @param expectedGenesis the genesis hash the node must report, or null to accept any
   * @param name the network name, or the URL for a custom endpoint
   */
  public record Endpoint(URI uri, String expectedGenesis, String name) {}

  private static final String FINNEY_GENESIS = "0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";

  private final String url;
  private final String genesis;

  Network(String url, String genesis) {
    this.url = url;
    this.genesis = genesis;
  }

  public URI uri() {
    return URI.create(url);
  }

  /** The genesis hash of this network, where pinned (finney and its archive), else null. */
  public String genesisHash() {
    return genesis;
  }

  /**
   * A network name ({@code finney}, {@code test}, {@code archive}, {@code local}: bittensor's names and
   * endpoints) or a {@code ws(s)://}/{@code http(s)://} URL.
   */
  public static Endpoint resolve(String nameOrUrl) {
    String s = nameOrUrl.strip();
    for (Network n : values()) {
      if (n.name().toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
        return new Endpoint(n.uri(), n.genesis, n.name().toLowerCase(Locale.ROOT));
      }
    }
    if (s.matches("(?i)(wss?|https?)://.+")) {
      return new Endpoint(URI.create(s), null, s);
    }
    throw new IllegalArgumentException("unknown network '" + nameOrUrl
        + "'; use finney, test, local, archive or a ws://, wss://, http:// or https:// URL");
  }
}
