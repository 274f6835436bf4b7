/**
 * The typed Subtensor client the rest of TaoProm uses: reading {@code PrometheusInfo} and
 * {@code AxonInfo}, uids, the serving rate limit, and every Prometheus endpoint of a subnet; the
 * networks by name; addresses as the chain stores them. Serving an endpoint is {@link
 * io.taoprom.chain.registration.Registrar}'s one path.
 *
 * <pre>{@code
 * try (Subtensor subtensor = Subtensor.connect("finney")) {
 *   for (PrometheusEndpoint e : subtensor.prometheusEndpoints(27)) {
 *     System.out.println(e.hotkeySs58() + " " + e.info().address() + ":" + e.info().port());
 *   }
 * }
 * }</pre>
 */
package io.taoprom.chain.subtensor;
