/**
 * `vmemwarn layout` output. Layouts come from candidateLayouts, as commands-layout.ts builds them. Expected values are
 * the kernel formulas (reference §2/§3) for 48-bit VA, 4K pages (PAGE_SHIFT 12), sizeof(struct page) 64,
 * memstart 0x80000000:
 *   E3 (5.11-6.8): PAGE_OFFSET = -2^48 = 0xffff000000000000, PAGE_END = -2^47 = 0xffff800000000000,
 *       VMEMMAP_SIZE = 2^47 >> (12 - 6) = 2^41 = 0x20000000000, VMEMMAP_START = -2^(48 - 6) = 0xfffffc0000000000,
 *       VMEMMAP_END = START + SIZE = 0xfffffe0000000000, vmemmap = START - (0x80000000 >> 12) * 64 = 0xfffffbfffe000000
 *   E2 (5.4-5.10): START = -SIZE - 2 MiB = 0xfffffdffffe00000, END = START + SIZE = 0xffffffffffe00000
 *   E4 (6.9+):     END = -1 GiB = 0xffffffffc0000000, START = END - SIZE = 0xfffffdffc0000000
 */
import { analyzeText } from '../../src/api.js';
import { evidenceFromResult } from '../../src/analyze/layout-evidence.js';
import { candidateLayouts, inferLayout } from '../../src/layout/infer.js';
import { layoutTable } from '../../src/layout/layout-table.js';
import type { Layout } from '../../src/layout/types.js';
import { layoutReport } from '../../src/report/layout-report.js';
import { renderLayoutJson, renderLayoutText } from '../../src/report/render-layout.js';

const MEMSTART = 0x8000_0000n;
const SEED = { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096, memstart: MEMSTART };

interface Row {
  name: string;
  value: string;
  confidence: string;
  source: string;
}

/** Splits the text output into its layouts: heading, table rows (columns are 2+ spaces apart) and assumptions. */
function parseText(text: string): { heading: string; header: string; rows: Map<string, Row>; assumptions: string[] }[] {
  const out: { heading: string; header: string; rows: Map<string, Row>; assumptions: string[] }[] = [];
  for (const chunk of text.split(/\n\n|\n$/).filter((c) => c !== '')) {
    const [heading = '', header = '', ...rest] = chunk.split('\n');
    const rows = new Map<string, Row>();
    const assumptions: string[] = [];
    for (const line of rest) {
      if (line.startsWith('  - ')) assumptions.push(line.slice(4));
      else if (!line.startsWith('  Assumptions')) {
        const [name = '', value = '', confidence = '', source = ''] = line.trim().split(/ {2,}/);
        rows.set(name, { name, value, confidence, source });
      }
    }
    out.push({ heading, header, rows, assumptions });
  }
  return out;
}

describe('renderLayoutText', () => {
  const layouts = candidateLayouts({}, SEED);
  const text = renderLayoutText(layouts);
  const parsed = parseText(text);

  test('one block per candidate: the release picks E3, the next era E4 follows', () => {
    // 6.1 is E3 by version only, so the era a backport could bring is shown too (commands-layout uses candidateLayouts).
    expect(parsed.map((p) => p.heading)).toEqual(['Layout E3 (from 5.11)', 'Layout E4 (from 6.9)']);
    expect(text.endsWith('\n')).toBe(true);
  });

  test('the table header names the columns, indented like the rows', () => {
    expect(parsed[0]!.header).toMatch(/^ {2}name {2,}value {2,}confidence {2,}source$/);
  });

  test('columns line up: every value starts where the header says', () => {
    const lines = text.split('\n\n')[0]!.split('\n');
    const valueAt = lines[1]!.indexOf('value');
    for (const line of lines.slice(2).filter((l) => !l.startsWith('  Assumptions') && !l.startsWith('  - '))) {
      expect({ line, gap: line.slice(valueAt - 2, valueAt) }).toEqual({ line, gap: '  ' });
      expect({ line, at: line[valueAt] }).not.toEqual({ line, at: ' ' });
    }
  });

  // The values themselves are checked against the kernel formulas in test/layout/layout-table.test.ts; here, that
  // every row of the table is printed as it is, and a few seed values as a spot check.
  test('every row of layoutTable is printed with its value and confidence, in order', () => {
    const table = layoutTable(layouts[0]!);
    expect([...parsed[0]!.rows.keys()]).toEqual(table.map((r) => r.name));
    for (const r of table) expect(parsed[0]!.rows.get(r.name)).toMatchObject({ value: r.value, confidence: r.confidence });
  });

  test.each([
    ['VMEMMAP_START', '0xfffffc0000000000'],
    ['vmemmap (struct page of pfn 0)', '0xfffffbfffe000000'],
    // memstart + (PAGE_END - PAGE_OFFSET) = 0x80000000 + 2^47.
    ['linear map covers phys up to', '0x800080000000'],
  ])('E3: %s = %s', (name, value) => {
    expect(parsed[0]!.rows.get(name)?.value).toBe(value);
  });

  test('each flag is cited as the source, with high confidence', () => {
    const rows = parsed[0]!.rows;
    expect(rows.get('kernel release')).toMatchObject({ value: '6.1', confidence: 'high', source: 'user: --kernel 6.1' });
    expect(rows.get('VA_BITS')).toMatchObject({ confidence: 'high', source: 'user: --va-bits 48' });
    expect(rows.get('memstart (PHYS_OFFSET)')).toMatchObject({ confidence: 'high', source: 'user: --memstart 0x80000000' });
    expect(rows.get('VMEMMAP_START')?.source).toMatch(/^computed from /);
  });

  test.each([
    [1, 'E4', '0xfffffdffc0000000', '0xffffffffc0000000'],
  ])('alternative at index %i: %s window %s - %s, era marked low confidence', (i, era, start, end) => {
    const rows = parsed[i]!.rows;
    expect(rows.get('era')).toMatchObject({ value: era, confidence: 'low' });
    expect(rows.get('VMEMMAP_START')?.value).toBe(start);
    expect(rows.get('VMEMMAP_END')?.value).toBe(end);
    // vmemmap = START - 0x80000 * 64 = START - 0x2000000.
    expect(rows.get('vmemmap (struct page of pfn 0)')?.value).toBe(`0x${(BigInt(start) - 0x200_0000n).toString(16)}`);
  });

  test("each layout's assumptions are listed under it", () => {
    parsed.forEach((p, i) => {
      expect(p.assumptions).toEqual(layouts[i]!.assumptions);
    });
    // No --section-bits and no config: SECTION_SIZE_BITS is a version default, which is an assumption.
    expect(layouts[0]!.assumptions.length).toBeGreaterThan(0);
  });

  test('no assumptions: no Assumptions heading', () => {
    const layout: Layout = { ...inferLayout({}, { ...SEED, sectionShift: 27 }), assumptions: [] };
    expect(renderLayoutText([layout])).not.toContain('Assumptions');
  });

  test('a layout without a label is headed by its era', () => {
    expect(renderLayoutText([inferLayout({}, SEED)]).split('\n')[0]).toBe('Layout E3');
  });

  test('E1 (4.6-5.3): the linear map runs to the top, so PAGE_END reads 2^64', () => {
    // E1 48/4K: PAGE_OFFSET = 0xffffffffffffffff - 2^47 + 1 = 0xffff800000000000, START = PAGE_OFFSET - 2^41.
    const [e1] = parseText(renderLayoutText([inferLayout({}, { ...SEED, kernel: '5.0' })]));
    expect(e1!.rows.get('era')?.value).toBe('E1');
    expect(e1!.rows.get('PAGE_OFFSET')?.value).toBe('0xffff800000000000');
    expect(e1!.rows.get('PAGE_END')?.value).toBe('2^64');
    expect(e1!.rows.get('VMEMMAP_START')?.value).toBe('0xffff7e0000000000');
  });
});

describe('renderLayoutJson', () => {
  test('schemaVersion, then each layout with its label and constants as hex', () => {
    const layouts = candidateLayouts({}, SEED);
    const json = renderLayoutJson(layouts);
    expect(json.endsWith('}\n')).toBe(true);
    const body = JSON.parse(json) as { schemaVersion: string; layouts: { label: string; constants: Record<string, unknown> }[] };
    expect(body.schemaVersion).toBe('1.0.0');
    expect(body.layouts.map((l) => l.label)).toEqual(['E3 (from 5.11)', 'E4 (from 6.9)']);
    // Each layout is layoutReport's model (its values are checked in layout-report.test.ts), after the label.
    layouts.forEach((l, i) => expect(body.layouts[i]).toEqual({ label: l.label, ...JSON.parse(JSON.stringify(layoutReport(l))) }));
    expect(body.layouts[0]!.constants.vmemmapStart).toBe('0xfffffc0000000000');
  });

  test('a layout without a label is labelled by its era', () => {
    const body = JSON.parse(renderLayoutJson([inferLayout({}, SEED)])) as { layouts: { label: string }[] };
    expect(body.layouts[0]!.label).toBe('E3');
  });
});

describe('log text in the layout', () => {
  // A release line a hostile or garbled console could print: BEL, backspaces, an 8-bit CSI (U+009B) and a
  // right-to-left override. (ESC sequences are stripped by the line parser before the layout sees them.)
  const hostile = 'Linux version 6.1.0\u202eevil\u009b2J\x07\x08\x08 (gcc 12.2.0) #1 SMP PREEMPT';
  const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  let layouts: Layout[];
  beforeAll(async () => {
    const result = await analyzeText(`[    0.000000] Booting Linux on physical CPU 0x0\n[    0.000000] ${hostile}\n`);
    layouts = candidateLayouts(evidenceFromResult(result), { vaBits: 48, pageSizeBytes: 4096, memstart: MEMSTART });
  });

  test('the log line reaches the layout as the provenance of the release', () => {
    expect(layouts[0]!.release?.source.text).toContain('\u202eevil\u009b2J\x07\x08\x08');
  });

  test('the source column shows the control characters as visible escapes', () => {
    const text = renderLayoutText(layouts);
    expect(text).toContain('\\u202eevil\\x9b2J\\x07\\x08\\x08');
    const sourceColumn = text.split('\n').filter((l) => l.includes('Linux version'));
    expect(sourceColumn.length).toBeGreaterThan(0);
    for (const line of sourceColumn) expect(line.slice(line.indexOf('Linux version'))).not.toMatch(UNSAFE);
  });

  // The `kernel release` row's value is the release token read from the log (`Linux version (\S+)`): it is cleaned
  // like the source column, as renderText (the analyze report) cleans every string.
  test('text output carries no control or bidi characters at all (kernel release value included)', () => {
    expect(renderLayoutText(layouts)).not.toMatch(UNSAFE);
  });

  test('JSON escapes C0 controls and parses back to the log text', () => {
    const json = renderLayoutJson(layouts);
    expect(json).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    const body = JSON.parse(json) as { layouts: { release: { value: string; source: { text: string } } }[] };
    expect(body.layouts[0]!.release.source.text).toBe(layouts[0]!.release?.source.text);
  });
});
