/**
 * Application metrics of a Bittensor neuron running on the JVM: {@link io.taoprom.exporter.neuron.NeuronMetrics}.
 */
package io.taoprom.exporter.neuron;
