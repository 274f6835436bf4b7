package io.taoprom.metrics.nvml;

/**
 * How a family is exposed. {@code UNTYPED} is for dcgm-exporter's counters, whose names lack
 * {@code _total}: typed as counters, client_java would rename them by appending it, and a
 * dashboard that queries {@code DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION} would find nothing.
 */
enum FamilyType { GAUGE, COUNTER, INFO, UNTYPED }
