/**
 * The {@code push} collector: the Pushgateway's push API ({@code PUT}, {@code POST} and
 * {@code DELETE} on {@code /metrics/job/<JOB>{/<LABEL>/<VALUE>}}) on the exporter's listener, for
 * Python neurons and other processes that push with {@code prometheus_client.push_to_gateway}.
 * {@link io.taoprom.metrics.push.PushPlugin} holds the groups and serves them; its route parses
 * each push with the textfile collector's parser and checks it with the exporter's family merge.
 */
package io.taoprom.metrics.push;
