/**
 * The floor under TaoProm's start-up time and memory: the least a JVM serving {@code /metrics}
 * costs on a machine, measured by {@code benchmarks/scripts/startup-floor.sh} beside TaoProm and
 * node_exporter. Not benchmarks of TaoProm's code; servers that answer one fixed line.
 */
package io.taoprom.benchmarks.startup;
