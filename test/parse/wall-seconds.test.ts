import fc from 'fast-check';
import { analyzeText } from '../../src/api.js';
import { wallSeconds } from '../../src/parse/wall-seconds.js';

test('stamps of every wall-clock form on one scale', () => {
  const base = wallSeconds('2023-11-06T10:00:48')!;
  expect(wallSeconds('2023-11-06T10:00:48.5Z')).toBe(base + 0.5);
  // dmesg --time-format iso: a comma, and an offset: 12:00:48+02:00 is 10:00:48 UTC.
  expect(wallSeconds('2023-11-06T12:00:48,250000+02:00')).toBe(base + 0.25);
  expect(wallSeconds('2023-11-06T05:00:48-0500')).toBe(base);
  // Year-omitted stamps differ among themselves as the dated ones do.
  expect(wallSeconds('--11-06T10:07:15')! - wallSeconds('--11-06T10:00:48')!).toBe(387);
});

// wallSeconds keeps the last stamp and the start of its minute: any run of stamps must read as each alone would.
test('stamps read in any order give what each gives alone', () => {
  const reference = (stamp: string): number | undefined => {
    const m = /^(?:(\d{4})|-)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d(?:[.,]\d+)?)(Z|[+-]\d\d:?\d\d)?$/.exec(stamp);
    if (m === null) return undefined;
    const [, year = '2000', month, day, hour, minute, seconds, zone] = m;
    const sign = zone?.startsWith('-') ? -1 : 1;
    const digits = zone === undefined || zone === 'Z' ? '' : zone.replace(':', '');
    const offset = digits === '' ? 0 : sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)) / 1000 - offset * 60 + Number(seconds!.replace(',', '.'));
  };
  const stamp = fc
    .tuple(
      fc.constantFrom('2023', '-'),
      fc.constantFrom('11-06', '12-31'),
      fc.constantFrom('10:00', '10:01', '23:59'),
      fc.constantFrom('48', '07', '5', '48.5', '48,25', '48.', '00.000001', '48e1', ' 48'),
      fc.constantFrom('', 'Z', '+02:00', '-0500', '+0000', 'X'),
    )
    .map(([y, md, hm, s, z]) => `${y}-${md}T${hm}:${s}${z}`);
  fc.assert(
    fc.property(fc.array(stamp, { maxLength: 12 }), (stamps) => {
      for (const s of stamps) expect(wallSeconds(s)).toBe(reference(s));
    }),
    { numRuns: 2000 },
  );
});

test('to the minute, or not a stamp: none', () => {
  expect(wallSeconds('--11-25T10:11')).toBeUndefined();
  expect(wallSeconds('yesterday')).toBeUndefined();
});

// Found by a review: in journalctl, dmesg -T or syslog output, which has no printk times, a sysrq panic printed 387 s
// after an Oops was taken as that Oops's escalation, and the log counted no panic.
test('without printk times, a panic long after an Oops is a report of its own; one at once escalates it', async () => {
  const journal = (time: string, text: string) => `Nov 06 ${time} host kernel: ${text}`;
  const oops = [
    journal('10:00:48.100000', 'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008'),
    journal('10:00:48.100010', 'Internal error: Oops: 0000000096000004 [#1] PREEMPT SMP'),
    journal('10:00:48.100020', 'CPU: 5 PID: 1311 Comm: insmod Not tainted 6.10.0 #1'),
    journal('10:00:48.100030', 'pc : demo_probe+0x24/0x100'),
    journal('10:00:48.100040', 'Call trace:'),
    journal('10:00:48.100050', ' demo_probe+0x24/0x100'),
    journal('10:00:48.100060', '---[ end trace 0000000000000000 ]---'),
  ];
  const later = await analyzeText(`${[...oops, journal('10:07:15.000000', 'Kernel panic - not syncing: sysrq triggered crash')].join('\n')}\n`);
  const internal = 'Internal error: Oops: 0000000096000004 [#1] PREEMPT SMP';
  expect(later.clusters.map((c) => [c.kind, c.example.escalations])).toEqual([
    ['oops', [internal]],
    ['panic', undefined],
  ]);
  const atOnce = await analyzeText(`${[...oops, journal('10:00:48.200000', 'Kernel panic - not syncing: Oops: Fatal exception')].join('\n')}\n`);
  expect(atOnce.clusters.map((c) => [c.kind, c.example.escalations])).toEqual([['oops', [internal, 'Kernel panic - not syncing: Oops: Fatal exception']]]);
});
