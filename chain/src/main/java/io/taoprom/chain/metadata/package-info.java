/**
 * Runtime metadata V14 and V15: the portable type registry, pallets (calls, storage, events,
 * errors, constants), the extrinsic format with its signed extensions, and V15's runtime APIs.
 * Everything the chain module encodes or decodes is driven by this, never by hard-coded indices.
 *
 * <pre>{@code
 * RuntimeMetadata md = MetadataDecoder.decode(Hex.decode(rpc.request("state_getMetadata").asText()));
 * Variant serve = md.pallet("SubtensorModule").call("serve_prometheus");
 * }</pre>
 */
package io.taoprom.chain.metadata;
