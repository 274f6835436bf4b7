/**
 * The dynamic SCALE codec: any type id of a runtime's registry to and from plain Java values,
 * plus what is built on it — events of a block and dispatch errors named by the metadata.
 *
 * <pre>{@code
 * DynamicCodec codec = new DynamicCodec(md.registry());
 * Object info = codec.decode(entry.valueType(), bytes);   // Map {block=…, version=…, ip=…, …}
 * byte[] call = codec.encode(md.extrinsic().callType(),
 *     EnumValue.of("SubtensorModule", EnumValue.of("serve_prometheus", args)));
 * }</pre>
 */
package io.taoprom.chain.codec;
