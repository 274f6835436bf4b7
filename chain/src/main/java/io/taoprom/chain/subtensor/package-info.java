/**
 * The typed Subtensor client the rest of TaoProm uses: serving Prometheus and axon endpoints,
 * reading {@code PrometheusInfo} and {@code AxonInfo}, registration, the serving rate limit, and
 * every Prometheus endpoint of a subnet.
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
