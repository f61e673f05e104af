import { isStampedTrailingEquals } from '../../src/ingest/stamped-trailing-equals.js';

test.each([
  // Line 991 of the orangepi5 (rk3588, 5.10.110) dmesg in the corpus.
  '[    5.246632]     ubootpart=',
  '<6>[    1.893124] Kernel command line: console=ttyS2 rootwait ubootpart=',
  '[ 9877.700279][    C0] rootfstype=',
  'Mar  5 10:11:12 host kernel: [    5.246632] ubootpart=',
  '2024-03-05T10:11:12.123456+00:00 host kernel: ubootpart=',
])('a kernel line that printed its `=`: %j', (line) => {
  expect(isStampedTrailingEquals(line)).toBe(true);
});

test.each([
  // No stamp: a quoted-printable soft break as far as a line can tell.
  'ubootpart=',
  'Subject: a long subject line that the mailer broke here=',
  '> [    5.246632] quoted in a reply=',
  // An escape in the line: quoted-printable wrote its `=` or its trailing space so.
  '[    1.893124] Kernel command line: root=3DUUID=3D83a9 ubootpart=3D usb-storage.quirks=3D0x2537:0x1066:u,0x25=',
  '[   12.100000] DQ12 =20=',
  '[    3.000000] caf=C3=A9 =',
])('not one: %j', (line) => {
  expect(isStampedTrailingEquals(line)).toBe(false);
});
