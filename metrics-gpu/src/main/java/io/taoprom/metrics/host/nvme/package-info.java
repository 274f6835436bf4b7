/** The {@code nvme} collector: {@code node_nvme_info} and {@code node_nvme_namespace_*} from {@code /sys/class/nvme}. */
package io.taoprom.metrics.host.nvme;
