package io.taoprom.chain.subtensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.BlockHeader;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.metadata.Pallet;
import io.taoprom.chain.rpc.Delivery;
import io.taoprom.chain.rpc.InvalidTransaction;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.rpc.RpcException;
import io.taoprom.chain.rpc.RpcTransportException;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.chain.tx.Author;
import io.taoprom.chain.tx.ExtrinsicBuilder;
import io.taoprom.chain.tx.ExtrinsicOutcome;
import io.taoprom.chain.tx.SignedExtrinsic;
import io.taoprom.chain.tx.TxNotIncludedException;
import io.taoprom.core.crypto.Signer;
import io.taoprom.core.keys.Ss58;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The registration flow behind {@code serve_prometheus} and {@code serve_axon}: read what is on
 * chain, check what would make the call fail, send only what can succeed, watch it, and after a
 * lost connection re-read the chain before deciding anything — never a second registration
 * with a fresh nonce.
 *
 * <p>Warm (metadata cached), one serve costs six round trips: the best header, one storage
 * batch (the current endpoint, the uid, the rate limit and the last runtime upgrade), the nonce
 * (these three concurrently), the submission, the including block, and its events.
 */
final class ServingRegistrar {

  private static final String PALLET = "SubtensorModule";

  /** What is being served. */
  enum Kind {
    PROMETHEUS("serve_prometheus", "Prometheus"),
    AXON("serve_axon", "Axons");

    final String call;
    final String storage;

    Kind(String call, String storage) {
      this.call = call;
      this.storage = storage;
    }
  }

  private final ChainClient chain;
  private final RetryPolicy submitPolicy;
  private final RandomGenerator random = RandomGenerator.getDefault();

  ServingRegistrar(ChainClient chain, RetryPolicy submitPolicy) {
    this.chain = chain;
    this.submitPolicy = submitPolicy;
  }

  ServeResult serve(Signer hotkey, Kind kind, int netuid, Map<String, Object> args, ServeOptions o) {
    return serve(hotkey, kind, netuid, args, o, true);
  }

  private ServeResult serve(Signer hotkey, Kind kind, int netuid, Map<String, Object> args, ServeOptions o,
      boolean mayReload) {
    ChainRuntime rt = chain.runtime();
    String genesis = chain.genesisHash();
    byte[] account = hotkey.publicKey();
    RpcClient rpc = chain.rpc();

    List<StorageKey> keys = List.of(
        StorageKey.of(rt.metadata(), rt.codec(), PALLET, kind.storage, netuid, account),
        StorageKey.of(rt.metadata(), rt.codec(), PALLET, "Uids", netuid, account),
        StorageKey.of(rt.metadata(), rt.codec(), PALLET, "ServingRateLimit", netuid),
        StorageKey.of(rt.metadata(), rt.codec(), "System", "LastRuntimeUpgrade"));
    // Three independent reads, sent together: one round trip of latency for all of them.
    CompletableFuture<JsonNode> headerF = rpc.requestAsync("chain_getHeader", List.of(), Delivery.AT_LEAST_ONCE);
    CompletableFuture<JsonNode> nonceF = rpc.requestAsync("system_accountNextIndex",
        List.of(Ss58.encode(account, Ss58.BITTENSOR)), Delivery.AT_LEAST_ONCE);
    CompletableFuture<List<byte[]>> storageF =
        new Storage(chain).rawAllAsync(keys.stream().map(StorageKey::bytes).toList(), null);
    JsonNode headerJson = RpcClient.await(headerF);
    List<byte[]> raw = RpcClient.await(storageF);
    long nonce = RpcClient.await(nonceF).asLong();
    BlockHeader header = new BlockHeader(parseNumber(headerJson.path("number")), headerJson.path("parentHash").asText());
    chain.listener().onBlock(header.number());

    if (raw.get(3) != null) {
      long spec = Values.longValue(Values.map(Storage.decodeValue(rt, keys.get(3).entry(), raw.get(3))).get("spec_version"));
      if (spec != rt.specVersion() && mayReload) {
        // A runtime upgrade since the metadata was cached: start over with the new runtime.
        chain.noticeSpecVersion(spec);
        return serve(hotkey, kind, netuid, args, o, false);
      }
    }
    Object current = Storage.decodeValue(rt, keys.get(0).entry(), raw.get(0));
    Object uid = Storage.decodeValue(rt, keys.get(1).entry(), raw.get(1));
    long rateLimit = Values.longValue(Storage.decodeValue(rt, keys.get(2).entry(), raw.get(2)));
    Pallet pallet = rt.metadata().pallet(PALLET);

    if (o.preflight()) {
      ServeResult problem = preflight(pallet, hotkey, netuid, args, uid);
      if (problem != null) {
        return problem;
      }
    }
    if (current != null && !o.force() && sameEndpoint(Values.map(current), args)) {
      return new ServeResult.Unchanged(Values.longValue(Values.map(current).get("block")));
    }
    if (o.preflight() && current != null) {
      long last = Values.longValue(Values.map(current).get("block"));
      long next = header.number() + 1; // the earliest block that could include it
      if (rateLimit > 0 && last > 0 && next - last < rateLimit) {
        return failed(pallet, "ServingRateLimitExceeded", "served at block #" + last + "; netuid " + netuid
            + " allows one serve per " + rateLimit + " blocks", ServeResult.Stage.PREFLIGHT, last + rateLimit);
      }
    }

    ExtrinsicBuilder b = ExtrinsicBuilder.forRuntime(rt, genesis).call(PALLET, kind.call, args)
        .signer(hotkey).nonce(nonce);
    if (o.eraPeriod() > 0 && header.number() > 0) {
      b.mortal(Math.min(o.eraPeriod(), 4096), header.number() - 1, header.parentHash());
    }
    return submit(b.build(), rt, pallet, kind, netuid, account, args, o);
  }

  private ServeResult submit(SignedExtrinsic xt, ChainRuntime rt, Pallet pallet, Kind kind, int netuid,
      byte[] account, Map<String, Object> args, ServeOptions o) {
    Author author = new Author(chain);
    for (int attempt = 1; ; attempt++) {
      try {
        ExtrinsicOutcome out = author.submitAndWatch(xt, rt, o.waitFor(), o.timeout());
        if (out.isSuccess()) {
          return new ServeResult.Served(out);
        }
        var failure = out.failure();
        if (failure.module() != null) {
          return new ServeResult.Failed(failure.module().error(), failure.module().docs(),
              ServeResult.Stage.DISPATCH, -1, out, null);
        }
        return new ServeResult.Failed(failure.describe(), "", ServeResult.Stage.DISPATCH, -1, out, null);
      } catch (RpcException e) {
        InvalidTransaction why = e.invalidTransaction().orElse(null);
        if (why == null && e.code() != 1013) {
          throw e;
        }
        if (why != null && (attempt == 1 || why.kind() != InvalidTransaction.Kind.STALE)) {
          return poolFailure(pallet, why);
        }
        // A resubmission the node already has (1013) or has already applied (stale): re-check.
      } catch (TxNotIncludedException e) {
        InvalidTransaction why = e.invalidTransaction().orElse(null);
        if (why != null) {
          return poolFailure(pallet, why);
        }
        return new ServeResult.Failed(e.status().name(), e.getMessage(), ServeResult.Stage.POOL, -1, null, null);
      } catch (RpcTransportException e) {
        // Fall through to the re-check: the extrinsic may or may not have reached the node.
      }
      long delay;
      synchronized (random) {
        delay = submitPolicy.delayBefore(attempt + 1, random).toMillis();
      }
      sleep(delay);
      // Re-check before anything is sent again; if even that fails, nothing more is sent.
      long nonceNow;
      Object now;
      try {
        nonceNow = chain.accountNextIndex(account);
        now = new Storage(chain).read(StorageKey.of(rt.metadata(), rt.codec(), PALLET, kind.storage, netuid, account));
      } catch (RpcTransportException recheckFailed) {
        return new ServeResult.Failed("Unconfirmed", "extrinsic " + xt.hashHex() + " (nonce " + xt.nonce()
            + ") may have reached the node, and reading the chain again failed (" + recheckFailed.getMessage()
            + "); nothing more was sent", ServeResult.Stage.UNCONFIRMED, -1, null, null);
      }
      if (now != null && sameEndpoint(Values.map(now), args)) {
        return new ServeResult.ServedUnwatched(Values.longValue(Values.map(now).get("block")), xt.hashHex());
      }
      if (nonceNow > xt.nonce()) {
        return new ServeResult.Failed("Unconfirmed", "nonce " + xt.nonce() + " of " + Ss58.encode(account, Ss58.BITTENSOR)
            + " was used, but the chain does not show the endpoint that was sent; extrinsic " + xt.hashHex()
            + " may have failed: look for it in a block explorer", ServeResult.Stage.UNCONFIRMED, -1, null, null);
      }
      // Nonce unchanged: not applied. The same signed bytes carry the same nonce, so sending
      // them again can never apply twice.
      if (!submitPolicy.allowsAttemptAfter(attempt)) {
        return new ServeResult.Failed("Unconfirmed", "extrinsic " + xt.hashHex() + " was not seen on chain after "
            + attempt + " attempts", ServeResult.Stage.UNCONFIRMED, -1, null, null);
      }
    }
  }

  private ServeResult preflight(Pallet pallet, Signer hotkey, int netuid, Map<String, Object> args, Object uid) {
    IpAddress ip = new IpAddress(Values.bigInteger(args.get("ip")), Values.intValue(args.get("ip_type")));
    String ipProblem = ip.validationError();
    if (ipProblem != null) {
      String error = ip.type() == 4 || ip.type() == 6 ? "InvalidIpAddress" : "InvalidIpType";
      return failed(pallet, error, ipProblem, ServeResult.Stage.PREFLIGHT, -1);
    }
    if (Values.intValue(args.get("port")) == 0) {
      return failed(pallet, "InvalidPort", "port 0 is not accepted", ServeResult.Stage.PREFLIGHT, -1);
    }
    if (uid == null) {
      return failed(pallet, "HotKeyNotRegisteredInNetwork", "hotkey " + Ss58.encode(hotkey.publicKey(), Ss58.BITTENSOR)
          + " is not registered on netuid " + netuid + "; register it (btcli subnet register) first",
          ServeResult.Stage.PREFLIGHT, -1);
    }
    return null;
  }

  private static ServeResult failed(Pallet pallet, String error, String detail, ServeResult.Stage stage, long retryAt) {
    String docs;
    try {
      docs = pallet.error(error).docText();
    } catch (RuntimeException notInThisRuntime) {
      docs = "";
    }
    return new ServeResult.Failed(error, detail + (docs.isEmpty() ? "" : " (" + docs + ")"), stage, retryAt, null, null);
  }

  private static ServeResult poolFailure(Pallet pallet, InvalidTransaction why) {
    String name = why.customCode().isPresent()
        ? SubtensorTransactionError.nameOf(why.customCode().getAsInt()) : null;
    if (name == null) {
      return new ServeResult.Failed(why.describe(), why.raw() == null ? "" : why.raw(), ServeResult.Stage.POOL,
          -1, null, why);
    }
    String docs;
    try {
      docs = pallet.error(name).docText();
    } catch (RuntimeException notAPalletError) {
      docs = "";
    }
    return new ServeResult.Failed(name, docs, ServeResult.Stage.POOL, -1, null, why);
  }

  /** Every argument but the netuid equals the stored field of the same name. */
  static boolean sameEndpoint(Map<String, Object> stored, Map<String, Object> args) {
    for (Map.Entry<String, Object> a : args.entrySet()) {
      if (a.getKey().equals("netuid")) {
        continue;
      }
      Object s = stored.get(a.getKey());
      if (s == null || !Values.bigInteger(s).equals(Values.bigInteger(a.getValue()))) {
        return false;
      }
    }
    return true;
  }

  private static long parseNumber(JsonNode n) {
    return io.taoprom.chain.FromNode.blockNumber(n);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.taoprom.chain.ChainException("interrupted", e);
    }
  }
}
