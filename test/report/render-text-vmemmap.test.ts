import { palette } from '../../src/report/colour.js';
import { buildReport } from '../../src/report/model.js';
import { renderTextVmemmap } from '../../src/report/render-text-vmemmap.js';
import { armResult, TOOL } from './fixtures.js';

const cluster = () => buildReport([armResult()], { tool: TOOL }).inputs[0]!.clusters[0]!;

test('sections in order: verdict, diagnosis, facts, layout, constants, next steps, notes', () => {
  const c = cluster();
  const out = renderTextVmemmap(c, c.vmemmap[0]!, palette(false)).join('\n');
  const order = ['-- vmemmap_populate:', 'Diagnosis:', '\n  struct pages ', 'Layout (where', 'Derived constants', 'Assumptions', 'Next steps', 'Notes'];
  const positions = order.map((s) => out.indexOf(s));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test('without a layout or a range it says what is missing', () => {
  const c = cluster();
  const v = c.vmemmap[0]!;
  delete v.layout;
  delete v.pageHull;
  const out = renderTextVmemmap(c, v, palette(false));
  expect(out).toContain('  Layout: not inferred; give it with --kernel, --va-bits, --page-size and --memstart.');
  expect(out.join(' ').replace(/\s+/g, ' ')).toContain('the register dumps did not give a struct page range (3 of 3 read).');
  expect(out.some((l) => l.trim().startsWith('struct pages'))).toBe(false);
  // Found by an audit: `wrapped  no` read as a finding about pages no register gave.
  expect(out.some((l) => l.trim().startsWith('wrapped'))).toBe(false);
});

test('long fact values wrap under their column; evidence wraps under its row, and a very long one is clipped', () => {
  const c = cluster();
  const v = c.vmemmap[0]!;
  v.consequence = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
  v.layout!.release!.source.text = Array.from({ length: 30 }, (_, i) => `clause${i}`).join(' ');
  const out = renderTextVmemmap(c, v, palette(false), 80);
  const at = out.findIndex((l) => l.trimStart().startsWith('consequence'));
  const valueColumn = out[at]!.indexOf('word0');
  expect(out[at + 1]!.indexOf('word')).toBe(valueColumn);
  // Found by a review: the layout table ran to 156 columns on an 80-column terminal, and then to 81 (its source
  // column wraps now).
  expect(out.every((l) => l.length <= 80)).toBe(true);
  const release = out.findIndex((l) => l.trim().startsWith('kernel release'));
  expect(out.slice(release + 1).find((l) => l.startsWith('      "'))).toMatch(/^ {6}"clause0 clause1 /);
  expect(out.slice(release + 1).find((l) => l.includes('clause29'))).toMatch(/clause29"$/);
  v.layout!.release!.source.text = 'x'.repeat(500);
  const clipped = renderTextVmemmap(c, v, palette(false));
  expect(clipped).toContain(`      "${'x'.repeat(399)}…"`);
});

test('a negative start step reads signed; the size of several ranges says it is their sum, not the hull span', () => {
  const c = cluster();
  const v = c.vmemmap[0]!;
  v.startStep = '0xfffffffffff80000';
  v.pageRanges = [v.pageRanges[0]!, v.pageRanges[0]!];
  v.physSizeBytes = '0x400000';
  const out = renderTextVmemmap(c, v, palette(false));
  expect(out.find((l) => l.trimStart().startsWith('start step'))).toContain('-0x80000 (512 KiB of memmap per splat, each below the one before)');
  expect(out.find((l) => l.trimStart().startsWith('physical'))).toContain('(4 MiB in 2 ranges)');
});

// Found by review: prose wrapped at 100 columns whatever the terminal, and an 80-column one wrapped it again.
test('Found by a review: prose wraps at the width given, and the tables fit it too', () => {
  const c = cluster();
  const v = c.vmemmap[0]!;
  v.consequence = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
  const wide = renderTextVmemmap(c, v, palette(false), 100);
  // The layout table, at 100 columns one line a row, took more than 70.
  expect(wide.some((l) => l.length > 70 && l.trim().startsWith('VA_BITS'))).toBe(true);
  const out = renderTextVmemmap(c, v, palette(false), 70);
  expect(out.filter((l) => l.length > 70)).toEqual([]);
  // Its source column, too narrow beside the others, goes under each row.
  const row = out.findIndex((l) => l.trim().startsWith('VA_BITS'));
  expect(out[row]!.trim().split(/\s{2,}/)).toEqual(['VA_BITS', '48', 'high']);
  expect(out[row + 1]).toBe('        register x21, line 70');
});

test('a constant register of another layout than the one taken says so', () => {
  const c = cluster();
  const v = c.vmemmap[0]!;
  v.example!.constantRegs = [{ reg: 'x5', constant: 'VMEMMAP_END', form: 'exact', value: '0xffffffff00000000', layouts: ['E3 39/4K'] }];
  const out = renderTextVmemmap(c, v, palette(false)).join(' ').replace(/\s+/g, ' ');
  expect(out).toContain('x5 = 0xffffffff00000000 is VMEMMAP_END (exact) of E3 39/4K: not the layout taken (E3 48/4K)');
});
