package io.taoprom.chain.registration;

import io.taoprom.chain.rpc.InvalidTransaction;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.tx.ExtrinsicOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Registrar#register} came to — the one outcome type of registration, for a single
 * registration, a dry run, a submission without watching ({@link WaitMode#NONE}) and each round of
 * the {@link RegistrationLoop} — with one line for the console ({@link #describe()}), a map for
 * JSON ({@link #toMap()}) and the process exit code ({@link #exitCode()}).
 *
 * <pre>{@code
 * RegistrationOutcome out = registrar.register(hotkey, request);
 * System.out.println(out.describe());
 * System.exit(out.exitCode());
 * switch (out) {
 *   case RegistrationOutcome.RateLimited r -> scheduleAt(r.allowedAtBlock());
 *   default -> { }
 * }
 * }</pre>
 */
public sealed interface RegistrationOutcome {

  /** Exit code for a rate limit that has not passed: not an error, but nothing was registered. */
  int EXIT_RATE_LIMITED = 3;

  /** Whether the chain now holds the endpoint (or, for a dry run, whether nothing went wrong). */
  boolean isSuccess();

  /**
   * Whether the chain is known to hold exactly the endpoint asked for: registered (and seen in a
   * block) or found up to date. Not for a dry run, nor for a submission nobody watched.
   */
  default boolean isCurrent() {
    return this instanceof Registered || this instanceof UpToDate;
  }

  /** One line for the console. */
  String describe();

  /** 0 on success, up to date or dry run; {@value #EXIT_RATE_LIMITED} rate-limited; 1 failed. */
  default int exitCode() {
    return isSuccess() ? 0 : 1;
  }

  /** The outcome's name: {@code UP_TO_DATE}, {@code REGISTERED}, {@code RATE_LIMITED}, {@code FAILED}, {@code DRY_RUN}, {@code SUBMITTED}. */
  String name();

  /** For {@code --json}: {@code outcome} and the fields of this outcome. */
  Map<String, Object> toMap();

  /** The chain already holds exactly this endpoint; nothing was sent. */
  record UpToDate(PrometheusInfo onChain) implements RegistrationOutcome {
    public boolean isSuccess() {
      return true;
    }

    public String name() {
      return "UP_TO_DATE";
    }

    public String describe() {
      return "already up to date: " + onChain + "; nothing sent";
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = base(this);
      m.put("servedAtBlock", onChain.block());
      return m;
    }
  }

  /**
   * Registered: the call succeeded in block {@code block}.
   *
   * @param block the including block's number
   * @param extrinsicHash the extrinsic's hash
   * @param included what the extrinsic did in its block (events, statuses), or null when success
   *     was confirmed from storage after the connection was lost
   * @param diff what changed
   */
  record Registered(long block, String extrinsicHash, ExtrinsicOutcome included, EndpointDiff diff)
      implements RegistrationOutcome {
    public Registered {
      Objects.requireNonNull(diff, "diff");
    }

    /** The including block's hash, or null when success was confirmed from storage. */
    public String blockHash() {
      return included == null ? null : included.blockHash();
    }

    /** Whether finalization was seen. */
    public boolean finalized() {
      return included != null && included.finalized();
    }

    public boolean isSuccess() {
      return true;
    }

    public String name() {
      return "REGISTERED";
    }

    public String describe() {
      String where = included != null
          ? "(" + included.blockHash() + ")" + (included.finalized() ? ", finalized" : ", in block (not waiting for finality)")
          : "(confirmed from storage after the connection was lost; extrinsic " + extrinsicHash + ")";
      return "registered in block #" + block + " " + where + "; " + diff.describe();
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = base(this);
      m.put("block", block);
      m.put("blockHash", blockHash());
      m.put("finalized", finalized());
      m.put("extrinsicHash", extrinsicHash);
      m.put("diff", diff.toMap());
      return m;
    }
  }

  /**
   * Sent without waiting ({@code --wait none}): the node accepted it into its pool; whether it is
   * included is not known yet.
   *
   * @param extrinsicHash the hash the node reported
   * @param nonce the nonce it carries
   * @param diff what it changes once included
   */
  record Submitted(String extrinsicHash, long nonce, EndpointDiff diff) implements RegistrationOutcome {
    public boolean isSuccess() {
      return true;
    }

    public String name() {
      return "SUBMITTED";
    }

    public String describe() {
      return "submitted " + extrinsicHash + " (nonce " + nonce + "), not waiting for inclusion; " + diff.describe()
          + "; the registration status shows when the chain has it";
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = base(this);
      m.put("extrinsicHash", extrinsicHash);
      m.put("nonce", nonce);
      m.put("diff", diff.toMap());
      return m;
    }
  }

  /**
   * The serving rate limit has not passed; nothing was sent.
   *
   * @param servedAtBlock the block of the last serve
   * @param rateLimit blocks between two serves on this subnet
   * @param currentBlock the best block when checked
   * @param allowedAtBlock the first block that may include the next serve
   * @param diff what would change
   * @param hint what to do, in the caller's words ({@link ParameterNames})
   */
  record RateLimited(long servedAtBlock, long rateLimit, long currentBlock, long allowedAtBlock, EndpointDiff diff,
      String hint) implements RegistrationOutcome {
    public boolean isSuccess() {
      return false;
    }

    public String name() {
      return "RATE_LIMITED";
    }

    @Override
    public int exitCode() {
      return EXIT_RATE_LIMITED;
    }

    /** Blocks still to be produced before a serve can be included. */
    public long blocksRemaining() {
      return Math.max(0, allowedAtBlock - (currentBlock + 1));
    }

    public String describe() {
      long remaining = blocksRemaining();
      return "ServingRateLimitExceeded (not sent): served at block #" + servedAtBlock + " and the subnet allows one serve per "
          + rateLimit + " blocks; " + remaining + " blocks remain (about " + Registrar.aboutBlocks(remaining)
          + "), allowed from block #" + allowedAtBlock + "; wanted " + diff.describe()
          + (hint == null || hint.isBlank() ? "" : ". " + hint);
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = base(this);
      m.put("servedAtBlock", servedAtBlock);
      m.put("rateLimit", rateLimit);
      m.put("currentBlock", currentBlock);
      m.put("allowedAtBlock", allowedAtBlock);
      m.put("blocksRemaining", blocksRemaining());
      m.put("diff", diff.toMap());
      return m;
    }
  }

  /** Where a failure was found, so that a caller knows whether anything reached the chain. */
  enum Stage {
    /** Before anything was signed or sent: the local checks, or the chain could not be read. */
    NOT_SENT,
    /** The transaction pool rejected it ({@code 1010}, or an invalid or dropped status). */
    POOL,
    /** It was included, and its call failed ({@code System.ExtrinsicFailed}). */
    DISPATCH,
    /** It was sent, and what became of it is not known (connection lost, finality not seen). */
    UNCONFIRMED
  }

  /**
   * Not registered.
   *
   * @param error the chain's error name ({@code HotKeyNotRegisteredInNetwork}, …) or TaoProm's own
   *     ({@code NodeUnreachable}, {@code WrongChain}, {@code FinalizationTimeout}, …)
   * @param stage where it was found
   * @param docs what it means: where it was found, an explanation and the pallet error's documentation
   * @param hint what to do
   * @param included for {@link Stage#DISPATCH}, what the extrinsic did in its block; else null
   * @param invalid for {@link Stage#POOL}, the decoded rejection where there was one; else null
   */
  record Failed(String error, Stage stage, String docs, String hint, ExtrinsicOutcome included,
      InvalidTransaction invalid) implements RegistrationOutcome {
    public Failed {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(stage, "stage");
    }

    /** A failure with no extrinsic or pool rejection to show. */
    public Failed(String error, Stage stage, String docs, String hint) {
      this(error, stage, docs, hint, null, null);
    }

    public boolean isSuccess() {
      return false;
    }

    public String name() {
      return "FAILED";
    }

    public String describe() {
      return error + (docs == null || docs.isBlank() ? "" : ": " + docs.strip()) + (hint == null || hint.isBlank() ? "" : "; " + hint);
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = base(this);
      m.put("error", error);
      m.put("stage", stage.name());
      m.put("docs", docs);
      m.put("hint", hint);
      return m;
    }
  }

  /**
   * A dry run: nothing was signed or sent.
   *
   * @param call the call that would be sent, as text
   * @param signer the hotkey's SS58 address
   * @param diff what would change
   * @param verdict what a real run would do now ({@code would send}, {@code already up to date},
   *     {@code rate-limited until block #…}, {@code hotkey not registered …})
   */
  record DryRun(String call, String signer, EndpointDiff diff, String verdict) implements RegistrationOutcome {
    public boolean isSuccess() {
      return true;
    }

    public String name() {
      return "DRY_RUN";
    }

    public String describe() {
      return "dry run, nothing signed or sent: " + call + " signed by " + signer + "; diff against chain: "
          + diff.describe() + "; " + verdict;
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = base(this);
      m.put("call", call);
      m.put("signer", signer);
      m.put("diff", diff.toMap());
      m.put("verdict", verdict);
      return m;
    }
  }

  private static Map<String, Object> base(RegistrationOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", o.name());
    m.put("success", o.isSuccess());
    m.put("message", o.describe());
    return m;
  }
}
