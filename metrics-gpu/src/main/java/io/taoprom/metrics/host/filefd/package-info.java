/** The {@code filefd} collector: allocated and maximum file handles from {@code /proc/sys/fs/file-nr}. */
package io.taoprom.metrics.host.filefd;
