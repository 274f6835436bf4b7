package io.taoprom.chain.registration;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.rpc.InvalidTransaction;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcException;
import io.taoprom.chain.rpc.RpcTransportException;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.SubtensorTransactionError;
import io.taoprom.chain.tx.Author;
import io.taoprom.chain.tx.ExtrinsicBuilder;
import io.taoprom.chain.tx.ExtrinsicOutcome;
import io.taoprom.chain.tx.SignedExtrinsic;
import io.taoprom.chain.tx.TxNotIncludedException;
import io.taoprom.core.crypto.Signer;
import io.taoprom.core.keys.Ss58;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The sending half of the registration path: builds {@code serve_prometheus} from the metadata,
 * signs it with the hotkey (mortal for {@value #ERA_PERIOD} blocks from the best block's parent),
 * and submits it — watched to inclusion or finalization, or ({@link WaitMode#NONE}) once without
 * watching. After a lost connection it reads the chain again before deciding anything, and sends
 * again only the same signed bytes (the same nonce can never apply twice) — never a second
 * registration with a fresh nonce. Every result, pool rejections and dispatch errors included, is a
 * {@link RegistrationOutcome}.
 */
final class Submission {

  private static final String PALLET = "SubtensorModule";
  /** Blocks a signed registration stays valid for. */
  static final int ERA_PERIOD = 64;

  private final ChainClient chain;
  private final RetryPolicy policy;
  private final PalletDocs docs;
  private final ParameterNames names;
  private final RandomGenerator random = RandomGenerator.getDefault();

  Submission(ChainClient chain, RetryPolicy policy, PalletDocs docs, ParameterNames names) {
    this.chain = chain;
    this.policy = policy;
    this.docs = docs;
    this.names = names;
  }

  /** Signs {@code wanted} for {@code netuid} with the nonce and header of {@code state}, and sends it as asked. */
  RegistrationOutcome send(Signer hotkey, RegistrationRequest request, ChainState state, EndpointDiff diff) {
    ChainRuntime rt = chain.runtime();
    Endpoint wanted = request.endpoint();
    ExtrinsicBuilder b = ExtrinsicBuilder.forRuntime(rt, chain.genesisHash())
        .call(PALLET, "serve_prometheus", arguments(request.netuid(), wanted)).signer(hotkey).nonce(state.nonce());
    if (state.header().number() > 0) {
      b.mortal(ERA_PERIOD, state.header().number() - 1, state.header().parentHash());
    }
    SignedExtrinsic xt = b.build();
    if (request.waitMode() == WaitMode.NONE) {
      return submitOnly(xt, diff);
    }
    return submitAndWatch(xt, rt, request, hotkey.publicKey(), diff);
  }

  /** The call's arguments, in the order of the metadata. */
  static Map<String, Object> arguments(int netuid, Endpoint e) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("netuid", netuid);
    args.put("version", e.version());
    args.put("ip", e.ip().value());
    args.put("port", e.port());
    args.put("ip_type", e.ip().type());
    return args;
  }

  private RegistrationOutcome submitOnly(SignedExtrinsic xt, EndpointDiff diff) {
    try {
      String hash = new Author(chain).submit(xt);
      return new RegistrationOutcome.Submitted(hash, xt.nonce(), diff);
    } catch (RpcException e) {
      InvalidTransaction why = e.invalidTransaction().orElse(null);
      if (why == null) {
        throw e;
      }
      return poolFailure(why);
    } catch (RpcTransportException e) {
      // It may have reached the node: never sent again blindly.
      return new RegistrationOutcome.Failed("Unconfirmed", RegistrationOutcome.Stage.UNCONFIRMED,
          "the connection failed while submitting extrinsic " + xt.hashHex() + " (nonce " + xt.nonce()
              + "); it may have reached the node", ErrorHints.forError("Unconfirmed", names));
    }
  }

  private RegistrationOutcome submitAndWatch(SignedExtrinsic xt, ChainRuntime rt, RegistrationRequest request,
      byte[] account, EndpointDiff diff) {
    Author author = new Author(chain);
    Endpoint wanted = request.endpoint();
    for (int attempt = 1; ; attempt++) {
      try {
        ExtrinsicOutcome out = author.submitAndWatch(xt, rt, request.waitMode().waitFor(), request.timeout());
        if (out.isSuccess()) {
          return new RegistrationOutcome.Registered(out.blockNumber(), out.extrinsicHash(), out, diff);
        }
        return dispatchFailure(out);
      } catch (RpcException e) {
        InvalidTransaction why = e.invalidTransaction().orElse(null);
        if (why == null && e.code() != 1013) {
          throw e;
        }
        if (why != null && (attempt == 1 || why.kind() != InvalidTransaction.Kind.STALE)) {
          return poolFailure(why);
        }
        // A resubmission the node already has (1013) or has already applied (stale): re-check.
      } catch (TxNotIncludedException e) {
        InvalidTransaction why = e.invalidTransaction().orElse(null);
        if (why != null) {
          return poolFailure(why);
        }
        return failed(e.status().name(), RegistrationOutcome.Stage.POOL, e.getMessage(), null, null);
      } catch (RpcTransportException e) {
        // Fall through to the re-check: the extrinsic may or may not have reached the node.
      }
      long delay;
      synchronized (random) {
        delay = policy.delayBefore(attempt + 1, random).toMillis();
      }
      sleep(delay);
      // Re-check before anything is sent again; if even that fails, nothing more is sent.
      long nonceNow;
      Object now;
      try {
        nonceNow = chain.accountNextIndex(account);
        now = new Storage(chain).read(StorageKey.of(rt.metadata(), rt.codec(), PALLET, "Prometheus", request.netuid(),
            account));
      } catch (RpcTransportException recheckFailed) {
        return unconfirmed("extrinsic " + xt.hashHex() + " (nonce " + xt.nonce()
            + ") may have reached the node, and reading the chain again failed (" + recheckFailed.getMessage()
            + "); nothing more was sent");
      }
      PrometheusInfo held = now == null ? null : PrometheusInfo.from(now);
      if (wanted.matches(held)) {
        return new RegistrationOutcome.Registered(held.block(), xt.hashHex(), null, diff);
      }
      if (nonceNow > xt.nonce()) {
        return unconfirmed("nonce " + xt.nonce() + " of " + Ss58.encode(account, Ss58.BITTENSOR)
            + " was used, but the chain does not show the endpoint that was sent; extrinsic " + xt.hashHex()
            + " may have failed: look for it in a block explorer");
      }
      // Nonce unchanged: not applied. The same signed bytes carry the same nonce, so sending
      // them again can never apply twice.
      if (!policy.allowsAttemptAfter(attempt)) {
        return unconfirmed("extrinsic " + xt.hashHex() + " was not seen on chain after " + attempt + " attempts");
      }
    }
  }

  private RegistrationOutcome dispatchFailure(ExtrinsicOutcome out) {
    var failure = out.failure();
    String where = "(failed in block #" + out.blockNumber() + " " + out.blockHash() + ") ";
    if (failure.module() != null) {
      return failed(failure.module().error(), RegistrationOutcome.Stage.DISPATCH, where + failure.module().docs(), out, null);
    }
    return failed(failure.describe(), RegistrationOutcome.Stage.DISPATCH, where, out, null);
  }

  /** A {@code 1010} or an invalid status, named by subtensor's custom code where it has one. */
  RegistrationOutcome poolFailure(InvalidTransaction why) {
    String name = why.customCode().isPresent() ? SubtensorTransactionError.nameOf(why.customCode().getAsInt()) : null;
    String where = "(rejected by the transaction pool) ";
    if (name == null) {
      return failed(why.describe(), RegistrationOutcome.Stage.POOL, where + (why.raw() == null ? "" : why.raw()), null, why);
    }
    return failed(name, RegistrationOutcome.Stage.POOL, where + docs.of(name), null, why);
  }

  private RegistrationOutcome unconfirmed(String detail) {
    return failed("Unconfirmed", RegistrationOutcome.Stage.UNCONFIRMED, "(unconfirmed) " + detail, null, null);
  }

  private RegistrationOutcome failed(String error, RegistrationOutcome.Stage stage, String text, ExtrinsicOutcome out,
      InvalidTransaction why) {
    return new RegistrationOutcome.Failed(error, stage, text, ErrorHints.forError(error, names), out, why);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException("interrupted", e);
    }
  }
}
