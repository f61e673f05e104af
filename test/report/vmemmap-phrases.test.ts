import { buildReport } from '../../src/report/model.js';
import { formatRange, opFunction, vmemmapVerdict, warnArmPhrase } from '../../src/report/vmemmap-phrases.js';
import { armResult, TOOL } from './fixtures.js';

const finding = () => buildReport([armResult()], { tool: TOOL }).inputs[0]!.clusters[0]!.vmemmap[0]!;

test('verdict names the op, ranges, position and WARN arm', () => {
  expect(vmemmapVerdict(finding())).toBe(
    '3 vmemmap_populate WARNINGs in boot 0 of Linux 6.1.0-test, from nouveau: struct pages [0xffffffffaee00000, 0xffffffffaf400000) lie above the ' +
      'vmemmap window (past VMEMMAP_END), PFNs [0xffec38000, 0xffec50000), physical [0xffec38000000, 0xffec50000000); ' +
      'the WARN fired on end > VMEMMAP_END (confidence high).',
  );
});

/** A finding of `count` splats of `op` whose registers gave no range. */
function unread(op: 'free' | 'init-zone-device', count: number) {
  const f = finding();
  delete f.pageHull;
  return { ...f, op, splatCount: count, readCount: 0 };
}

test('without a readable range the verdict says the registers did not give one', () => {
  expect(vmemmapVerdict(unread('free', 1))).toBe('1 vmemmap_free WARNING in boot 0 of Linux 6.1.0-test, from nouveau: the register dumps did not give a struct page range (0 of 1 read).');
});

test('the 6.9+ fault in memmap_init_zone_device is an Oops, not a WARNING', () => {
  expect(vmemmapVerdict(unread('init-zone-device', 1))).toMatch(/^1 memmap_init_zone_device Oops in boot 0[ ,:]/);
  expect(vmemmapVerdict(unread('init-zone-device', 2))).toMatch(/^2 memmap_init_zone_device Oopses in boot 0[ ,:]/);
});

test('helpers', () => {
  expect(opFunction('init-zone-device')).toBe('memmap_init_zone_device');
  expect(formatRange({ start: '0x1', end: '0x2' })).toBe('[0x1, 0x2)');
});

// Found by review: with memstart not in the log, the verdict stated PFNs and physical addresses as fact.
test('PFNs and physical addresses under a memstart nothing gave are said to be relative to it', () => {
  const f = finding();
  const layout = f.layout!;
  const assumed = { ...f, layout: { ...layout, memstart: { value: '0x0', source: { kind: 'default' as const }, confidence: 'low' as const } } };
  expect(vmemmapVerdict(assumed)).toContain('physical [0xffec38000000, 0xffec50000000) (relative to memstart 0x0, not in the log); the WARN');
  expect(vmemmapVerdict(f)).not.toContain('relative');
});

test('the verdict names the release only when the log or a flag gave it, and the driver only when the trace named one', () => {
  const f = finding();
  const layout = f.layout!;
  const defaulted = { ...f, driver: undefined, layout: { ...layout, release: { ...layout.release!, source: { kind: 'default' as const } } } };
  expect(vmemmapVerdict(defaulted)).toMatch(/^3 vmemmap_populate WARNINGs in boot 0: struct pages/);
});

// Found by a review: a 60,000-character release in the Linux version line was quoted whole in the verdict, the
// first paragraph of the Markdown report, which then outgrew a GitHub comment.
test('the verdict clips the release it quotes', () => {
  const f = finding();
  const release = `6.1.0-${'x'.repeat(60_000)}`;
  const verdict = vmemmapVerdict({ ...f, layout: { ...f.layout!, release: { ...f.layout!.release!, value: release } } });
  expect(verdict.length).toBeLessThan(600);
  expect(verdict).toContain('of Linux 6.1.0-xxx');
});

// Found by a review: 'both' read "start < VMEMMAP_START and end > VMEMMAP_END", a call that cannot be: one call maps
// at most one section's memmap, far less than the window, so each call fires one arm.
test('Found by a review: both arms are said as those of different calls', () => {
  expect(warnArmPhrase('both')).toBe('start < VMEMMAP_START in some calls, end > VMEMMAP_END in others');
  expect(warnArmPhrase('start-below')).toBe('start < VMEMMAP_START');
});
