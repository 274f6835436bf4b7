/**
 * The chain side of {@code taoprom serve}: its options ({@code --network}, {@code --sd.*},
 * {@code --register*}), the registration log, and {@link io.taoprom.cli.chainmetrics.ServeChain},
 * which wires the chain client, {@code /sd}, the registration loop and the metagraph collector to
 * the exporter. The series themselves live in the {@code chain-metrics} module
 * ({@link io.taoprom.chainmetrics.ChainMetrics}, the {@code metagraph} collector).
 *
 * <pre>{@code
 * ServeChain chain = ServeChain.prepare(options, exporterBuilder, spec);
 * chain.start(exporter, err);
 * }</pre>
 */
package io.taoprom.cli.chainmetrics;
