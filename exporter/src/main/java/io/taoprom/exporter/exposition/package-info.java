/**
 * The rules of a valid exposition, for the exporter and for plugins that serve families they did
 * not make (a textfile, another process's {@code /metrics}):
 * {@link io.taoprom.exporter.exposition.ExpositionNames} says which names are valid and which
 * sample names a family writes; {@link io.taoprom.exporter.exposition.FamilyMerger} puts the
 * families of several sources together into one exposition, merging what can be served as one
 * family and leaving out, family by family, what would clash.
 *
 * <p>The exporter merges its collectors with these same classes, so a family that a plugin's
 * merge accepts is never refused later for a reason the plugin could not see.
 *
 * <pre>{@code
 * FamilyMerger merger = FamilyMerger.builder().build();
 * merger.reserve("taoprom_scrape_target_up", "the scrape collector");
 * int neuron = merger.source("neuron");
 * for (MetricSnapshot family : neuronFamilies) {
 *   merger.add(neuron, family);
 * }
 * List<MetricSnapshot> served = merger.families();
 * merger.leftOut().forEach(l -> log.warning(l.source() + ": " + l.reason()));
 * }</pre>
 */
package io.taoprom.exporter.exposition;
