import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/api.js';
import { UsageError } from '../../src/errors.js';
import { buildReport } from '../../src/report/model.js';
import { renderText, renderTextChunks } from '../../src/report/render-text.js';
import { ATTACKS, hostileResult } from './attack.js';
import { armResult, quietResult, TOOL } from './fixtures.js';
import { linesOverWidth } from './fits-width.js';

const text = renderText(buildReport([armResult(), quietResult()], { tool: TOOL }), { colour: false });
const lines = text.split('\n');

describe('renderText', () => {
  test('headline and per-input summary lines', () => {
    expect(lines[0]).toBe('vmemwarn 9.9.9-test: 4 splats in 2 clusters, 1 vmemmap');
    expect(text).toContain('== hubbard-dmesg.txt ==\narm64, 1 boot, 250 lines, 4 splats in 2 clusters, 1 vmemmap, 1 corrupted\n');
    expect(text).toContain('== quiet.log.gz ==\nunknown, 1 boot, 10 lines, 0 splats in 0 clusters, 0 vmemmap, 1 truncated line\n');
    expect(text).toContain('warning: line 7 was cut at 65536 bytes\nNo kernel splats found.\n');
  });

  test('cluster table with count, kind, id, lines and title', () => {
    const header = lines.findIndex((l) => l.trim().startsWith('COUNT'));
    expect(lines[header]?.trim().split(/\s{2,}/)).toEqual(['COUNT', 'KIND', 'ID', 'LINES', 'TITLE']);
    expect(lines[header + 1]?.trim().split(/\s{2,}/)).toEqual(['3', 'warning', '1f2e3d4c5b6a7988', '60-120', 'WARNING in vmemmap_populate']);
    expect(lines[header + 2]?.trim().split(/\s{2,}/)).toEqual(['1', 'bug', '0a0b0c0d0e0f1011', '200-206', 'BUG: unable to handle kernel paging request in foo_read']);
  });

  test('vmemmap explanation: ranges, position, WARN arm, next steps', () => {
    expect(text).toContain('-- vmemmap_populate: WARNING in vmemmap_populate [1f2e3d4c5b6a7988] --');
    expect(text).toMatch(/ struct pages +\[0xffffffffaee00000, 0xffffffffaf400000\)\n/);
    expect(text).toMatch(/ PFNs +\[0xffec38000, 0xffec50000\)\n/);
    // 0x18000000 bytes = 3 sections of 2^27 bytes = 384 MiB.
    expect(text).toMatch(/ physical +\[0xffec38000000, 0xffec50000000\) \(384 MiB\)\n/);
    expect(text).toMatch(/ WARN arm +end > VMEMMAP_END\n/);
    expect(text).toMatch(/ registers +start x0 = 0xffffffffaee00000, end x1 = 0xffffffffaf000000 \(high\)/);
    expect(text).toContain('    1. Check CONFIG_DEVICE_PRIVATE users (HMM drivers).\n    2. Pick a physical range below 0x800080000000.\n');
  });

  test('layout table says where each number came from', () => {
    const row = (name: string) => lines.find((l) => l.trim().startsWith(name))?.trim().split(/\s{2,}/);
    expect(row('VA_BITS ')).toEqual(['VA_BITS', '48', 'high', 'register x21, line 70']);
    expect(lines[lines.findIndex((l) => l.trim().startsWith('VA_BITS ')) + 1]).toBe('      "x21 equals VMEMMAP_END of a 48-bit layout"');
    expect(row('sizeof(struct page)')).toEqual(['sizeof(struct page)', '64 bytes', 'medium', 'default']);
    expect(row('VMEMMAP_START')).toEqual(['VMEMMAP_START', '0xfffffc0000000000']);
  });

  test('example splat with numbered lines', () => {
    expect(text).toContain('-- Example: WARNING in vmemmap_populate (lines 60-75, boot 0) --');
    expect(text).toContain('  71 | x1 : ffffffffaf000000 x0 : ffffffffaee00000\n');
  });

  test('no escape sequences without colour', () => {
    expect(text).not.toContain('\x1b');
  });

  test('colour: bold headline and SGR sequences only', () => {
    const coloured = renderText(buildReport([hostileResult()], { tool: TOOL }), { colour: true });
    expect(coloured.startsWith('\x1b[1mvmemwarn 9.9.9-test')).toBe(true);
    expect(coloured.replace(/\x1b\[\d+m/g, '')).not.toContain('\x1b');
  });
});

describe('renderText of hostile log text', () => {
  const out = renderText(buildReport([hostileResult()], { tool: TOOL }), { colour: false });

  test('control characters from the log are shown escaped, never sent raw', () => {
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(out).toContain('comm \\x1b]0;pwned\\x07\\x1b[31mred\\x1b[0m\\x0d\\x9b2J\\u202eevil');
  });

  test('every log string is sanitized: source, warnings, title, diagnosis, evidence', () => {
    expect(out).toContain(`== evil ${ATTACKS.script}.log ==`);
    expect(out.match(/\\x1b\]0;pwned/g)?.length).toBeGreaterThanOrEqual(6);
  });
});

test('a log of 200 000 clusters renders (regression: the table and its lines went through spread calls)', () => {
  const result = armResult();
  const one = result.clusters[1]!;
  result.clusters = Array.from({ length: 200_000 }, (_, i) => ({ ...one, id: i.toString(16).padStart(16, '0') }));
  const out = renderText(buildReport([result], { tool: TOOL }), { colour: false });
  expect(out).toContain('in 200000 clusters');
  expect(out).toContain((199_999).toString(16).padStart(16, '0'));
});

test('the boot count is the log\'s, not the number of boots listed', () => {
  const result = armResult();
  result.stats.boots = 5000;
  expect(renderText(buildReport([result], { tool: TOOL }))).toContain('arm64, 5000 boots, 250 lines');
});

// Found by a review: a log of reboots into the same storm printed the same finding once per boot.
test('a finding the later boots repeat is printed once, naming them', async () => {
  const log = readFileSync(path.resolve(process.cwd(), 'samples/logs/e4-48-4k-amdgpu-6.10-warn-then-oops.log'), 'utf8');
  const result = await analyzeText(Array.from({ length: 3 }, () => log).join(''), { name: 'storm.log' });
  const text = renderText(buildReport([result], { tool: TOOL }));
  expect(text.split('\n')[0]).toBe(`vmemwarn 9.9.9-test: ${result.stats.splats} splats in 2 clusters, 2 vmemmap, 3 Oopses`);
  expect(text.match(/^-- (vmemmap_populate|memmap_init_zone_device): /gm)).toHaveLength(2);
  expect(text.match(/^ {2}The same finding, but for line numbers, in 2 more boots: 1–2\.$/gm)).toHaveLength(2);
  expect(text.match(/^-- Example: /gm)).toHaveLength(2);
});

// Found by a review: the cluster table cut titles at 70 characters (`… in drm_setversi…`, boot__orangepi5 in
// ../shared/corpus) and its rows still took 109-121 columns (samples/logs/e4-48-4k-amdgpu-6.10-warn-then-oops.log):
// on an 80- or 100-column terminal the ID and LINES columns wrapped. The title is now the last column, whole, wrapped
// within it.
describe('Found by a review: the cluster table shows whole titles and fits the width', () => {
  const title = 'BUG: unable to handle kernel NULL pointer dereference in drm_setversion';
  const result = armResult();
  result.clusters[1]!.title = title;
  const report = buildReport([result], { tool: TOOL });

  test.each([60, 80, 100])('at %i columns', (width) => {
    const out = renderText(report, { width }).split('\n');
    const row = out.findIndex((l) => / 0a0b0c0d0e0f1011 /.test(l));
    // The row, then the title's other lines, indented, up to the next row or the end of the table.
    const next = out.findIndex((l, i) => i > row && (l === '' || /^ +\d+ {2}\S/.test(l)));
    const cells = out.slice(row, next).map((l) => l.trim()).join(' ');
    expect(cells.endsWith(title)).toBe(true);
    expect(out.slice(out.findIndex((l) => l.trim().startsWith('COUNT')), next).every((l) => l.length <= width)).toBe(true);
  });

  test('every line of each sample\'s report fits 60, 80 and 100 columns, but for a word too long', async () => {
    const dir = path.resolve(process.cwd(), 'samples/logs');
    for (const file of readdirSync(dir)) {
      const report = buildReport([await analyzeText(readFileSync(path.join(dir, file), 'utf8'), { name: file })], { tool: TOOL });
      for (const width of [60, 80, 100]) expect({ file, width, over: linesOverWidth(renderText(report, { width }), width) }).toEqual({ file, width, over: [] });
    }
  });
});

// Found by an audit embedding the library: `colour` misspelt as the CLI's `--color` rendered without colour, and a
// width of 'wide', 10 or -5 passed, though at least 60 is documented.
describe('renderText options', () => {
  const report = buildReport([armResult()], { tool: TOOL });

  test.each([
    [{ color: true }, "unknown option 'color' (did you mean 'colour'?)"],
    [{ width: 'wide' }, "width must be a whole number of at least 60, not the string 'wide'"],
    [{ width: 10 }, 'width must be a whole number of at least 60, not the number 10'],
    [{ width: -5 }, 'width must be a whole number of at least 60, not the number -5'],
    [{ width: 80.5 }, 'width must be a whole number of at least 60, not the number 80.5'],
    [{ colour: 'yes' }, "colour must be a boolean, not the string 'yes'"],
    [null, 'options must be an object, not null'],
  ])('%o is a usage error', (opts, message) => {
    expect(() => renderText(report, opts as never)).toThrow(new UsageError(`renderText: ${message}`));
    expect(() => renderTextChunks(report, opts as never)).toThrow(new UsageError(`renderTextChunks: ${message}`));
  });

  test('60 columns and more render', () => {
    expect(renderText(report, { width: 60 })).toContain('== ');
    expect(renderText(report, { width: 200, colour: false })).toBe(renderText(report, { width: 200 }));
  });
});

describe('renderTextChunks', () => {
  test('the headline, a piece per input, a last line break: renderText’s text', () => {
    const report = buildReport([armResult(), hostileResult(), quietResult()], { tool: TOOL });
    for (const opts of [{}, { colour: true }, { width: 60 }]) {
      const pieces = [...renderTextChunks(report, opts)];
      expect(pieces.join('')).toBe(renderText(report, opts));
      expect(pieces).toHaveLength(report.inputs.length + 2);
      expect(pieces.at(-1)).toBe('\n');
    }
    const pieces = [...renderTextChunks(report)];
    expect(pieces[0]).toBe('vmemwarn 9.9.9-test: 8 splats in 4 clusters, 2 vmemmap');
    expect(pieces[1]!.startsWith('\n\n== hubbard-dmesg.txt ==\n')).toBe(true);
    // Each input's strings are sanitized in its own piece.
    expect(pieces[2]).toContain(`== evil ${ATTACKS.script}.log ==`);
    expect(pieces[2]).not.toContain('\x1b');
  });

  test('each input’s piece is made when it is asked for', () => {
    const report = buildReport([armResult(), quietResult()], { tool: TOOL });
    const pieces = renderTextChunks(report)[Symbol.iterator]();
    pieces.next();
    pieces.next();
    report.inputs[1]!.source = 'renamed after the first input was written';
    expect(pieces.next().value).toContain('== renamed after the first input was written ==');
  });

  test('a bad report or option is a UsageError at the call, before any piece', () => {
    const report = buildReport([armResult()], { tool: TOOL });
    expect(() => renderTextChunks(report, { width: 10 })).toThrow(UsageError);
    expect(() => renderTextChunks({} as never)).toThrow(UsageError);
  });
});
