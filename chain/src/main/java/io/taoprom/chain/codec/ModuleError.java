package io.taoprom.chain.codec;

/**
 * A pallet's error, named by the metadata: what {@code DispatchError::Module} means.
 *
 * @param pallet the pallet name ({@code SubtensorModule})
 * @param error the error name ({@code HotKeyNotRegisteredInNetwork})
 * @param docs the error's documentation, joined into one line
 * @param palletIndex the pallet index
 * @param errorIndex the error index within the pallet
 */
public record ModuleError(String pallet, String error, String docs, int palletIndex, int errorIndex) {

  @Override
  public String toString() {
    return pallet + "." + error + (docs.isEmpty() ? "" : ": " + docs);
  }
}
