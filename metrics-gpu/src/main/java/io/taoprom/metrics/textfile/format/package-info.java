/**
 * The Prometheus text exposition format (version 0.0.4) from outside: a strict parser that reads
 * bytes in place ({@link io.taoprom.metrics.textfile.format.TextFormatParser}), the reader that
 * turns an input into client_java snapshots under a series limit and a shared heap budget
 * ({@link io.taoprom.metrics.textfile.format.ExpositionReader},
 * {@link io.taoprom.metrics.textfile.format.HeapBudget}), and the once-per-problem log the
 * {@code textfile} and {@code scrape} collectors share. Families of several inputs are merged
 * by the exporter's {@link io.taoprom.exporter.exposition.FamilyMerger}.
 */
package io.taoprom.metrics.textfile.format;
