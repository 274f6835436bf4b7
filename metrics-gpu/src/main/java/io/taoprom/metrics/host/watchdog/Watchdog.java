package io.taoprom.metrics.host.watchdog;

/**
 * One device of {@code /sys/class/watchdog}, each attribute null where the driver does not
 * offer it (sysfs hides attributes a driver lacks the operation for) or refuses to read it.
 *
 * @param name the device's directory name, {@code watchdog0}
 * @param bootstatus the {@code WDIOF_*} reason of the last reboot
 * @param options the {@code WDIOF_*} capabilities, as the kernel writes them ({@code 0x8180})
 * @param fwVersion the firmware version the driver reports
 * @param identity the driver's name for the device ({@code iTCO_wdt})
 * @param nowayout 1 when the watchdog cannot be stopped once started
 * @param state {@code active} or {@code inactive}
 * @param status the {@code WDIOF_*} status bits, as the kernel writes them ({@code 0x8000})
 * @param timeleft seconds until the watchdog fires
 * @param timeout seconds the watchdog waits for a ping
 * @param pretimeout seconds before the timeout that the pretimeout governor is called
 * @param pretimeoutGovernor the governor called at the pretimeout ({@code noop}, {@code panic})
 * @param accessCs0 ziirave_wdt's firmware access register
 */
record Watchdog(
    String name,
    Long bootstatus,
    String options,
    Long fwVersion,
    String identity,
    Long nowayout,
    String state,
    String status,
    Long timeleft,
    Long timeout,
    Long pretimeout,
    String pretimeoutGovernor,
    Long accessCs0) {}
