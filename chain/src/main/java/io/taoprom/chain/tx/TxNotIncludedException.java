package io.taoprom.chain.tx;

import io.taoprom.chain.rpc.InvalidTransaction;
import java.util.List;
import java.util.Optional;

/**
 * A watched extrinsic ended without being included: dropped, invalid, usurped, or finality
 * timed out (then it may be in a block nobody finalized). The statuses seen say how it went.
 */
public class TxNotIncludedException extends TxException {

  private static final long serialVersionUID = 1L;

  private final transient TransactionStatus status;
  private final transient List<TransactionStatus> statuses;

  public TxNotIncludedException(String message, TransactionStatus status, List<TransactionStatus> statuses) {
    super(message);
    this.status = status;
    this.statuses = List.copyOf(statuses);
  }

  /** The final status. */
  public TransactionStatus status() {
    return status;
  }

  /** Every status seen, in order. */
  public List<TransactionStatus> statuses() {
    return statuses;
  }

  /** For an {@code invalid} status that says why, the decoded reason. */
  public Optional<InvalidTransaction> invalidTransaction() {
    if (status instanceof TransactionStatus.Invalid inv && !inv.detail().isEmpty()) {
      String d = inv.detail();
      return InvalidTransaction.parse(d.startsWith("{\"invalid\"") ? d : "{\"invalid\":" + d + "}");
    }
    return Optional.empty();
  }
}
