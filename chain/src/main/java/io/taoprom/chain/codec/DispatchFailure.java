package io.taoprom.chain.codec;

/**
 * Why a dispatched call failed: a decoded {@code DispatchError}.
 *
 * @param kind the variant of {@code DispatchError} ({@code Module}, {@code BadOrigin}, {@code
 *     Token}, ...)
 * @param module the pallet error for {@code Module}, else null
 * @param detail the content of other variants ({@code FundsUnavailable} for {@code Token}), or
 *     an empty string
 */
public record DispatchFailure(String kind, ModuleError module, String detail) {

  /** Whether this is the pallet error {@code pallet.error}. */
  public boolean isModuleError(String pallet, String error) {
    return module != null && module.pallet().equals(pallet) && module.error().equals(error);
  }

  /** {@code SubtensorModule.HotKeyNotRegisteredInNetwork: <docs>}, {@code BadOrigin}, {@code Token(FundsUnavailable)}. */
  public String describe() {
    if (module != null) {
      return module.toString();
    }
    return detail.isEmpty() ? kind : kind + "(" + detail + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
