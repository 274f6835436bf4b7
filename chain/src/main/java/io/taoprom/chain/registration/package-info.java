/**
 * Registering a neuron's Prometheus endpoint on chain, as an operator asks for it: resolve the
 * hotkey, the address (explicit or discovered), the port and the version; compare with what the
 * chain holds; respect the serving rate limit (report it, or wait for it); send through {@link
 * io.taoprom.chain.subtensor.Subtensor#servePrometheus}; and say in one line what happened.
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
 * <p>The CLI's {@code taoprom register}, {@code taoprom status} and {@code taoprom serve --register}
 * are thin layers over {@link io.taoprom.chain.registration.Registrar}.
 */
package io.taoprom.chain.registration;
