import { palette } from '../../src/report/colour.js';
import { buildReport } from '../../src/report/model.js';
import { EXAMPLE_MAX_LINES, renderTextExample } from '../../src/report/render-text-example.js';
import { armResult, TOOL } from './fixtures.js';

const clusters = (r = armResult()) => buildReport([r], { tool: TOOL }).inputs[0]!.clusters;
const plain = palette(false);

test('title, who/where line and numbered lines', () => {
  const out = renderTextExample(clusters()[0]!, plain);
  expect(out.slice(1, 4)).toEqual([
    '-- Example: WARNING in vmemmap_populate (lines 60-75, boot 0) --',
    '  CPU 2, PID 345, comm modprobe, release 6.1.0-test, taint WARN,OOT_MODULE, hardware Test Board (DT)',
    '  60 | ------------[ cut here ]------------',
  ]);
});

test('a corrupted example says why, and counts lines the segmenter dropped', () => {
  const out = renderTextExample(clusters()[1]!, plain);
  expect(out).toContain('  corrupted: no end marker before the log ended');
  expect(out.at(-1)).toBe('  … 2 more lines');
});

test('a long example is trimmed and says how much was left out', () => {
  const r = armResult();
  const example = r.clusters[0]!.example;
  example.lines = Array.from({ length: 100 }, (_, i) => ({ lineNo: 1000 + i, text: `line ${i}` }));
  example.droppedLines = 5;
  const out = renderTextExample(clusters(r)[0]!, plain);
  expect(out).toContain(`  ${1000 + EXAMPLE_MAX_LINES - 1} | line ${EXAMPLE_MAX_LINES - 1}`);
  expect(out).not.toContain(`  ${1000 + EXAMPLE_MAX_LINES} | line ${EXAMPLE_MAX_LINES}`);
  // 100 kept - 40 shown + 5 dropped by the segmenter.
  expect(out.at(-1)).toBe('  … 65 more lines');
});

test('very long lines are clipped', () => {
  const r = armResult();
  r.clusters[0]!.example.lines = [{ lineNo: 1, text: 'x'.repeat(500) }];
  const [line] = renderTextExample(clusters(r)[0]!, plain).filter((l) => l.startsWith('  1 | '));
  expect(line).toBe(`  1 | ${'x'.repeat(159)}…`);
});

test('Found by a review: the heading\'s title and the who line\'s fields are clipped, as the lines are', () => {
  const r = armResult();
  const example = r.clusters[0]!.example;
  example.title = `BUG: long ${'T'.repeat(5_000)}`;
  example.hardware = 'H'.repeat(5_000);
  example.comm = 'c'.repeat(500);
  example.release = `6.1.0-${'r'.repeat(500)}`;
  const out = renderTextExample(clusters(r)[0]!, plain, 100);
  // The heading wraps at the width, the clipped title a word of its own: its lines joined again.
  const headingEnd = out.findIndex((l) => l.endsWith(' --'));
  expect(out.slice(1, headingEnd + 1).map((l) => l.trim()).join(' ')).toBe(`-- Example: BUG: long ${'T'.repeat(149)}… (lines 60-75, boot 0) --`);
  // The who line wraps at the width: its lines joined again.
  const who = out.slice(headingEnd + 1, out.findIndex((l) => / \d+ \| /.test(l))).map((l) => l.trim());
  expect(who.join(' ')).toContain(`comm ${'c'.repeat(119)}…, release 6.1.0-${'r'.repeat(113)}…,`);
  expect(who.join(' ')).toContain(`hardware ${'H'.repeat(119)}…`);
  expect(out.every((l) => l.length <= 200)).toBe(true);
});

// Found by a review: a cut example lost the Code: line, the faulting instructions a kernel developer decodes.
test('a cut example still shows its Code: and end-of-trace lines', () => {
  const r = armResult();
  const example = r.clusters[0]!.example;
  const body = Array.from({ length: 60 }, (_, i) => ({ lineNo: 1000 + i, text: `[  9.000000]  frame_${i}+0x0/0x4` }));
  example.lines = [...body, { lineNo: 1060, text: '[  9.000001] Code: d65f03c0 d503233f (b9000020) 17ffffe9' }, { lineNo: 1061, text: '[  9.000002] ---[ end trace 0000000000000000 ]---' }];
  delete example.droppedLines;
  const out = renderTextExample(clusters(r)[0]!, plain);
  expect(out.slice(-3)).toEqual([
    '  … 20 more lines (the Code: and end-of-trace lines follow)',
    '  1060 | [  9.000001] Code: d65f03c0 d503233f (b9000020) 17ffffe9',
    '  1061 | [  9.000002] ---[ end trace 0000000000000000 ]---',
  ]);
});

test('Found by a review: a cut WARNING names no Code: line it lacks, and a cut Oops shows its panic line, each run counted where it was', () => {
  const r = armResult();
  const example = r.clusters[0]!.example;
  const body = Array.from({ length: 50 }, (_, i) => ({ lineNo: 1000 + i, text: ` frame_${i}+0x0/0x4` }));
  example.lines = [...body, { lineNo: 1050, text: '---[ end trace 0000000000000000 ]---' }];
  delete example.droppedLines;
  expect(renderTextExample(clusters(r)[0]!, plain).slice(-2)).toEqual([
    '  … 10 more lines (the end-of-trace line follows)',
    '  1050 | ---[ end trace 0000000000000000 ]---',
  ]);
  example.lines = [
    ...body,
    { lineNo: 1050, text: 'Code: d65f03c0 d503233f (b9000020) 17ffffe9' },
    { lineNo: 1051, text: '---[ end trace 0000000000000000 ]---' },
    { lineNo: 1052, text: 'Kernel panic - not syncing: Oops: Fatal exception' },
    { lineNo: 1053, text: 'SMP: stopping secondary CPUs' },
    { lineNo: 1054, text: 'Kernel Offset: disabled' },
  ];
  expect(renderTextExample(clusters(r)[0]!, plain).slice(-5)).toEqual([
    '  … 10 more lines (the Code:, end-of-trace and panic lines follow)',
    '  1050 | Code: d65f03c0 d503233f (b9000020) 17ffffe9',
    '  1051 | ---[ end trace 0000000000000000 ]---',
    '  1052 | Kernel panic - not syncing: Oops: Fatal exception',
    '  … 2 more lines',
  ]);
});

test('Found by a review: a log line wider than the width goes on under its number, marked as the same line', () => {
  const r = armResult();
  const code = 'Code: 49 39 dc 75 ee 4c 89 e0 5b 5d 41 5c c3 cc cc cc cc 48 89 c8 49 89 f0 48 89 d6 48 c1 f8 30 89 c2 31 c0';
  r.clusters[0]!.example.lines = [{ lineNo: 2189, text: code }];
  const out = renderTextExample(clusters(r)[0]!, plain, 60);
  const at = out.findIndex((l) => l.startsWith('  2189 | '));
  expect(out.slice(at).every((l) => l.length <= 60)).toBe(true);
  expect(out[at + 1]).toMatch(/^ {7}: \S/);
  expect(out.slice(at).map((l) => l.slice(9)).join(' ')).toBe(code);
});

test('a splat too long to show leaves out the device messages printed between its lines first, and says how many', () => {
  const r = armResult();
  const example = r.clusters[0]!.example;
  const own = (i: number) => ({ lineNo: 1000 + i, text: `own line ${i}` });
  const foreign = (i: number) => ({ lineNo: 1000 + i, text: `sdhci-pci 0000:00:1b.0: message ${i}` });
  example.lines = Array.from({ length: 50 }, (_, i) => (i > 0 && i <= 20 ? foreign(i) : own(i)));
  const out = renderTextExample(clusters(r)[0]!, plain);
  expect(out).toContain('  (20 device messages of other drivers printed between its lines not shown)');
  expect(out.filter((l) => l.includes('sdhci-pci'))).toEqual([]);
  expect(out.filter((l) => / \| own line /.test(l))).toHaveLength(30);
  expect(out.at(-1)).toBe('  1049 | own line 49');
});

test('a splat that fits is shown whole, device messages and all', () => {
  const r = armResult();
  r.clusters[0]!.example.lines = [
    { lineNo: 1, text: 'BUG: unable to handle page fault for address: 0000000000200286' },
    { lineNo: 2, text: 'usb 2-2: reset SuperSpeed Gen 1 USB device number 2 using xhci_hcd' },
  ];
  const out = renderTextExample(clusters(r)[0]!, plain);
  expect(out).toContain('  2 | usb 2-2: reset SuperSpeed Gen 1 USB device number 2 using xhci_hcd');
  expect(out.join('\n')).not.toContain('not shown');
});
