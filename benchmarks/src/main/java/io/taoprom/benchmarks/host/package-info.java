/** Benchmarks of the host collectors: a full host scrape, collected and written as text. */
package io.taoprom.benchmarks.host;
