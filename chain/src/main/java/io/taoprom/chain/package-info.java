/**
 * The Bittensor chain client: JSON-RPC, runtime metadata, dynamic codec, storage, extrinsics
 * and the typed {@code Subtensor} client.
 */
package io.taoprom.chain;
