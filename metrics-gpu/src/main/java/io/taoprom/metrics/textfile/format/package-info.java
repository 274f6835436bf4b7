/**
 * The Prometheus text exposition format (version 0.0.4): a strict parser
 * ({@link io.taoprom.metrics.textfile.format.TextFormatParser}) and the merge of parsed families
 * from several inputs into client_java snapshots
 * ({@link io.taoprom.metrics.textfile.format.FamilyMerger}). The {@code textfile} and
 * {@code scrape} collectors share both.
 */
package io.taoprom.metrics.textfile.format;
