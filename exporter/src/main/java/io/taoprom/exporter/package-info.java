/**
 * TaoProm's exporter: {@link io.taoprom.exporter.TaoPromExporter} serves {@code /metrics} from
 * the collector plugins a {@link io.taoprom.exporter.PluginCatalog} found, each isolated under
 * the scrape deadline, plus the application metrics in its registry.
 *
 * <pre>{@code
 * try (TaoPromExporter exporter = TaoPromExporter.builder().port(7091).buildAndStart()) {
 *   NeuronMetrics.register(exporter.registry()).setNeuronInfo(27, hotkey, "miner", "1.0.0");
 *   Thread.currentThread().join();
 * }
 * }</pre>
 *
 * <p>Sub-packages: {@code spi} (what a plugin implements), {@code scrape} (isolation),
 * {@code http} (endpoints), {@code neuron} (application metrics of a neuron).
 */
package io.taoprom.exporter;
