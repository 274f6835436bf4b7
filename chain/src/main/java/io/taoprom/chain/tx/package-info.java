/**
 * Signed extrinsics (format v4) built from the metadata's signed-extension list, submission, and
 * watching an extrinsic until it is in a block or finalized, with the events it emitted.
 *
 * <pre>{@code
 * SignedExtrinsic xt = ExtrinsicBuilder.forRuntime(runtime, genesisHash)
 *     .call("SubtensorModule", "serve_prometheus", args)
 *     .signer(hotkey).nonce(nonce).era(Era.mortal(64, header.number() - 1), header.parentHash())
 *     .build();
 * ExtrinsicOutcome outcome = new Author(chain).submitAndWatch(xt, runtime, WaitFor.FINALIZED, timeout);
 * }</pre>
 */
package io.taoprom.chain.tx;
