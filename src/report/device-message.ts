/**
 * A dev_printk()/netdev_printk() line: `sdhci-pci 0000:00:1b.0: SDHCI controller found`, `usb 2-2: reset …`,
 * `mvpp2 f2000000.ethernet eth0: link up` (driver, device name with a digit, a net device's name). Consoles without
 * caller ids print such lines of other CPUs inside a report. The driver string starts lower case, which keeps out
 * SLUB's `Redzone 00000000…: bb bb` and `Object 00000000…: 6b 6b` rows, and a report's own `Hardware name:` has no
 * digit in its second word.
 */
const DEVICE_MESSAGE = /^[a-z][\w-]* [\w.:-]*\d[\w.:-]*(?: [\w.-]+)?: /;

export function isDeviceMessage(text: string): boolean {
  return DEVICE_MESSAGE.test(text);
}
