import { isReportTail } from '../../src/parse/report-tail.js';

describe('isReportTail', () => {
  test.each([
    'Code: d53b00e1 12000c21 d2800082 9ac12041 (d50b7420) ',
    '---[ end trace 0000000000000000 ]---',
    ' </TASK>',
    'RIP: 0033:0x7f8f25dcaeb9',
    'Exception stack(0x97f07fa8 to 0x97f07ff0)',
    '7fa0:                   00000018 00000001 000b0118 00000001',
    ' r10:84e00c00 r9:20000000 r8:85048900',
    'SMP: stopping secondary CPUs',
    'Rebooting in 86400 seconds..',
    'hardirqs last  enabled at (16131): [<ffff80000896749c>] kasan_quarantine_put+0x1a0/0x1c8',
    '               PC: 0xffffffc0107abb2c:',
    'b92c  f9400aa1 eb03005f 54000149 d4210000 aa1303e0 941e628f 128001a0 a94153f3',
    // The lock dump a hung task report ends with.
    'Showing all locks held in the system:',
    '2 locks held by kworker/u4:2/48:',
    'no locks held by syz-executor.0/4021.',
    ' #1: ffff0000c1a2b1d0 (&priv->lock){+.+.}-{3:3}, at: foo_flush+0x30/0x90',
    // Older kernels print no lock address: two spaces, then the lock (4.4 and 4.9 hung task reports).
    ' #0:  (&type->s_umount_key#32){++++.+}, at: [<ffffffff81a1b2c3>] iterate_supers+0xdb/0x290',
  ])('%j', (text) => expect(isReportTail(text)).toBe(true));

  test.each(['usb 1-1: New USB device found, idVendor=1d6b', 'held by nobody: 2 locks'])(
    '%j is another message',
    (text) => expect(isReportTail(text)).toBe(false),
  );
});
