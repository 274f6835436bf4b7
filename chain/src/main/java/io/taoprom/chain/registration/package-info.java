/**
 * Registering a neuron's Prometheus endpoint on chain — one path for every caller: resolve the
 * hotkey ({@link io.taoprom.chain.registration.Hotkey}), the address (explicit or {@link
 * io.taoprom.chain.registration.ExternalIp}), the port and the version ({@link
 * io.taoprom.chain.registration.VersionScheme}, or the neuron's own {@link
 * io.taoprom.chain.registration.VersionFile}); then {@link io.taoprom.chain.registration.Registrar}
 * reads the chain, decides (the difference against chain, registration, address, rate limit),
 * builds, signs and submits, and says in one {@link io.taoprom.chain.registration.RegistrationOutcome}
 * what happened. {@link io.taoprom.chain.registration.RegistrationLoop} keeps it registered and
 * tells a {@link io.taoprom.chain.registration.RegistrationListener}.
 *
 * <pre>{@code
 * try (Subtensor subtensor = Subtensor.connect("finney")) {
 *   Registrar registrar = Registrar.over(subtensor);
 *   Endpoint wanted = Endpoint.of(IpAddress.parse("203.0.113.7"), 9400, VersionScheme.SN27.toInt("1.8.3"));
 *   RegistrationOutcome out = registrar.register(Hotkey.fromUri("//Alice").signer(), RegistrationRequest.of(27, wanted));
 *   System.out.println(out.describe());   // "registered in block #… (0x…)" or "already up to date" or …
 * }
 * }</pre>
 *
 * <p>Messages name what to change in plain words ({@code ip}, {@code hotkey}); a caller with its
 * own vocabulary passes {@link io.taoprom.chain.registration.ParameterNames}. The CLI's {@code
 * taoprom register}, {@code taoprom status} and {@code taoprom serve --register} are thin layers
 * over this package, passing their flags as the names.
 */
package io.taoprom.chain.registration;
