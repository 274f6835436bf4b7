/**
 * What every module does with bytes from outside (keyfiles, textfiles, web configs, chain nodes,
 * scrape targets): read them only from regular files and only up to a cap ({@link
 * io.taoprom.untrusted.BoundedFiles}), and put them into a log line, a terminal or an HTTP body
 * only escaped and cut short ({@link io.taoprom.untrusted.Excerpt}).
 *
 * <p>A module of its own, without dependencies, because both {@code core} (keyfiles) and {@code
 * exporter} (textfiles, web config) need it and neither may depend on the other.
 */
package io.taoprom.untrusted;
