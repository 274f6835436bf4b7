package io.taoprom.chain.subtensor;

/**
 * Subtensor's {@code InvalidTransaction::Custom(n)} codes, named as in its source
 * ({@code common/src/transaction_error.rs}, {@code CustomTransactionError}): what a {@code 1010
 * custom(n)} rejection of a Subtensor transaction means.
 *
 * <pre>{@code
 * String why = e.invalidTransaction().orElseThrow().describe(SubtensorTransactionError::nameOf);
 * // "custom(12) ServingRateLimitExceeded"
 * }</pre>
 */
public enum SubtensorTransactionError {
  COLDKEY_IN_SWAP_SCHEDULE(0, "ColdkeyInSwapSchedule"),
  STAKE_AMOUNT_TOO_LOW(1, "StakeAmountTooLow"),
  BALANCE_TOO_LOW(2, "BalanceTooLow"),
  SUBNET_NOT_EXISTS(3, "SubnetNotExists"),
  HOTKEY_ACCOUNT_DOESNT_EXIST(4, "HotkeyAccountDoesntExist"),
  NOT_ENOUGH_STAKE_TO_WITHDRAW(5, "NotEnoughStakeToWithdraw"),
  RATE_LIMIT_EXCEEDED(6, "RateLimitExceeded"),
  INSUFFICIENT_LIQUIDITY(7, "InsufficientLiquidity"),
  SLIPPAGE_TOO_HIGH(8, "SlippageTooHigh"),
  TRANSFER_DISALLOWED(9, "TransferDisallowed"),
  HOT_KEY_NOT_REGISTERED_IN_NETWORK(10, "HotKeyNotRegisteredInNetwork"),
  INVALID_IP_ADDRESS(11, "InvalidIpAddress"),
  SERVING_RATE_LIMIT_EXCEEDED(12, "ServingRateLimitExceeded"),
  INVALID_PORT(13, "InvalidPort"),
  ZERO_MAX_AMOUNT(14, "ZeroMaxAmount"),
  INVALID_REVEAL_ROUND(15, "InvalidRevealRound"),
  COMMIT_NOT_FOUND(16, "CommitNotFound"),
  COMMIT_BLOCK_NOT_IN_REVEAL_RANGE(17, "CommitBlockNotInRevealRange"),
  INPUT_LENGTHS_UNEQUAL(18, "InputLengthsUnequal"),
  UID_NOT_FOUND(19, "UidNotFound"),
  EVM_KEY_ASSOCIATE_RATE_LIMIT_EXCEEDED(20, "EvmKeyAssociateRateLimitExceeded"),
  COLDKEY_SWAP_DISPUTED(21, "ColdkeySwapDisputed"),
  INVALID_REAL_ACCOUNT(22, "InvalidRealAccount"),
  FAILED_SHIELDED_TX_PARSING(23, "FailedShieldedTxParsing"),
  INVALID_SHIELDED_TX_PUB_KEY_HASH(24, "InvalidShieldedTxPubKeyHash"),
  NON_ASSOCIATED_COLD_KEY(25, "NonAssociatedColdKey"),
  DELEGATE_TAKE_TOO_LOW(26, "DelegateTakeTooLow"),
  DELEGATE_TAKE_TOO_HIGH(27, "DelegateTakeTooHigh"),
  BAD_REQUEST(255, "BadRequest");

  private final int code;
  private final String errorName;

  SubtensorTransactionError(int code, String errorName) {
    this.code = code;
    this.errorName = errorName;
  }

  public int code() {
    return code;
  }

  /** The name as Subtensor spells it ({@code ServingRateLimitExceeded}). */
  public String errorName() {
    return errorName;
  }

  /** The error with this code, or null. */
  public static SubtensorTransactionError ofCode(int code) {
    for (SubtensorTransactionError e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    return null;
  }

  /** The name for this code, or null when unknown (fits {@code InvalidTransaction.describe}). */
  public static String nameOf(int code) {
    SubtensorTransactionError e = ofCode(code);
    return e == null ? null : e.errorName;
  }
}
