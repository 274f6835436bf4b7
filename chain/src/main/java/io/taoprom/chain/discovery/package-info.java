/**
 * Service discovery for Prometheus: every registered Prometheus endpoint of one or more subnets,
 * as the target groups of Prometheus' {@code file_sd_configs} and {@code http_sd_configs}.
 *
 * <pre>{@code
 * try (Subtensor subtensor = Subtensor.connect("finney")) {
 *   SubnetTargets targets = new SubnetDiscovery(subtensor).discover(List.of(27));
 *   System.out.println(targets.toJson());      // [{"targets":["203.0.113.7:7091"],"labels":{...}}]
 *   System.err.println(targets.skippedSummary()); // 3 left out: 2 with ip 0, 1 with port 0
 * }
 * }</pre>
 *
 * <p>No Prometheus types here: the JSON is Prometheus' documented SD format, written with Jackson.
 */
package io.taoprom.chain.discovery;
