/**
 * Load tools for the HTTP endpoint, run by {@code benchmarks/scripts/http-*.sh} against a
 * running exporter: hostile slow clients and a latency probe beside them.
 */
package io.taoprom.benchmarks.http;
