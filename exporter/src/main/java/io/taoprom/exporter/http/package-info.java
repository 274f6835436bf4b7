/**
 * The exporter's HTTP endpoints ({@code /metrics}, {@code /-/healthy}, {@code /-/ready},
 * {@code /}) on the JDK's HTTP server, with client_java's exposition writers.
 */
package io.taoprom.exporter.http;
