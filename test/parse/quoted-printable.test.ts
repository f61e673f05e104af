import { decodeQuotedPrintable, QuotedPrintableDetector, softBreakBody } from '../../src/parse/quoted-printable.js';

describe('decodeQuotedPrintable', () => {
  test.each([
    ['escaped equals sign', 'Kernel command line: console=3DttyAMA0 root=3D/dev/vda', 'Kernel command line: console=ttyAMA0 root=/dev/vda'],
    ['encoded trailing space', '[   14.609538] x29: ffff8000118eb810 x28: ffff000133646e80=20', '[   14.609538] x29: ffff8000118eb810 x28: ffff000133646e80 '],
    ['UTF-8 byte run', 'don=E2=80=99t', 'don\u2019t'],
    ['lower-case hex', 'a=3db', 'a=b'],
    ['`=` not followed by two hex digits is kept', 'x =zz and =4', 'x =zz and =4'],
    ['no escapes', 'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197', 'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197'],
  ])('%s', (_name, encoded, decoded) => {
    expect(decodeQuotedPrintable(encoded)).toBe(decoded);
  });
});

describe('softBreakBody', () => {
  test('line ending in `=` (trailing padding ignored)', () => {
    expect(softBreakBody('WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mm= \t')).toBe('WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mm');
  });
  test('line ending in an escape is not a soft break', () => {
    expect(softBreakBody('root=3D')).toBeUndefined();
  });
});

describe('QuotedPrintableDetector', () => {
  test('header turns it on, another encoding turns it off', () => {
    const d = new QuotedPrintableDetector();
    expect(d.observe(1, 'Content-Type: text/plain; charset="us-ascii"')).toBe(false);
    expect(d.observe(2, 'Content-Transfer-Encoding: quoted-printable')).toBe(true);
    expect(d.observe(3, 'plain text')).toBe(true);
    expect(d.observe(4, 'content-transfer-encoding: 8bit')).toBe(false);
    expect(d.active).toBe(false);
  });

  test('an mbox `From ` separator ends it', () => {
    const d = new QuotedPrintableDetector();
    d.observe(1, 'Content-Transfer-Encoding: Quoted-Printable');
    expect(d.observe(2, 'From jhubbard@nvidia.com Thu Apr  6 06:05:00 2023')).toBe(false);
  });

  test('a soft break after a `=3D` escape turns it on without a header', () => {
    const d = new QuotedPrintableDetector();
    expect(d.observe(1, 'Kernel command line: console=3DttyAMA0')).toBe(false);
    expect(d.observe(2, 'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mm=')).toBe(true);
  });

  test('kernel lines with `=20` inside or ending in `=` alone leave it off', () => {
    const d = new QuotedPrintableDetector();
    // kernelci-logspec__test_baseline_001_arm64_mt8183-juniper_6.10-rc3-next_LAVA.txt line 614
    expect(d.observe(1, 'DQ12 =20, DQ13 =17, DQ14 =17, DQ15 =20')).toBe(false);
    // boot__orangepi5_rk3588_5.10.110_dmesg.txt
    expect(d.observe(2, '[    5.246632]     ubootpart=')).toBe(false);
  });

  test('a `=3D` long before a soft break is not evidence', () => {
    const d = new QuotedPrintableDetector();
    d.observe(1, 'a=3Db');
    expect(d.observe(1000, 'x=')).toBe(false);
  });
});

describe('QuotedPrintableDetector evidence', () => {
  test.each([
    ['encoded space before a soft break', 'Modules linked in:=20='],
    ['encoded UTF-8', 'don=E2=80=99t split this line='],
  ])('%s turns it on', (_name, line) => {
    expect(new QuotedPrintableDetector().observe(1, line)).toBe(true);
  });
});
