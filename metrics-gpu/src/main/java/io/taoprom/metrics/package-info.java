/** The built-in collector plugins: host (OSHI), NVML, CUDA, textfile and local scrape. */
package io.taoprom.metrics;
