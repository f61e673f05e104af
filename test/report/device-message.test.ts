import { isDeviceMessage } from '../../src/report/device-message.js';

describe('isDeviceMessage', () => {
  test.each([
    'sdhci-pci 0000:00:1b.0: SDHCI controller found [8086:5aca] (rev b)',
    'acpi device:17: GPIO: looking up cd-gpios',
    'i2c_hid i2c-PNP0C50:00: supply vdd not found, using dummy regulator',
    'usb 2-2: reset SuperSpeed Gen 1 USB device number 2 using xhci_hcd',
    'gpio gpiochip1: (INT3452:01): created GPIO range 0->31 ==> INT3452:01 PIN 0->31',
    'mvpp2 f2000000.ethernet eth0: Link is Up - 1Gbps/Full',
  ])('a driver and a device: %p', (text) => {
    expect(isDeviceMessage(text)).toBe(true);
  });

  test.each([
    'Hardware name: Google Coral/Coral, BIOS  09/29/2020',
    'CPU: 3 PID: 185 Comm: udevd Tainted: G        W         5.10.219-rc1 #1',
    'RIP: 0010:string_nocheck+0x19/0x3d',
    'Redzone 000000004ab5e1e7: bb bb bb bb bb bb bb bb',
    'Object 000000004ab5e1e7: 6b 6b 6b 6b 6b 6b 6b 6b',
    'user pgtable: 4k pages, 48-bit VAs, pgdp=00000008812c4000',
    'Process swapper/0 (pid: 1, stack limit = 0x(ptrval))',
    'BUG kmalloc-64 (Not tainted): Poison overwritten',
    ' string+0x42/0x4b',
    'pstore: Registered ramoops as persistent store backend',
  ])('a report line or a subsystem message: %p', (text) => {
    expect(isDeviceMessage(text)).toBe(false);
  });
});
