/**
 * The {@code textfile} collector: metrics from {@code *.prom} files that cron jobs and scripts
 * write, with node_exporter's semantics. The text-format parser it uses lives in
 * {@link io.taoprom.metrics.textfile.format}.
 */
package io.taoprom.metrics.textfile;
