/**
 * Scrape isolation in the manner of node_exporter: {@link io.taoprom.exporter.scrape.IsolatingCollector}
 * runs collectors concurrently under a deadline and leaves out, and reports, any that throws,
 * hangs or yields invalid names; {@code FamilyTable} merges the families several collectors
 * share and leaves out, family by family, those that conflict, by the rules of
 * {@link io.taoprom.exporter.exposition.FamilyMerger}.
 */
package io.taoprom.exporter.scrape;
