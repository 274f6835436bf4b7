/** The {@code uname} collector: {@code node_uname_info{sysname,release,version,machine,nodename,domainname}}. */
package io.taoprom.metrics.host.uname;
