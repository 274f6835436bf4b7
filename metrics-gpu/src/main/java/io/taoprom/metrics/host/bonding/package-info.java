/**
 * The {@code bonding} collector: {@code node_bonding_slaves{master}} and
 * {@code node_bonding_active{master}} from {@code /sys/class/net/bonding_masters} and each bond's
 * slaves' MII status.
 */
package io.taoprom.metrics.host.bonding;
