/**
 * `vmemwarn explain` output. Layouts come from plausibleLayouts, as commands-explain.ts builds them. Numbers follow
 * the seed thread (reference §3, §4.1): E3, 48-bit VA, 4K pages, memstart 0x80000000, sizeof(struct page) = 64:
 *   VMEMMAP_START = -(1 << (48 - (12 - 6)))                  = 0xfffffc0000000000
 *   VMEMMAP_END   = START + ((-(1 << 47)) - (-(1 << 48))) >> 6 = START + 2^41 = 0xfffffe0000000000
 *   vmemmap       = START - (0x80000000 >> 12) * 64          = 0xfffffbfffe000000
 *   pfn(0xffffffffaee00000) = (0xffffffffaee00000 - vmemmap) / 64 = 0xffec38000, phys = pfn << 12 = 0xffec38000000
 *   the linear map covers phys [memstart, memstart + 2^47) = [0x80000000, 0x800080000000): phys is outside it.
 */
import { SECTION_SHIFT_ASSUMPTION } from '../../src/layout/constants.js';
import { analyzeText } from '../../src/api.js';
import { evidenceFromResult } from '../../src/analyze/layout-evidence.js';
import { explainValue, type Explanation, type ValueKind } from '../../src/layout/explain.js';
import { plausibleLayouts } from '../../src/layout/infer.js';
import { renderExplainJson, renderExplainText } from '../../src/report/render-explain.js';
import { makeLayout } from '../analyze/vmemmap/make-layout.js';

const MEMSTART = 0x8000_0000n;
const SEED = { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096, memstart: MEMSTART };
const SEED_PAGE = 0xffff_ffff_aee0_0000n;
const SEED_PFN = 0xf_fec3_8000n;

const ROW_NAMES = ['struct page', 'pfn', 'phys', 'linear-map VA', 'vmemmap window', 'vmemmap (pfn 0)', 'position', 'WARN'];
/** formatTable pads the first column to its widest cell ('vmemmap (pfn 0)', 15) and joins columns with 2 spaces. */
const NAME_WIDTH = Math.max(...ROW_NAMES.map((n) => n.length));
const row = (name: string, value: string): string => `  ${name.padEnd(NAME_WIDTH)}  ${value}`;

function explain(kind: ValueKind, value: bigint, overrides: Parameters<typeof plausibleLayouts>[1]) {
  const explanations = explainValue(kind, value, plausibleLayouts({}, overrides));
  return { explanations, text: renderExplainText(kind, value, explanations) };
}

/** The table rows of the block under `label`, by row name. */
function block(text: string, label: string): Map<string, string> {
  const lines = text.split('\n');
  const start = lines.indexOf(`Under ${label}:`);
  expect(start).toBeGreaterThan(0);
  const rows = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (line === '' || line.startsWith('Under ')) break;
    const name = ROW_NAMES.find((n) => line.startsWith(`  ${n.padEnd(NAME_WIDTH)}  `));
    if (name !== undefined) rows.set(name, line.slice(2 + NAME_WIDTH + 2));
  }
  return rows;
}

describe('renderExplainText', () => {
  test('the seed page under the one layout its release picks: the whole output', () => {
    const { explanations, text } = explain('addr', SEED_PAGE, SEED);
    expect(explanations).toHaveLength(1);
    const [e] = explanations;
    expect(text).toBe(
      [
        'struct page 0xffffffffaee00000',
        '',
        // 6.1 is in E3 (5.11 - 6.8), labelled with the era's first release.
        'Under E3 (from 5.11):',
        row('struct page', '0xffffffffaee00000'),
        row('pfn', '0xffec38000'),
        row('phys', '0xffec38000000'),
        row('linear-map VA', '(not in the linear map)'),
        row('vmemmap window', '0xfffffc0000000000 - 0xfffffe0000000000'),
        row('vmemmap (pfn 0)', '0xfffffbfffe000000'),
        // END <= page < 2^64: the `end > VMEMMAP_END` arm.
        row('position', 'above the vmemmap window'),
        row('WARN', 'WARN fires: end > VMEMMAP_END'),
        ...e!.labels.map((l) => `  note: ${l}`),
        // SECTION_SIZE_BITS plays no part in one value's answer: that assumption is not shown.
        ...e!.layout.assumptions.filter((a) => a !== SECTION_SHIFT_ASSUMPTION).map((a) => `  assumed: ${a}`),
      ].join('\n') + '\n',
    );
    expect(e!.layout.assumptions).toContain(SECTION_SHIFT_ASSUMPTION);
    // explainValue's labels for this page: where it sits, and that its phys is beyond the linear map, which covers
    // memstart to memstart + 2^47.
    expect(e!.labels).toHaveLength(2);
    expect(e!.labels[1]).toBe('physical address outside the linear map, which covers phys 0x80000000-0x800080000000');
  });

  test.each<[ValueKind, bigint, string]>([
    ['addr', SEED_PAGE, 'struct page 0xffffffffaee00000'],
    ['pfn', SEED_PFN, 'pfn 0xffec38000'],
    ['phys', SEED_PFN << 12n, 'phys 0xffec38000000'],
  ])('the first line names the %s input', (kind, value, first) => {
    const { text } = explain(kind, value, SEED);
    expect(text.split('\n')[0]).toBe(first);
    // The same struct page whichever way it was given.
    expect(block(text, 'E3 (from 5.11)').get('struct page')).toBe('0xffffffffaee00000');
    expect(block(text, 'E3 (from 5.11)').get('pfn')).toBe('0xffec38000');
  });

  test('a physical address in RAM: inside the window, with its linear-map VA and no notes', () => {
    const { explanations, text } = explain('phys', 0x9000_0000n, SEED);
    const rows = block(text, 'E3 (from 5.11)');
    // pfn = 0x90000000 >> 12 = 0x90000; page = vmemmap + 0x90000 * 64 = 0xfffffbfffe000000 + 0x2400000.
    expect(rows.get('pfn')).toBe('0x90000');
    expect(rows.get('struct page')).toBe('0xfffffc0000400000');
    // __phys_to_virt: (phys - PHYS_OFFSET) | PAGE_OFFSET = 0x10000000 | 0xffff000000000000.
    expect(rows.get('linear-map VA')).toBe('0xffff000010000000');
    expect(rows.get('position')).toContain('inside the vmemmap window');
    expect(rows.get('WARN')).toMatch(/^no WARN/);
    expect(explanations[0]!.labels).toEqual([]);
    expect(text).not.toContain('note:');
  });

  test('without a kernel version: one block per era that has the WARN (E2, E3, E4), said so up front', () => {
    const { explanations, text } = explain('pfn', SEED_PFN, { memstart: MEMSTART });
    const lines = text.split('\n');
    expect(lines[1]).toBe('No kernel version known: the answer under each era that has the WARN.');
    // Eras' first releases: E2 5.4, E3 5.11, E4 6.9 (reference §2).
    expect(lines.filter((l) => l.startsWith('Under '))).toEqual(['Under E2 (from 5.4):', 'Under E3 (from 5.11):', 'Under E4 (from 6.9):']);
    expect(explanations).toHaveLength(3);
    const e4 = block(text, 'E4 (from 6.9)');
    // E4 48/4K: END = -1 GiB, START = END - 2 TiB; vmemmap = START - 0x80000 * 64.
    expect(e4.get('vmemmap window')).toBe('0xfffffdffc0000000 - 0xffffffffc0000000');
    expect(e4.get('vmemmap (pfn 0)')).toBe('0xfffffdffbe000000');
    // 0xfffffdffbe000000 + 0xffec38000 * 64 = 2^64 + 0x1ff6ee00000: wrapped into the user half, below START.
    expect(e4.get('struct page')).toBe('0x1ff6ee00000');
    expect(e4.get('position')).toContain('wrapped past 2^64');
    expect(e4.get('WARN')).toBe('WARN fires: start < VMEMMAP_START');
    // E3 keeps the seed answer.
    expect(block(text, 'E3 (from 5.11)').get('struct page')).toBe('0xffffffffaee00000');
  });

  test('one layout: no "No kernel version known" line', () => {
    expect(explain('addr', SEED_PAGE, SEED).text).not.toContain('No kernel version known');
  });

  describe('each position and WARN arm reads as the WARN condition says', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    const base: Explanation = {
      label: 'E3',
      layout,
      page: SEED_PAGE,
      pfn: SEED_PFN,
      phys: SEED_PFN << 12n,
      exact: true,
      position: 'inside',
      wrapped: false,
      warnArm: 'none',
      warnInEra: 'yes',
      memstartDependent: ['pfn', 'phys', 'vmemmapBase'],
      labels: [],
    };
    test.each<[Explanation['position'], RegExp]>([
      ['inside', /inside the vmemmap window/],
      ['below-window', /^below the vmemmap window/],
      ['above-window', /^above the vmemmap window/],
      ['wraps-to-user', /wrapped past 2\^64 into the user half/],
      ['straddles', /straddles the window edge/],
    ])('position %s', (position, text) => {
      const rows = block(renderExplainText('addr', SEED_PAGE, [{ ...base, position }]), 'E3');
      expect(rows.get('position')).toMatch(text);
    });

    test.each<[Explanation['warnArm'], RegExp]>([
      // WARN_ON((start < VMEMMAP_START) || (end > VMEMMAP_END)) in arch/arm64/mm/mmu.c.
      ['start-below', /^WARN fires: start < VMEMMAP_START$/],
      ['end-above', /^WARN fires: end > VMEMMAP_END$/],
      ['none', /^no WARN/],
    ])('WARN arm %s', (warnArm, text) => {
      const rows = block(renderExplainText('addr', SEED_PAGE, [{ ...base, warnArm }]), 'E3');
      expect(rows.get('WARN')).toMatch(text);
    });

    test.each<[Explanation['warnInEra'], RegExp]>([
      // vmemmap_free's WARN came with arm64 memory hot-remove (bbd6ec605c0f, 5.7), vmemmap_populate's with
      // edb739eed8f3 (5.12).
      ['free-only', /^vmemmap_free warns from 5\.7 \(bbd6ec605c0f\) \(end > VMEMMAP_END\); vmemmap_populate only from 5\.12 \(edb739eed8f3\)$/],
      ['no', /^no WARN in these kernels \(end > VMEMMAP_END; the check came with memory hot-remove, 5\.7 \(bbd6ec605c0f\)\)$/],
    ])('outside the window in an era whose kernels have %s WARN', (warnInEra, text) => {
      const rows = block(renderExplainText('addr', SEED_PAGE, [{ ...base, warnArm: 'end-above', warnInEra }]), 'E3');
      expect(rows.get('WARN')).toMatch(text);
    });

    test('the layout\'s assumptions follow the notes, so an assumed memstart is not read as a fact', () => {
      const assumed = { ...base, layout: { ...layout, assumptions: ['memstart (PHYS_OFFSET) is unknown: pfns and physical addresses are relative to memstart 0'] } };
      const text = renderExplainText('addr', SEED_PAGE, [assumed]);
      // Said as it holds for this explanation: which of its values depend on memstart.
      expect(text.endsWith('  assumed: memstart (PHYS_OFFSET) is unknown, taken as 0x80000000; what depends on it: pfn, phys, vmemmap (pfn 0); the rest is exact\n')).toBe(true);
    });

    // Found by review: `pfn 0xffebb8000` under an unknown memstart read as this machine's pfn (the thread's is
    // 0xffec38000), and a VA size and page size nothing gave were not said in text.
    test('pfn and phys under an assumed memstart say so on their rows; defaulted VA and page sizes are assumptions', () => {
      const defaulted = <T>(value: T, text: string) => ({ value, source: { kind: 'default' as const, text }, confidence: 'low' as const });
      const guess = {
        ...base,
        layout: { ...layout, memstart: defaulted(0n, 'no memory map'), vaBits: defaulted(48, 'no VA size known: assuming 48-bit'), pageShift: defaulted(12, 'no page size known: assuming 4K') },
      };
      const text = renderExplainText('addr', SEED_PAGE, [guess]);
      const rows = block(text, 'E3');
      expect(rows.get('pfn')).toMatch(/ \(relative: memstart unknown, taken as 0x0\)$/);
      expect(rows.get('phys')).toMatch(/ \(relative: memstart unknown, taken as 0x0\)$/);
      expect(text).toContain('  assumed: no VA size known: assuming 48-bit\n  assumed: no page size known: assuming 4K\n');
      // A memstart from the log or a flag: no such suffix.
      expect(block(renderExplainText('addr', SEED_PAGE, [base]), 'E3').get('pfn')).not.toContain('relative');
    });

    // Found by a review: `explain pfn:0xffec38000 --kernel 6.1` without a memstart marked the pfn and phys it was given
    // as relative and left the struct page (vmemmap + pfn, vmemmap from the assumed memstart) unmarked; up to 4.4
    // vmemmap is indexed by absolute pfn, yet a page's pfn and phys were marked relative.
    test('under an unknown memstart, exactly the values that depend on it are marked, per direction and era (Found by a review)', () => {
      const byPfn = explain('pfn', SEED_PFN, { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096 });
      const rows = block(byPfn.text, 'E3 (from 5.11)');
      // memstart taken as 0: vmemmap = VMEMMAP_START = 0xfffffc0000000000; page = vmemmap + 0xffec38000 * 64
      // = 0xfffffc0000000000 + 0x3ffb0e00000 = 0xffffffffb0e00000.
      expect(rows.get('pfn')).toBe('0xffec38000');
      expect(rows.get('phys')).toBe('0xffec38000000');
      expect(rows.get('struct page')).toBe('0xffffffffb0e00000 (depends on memstart: unknown, taken as 0x0)');
      expect(rows.get('vmemmap (pfn 0)')).toBe('0xfffffc0000000000 (depends on memstart: unknown, taken as 0x0)');
      expect(rows.get('position')).toBe('above the vmemmap window (depends on memstart: unknown, taken as 0x0)');
      expect(rows.get('WARN')).toBe('WARN fires: end > VMEMMAP_END (depends on memstart: unknown, taken as 0x0)');
      expect(rows.get('linear-map VA')).toBe('(not in the linear map) (depends on memstart: unknown, taken as 0x0)');
      expect(byPfn.text).toContain(
        '  assumed: memstart (PHYS_OFFSET) is unknown, taken as 0x0; what depends on it: struct page, linear-map VA, vmemmap (pfn 0), position, WARN; the rest is exact\n',
      );
      expect(byPfn.text).not.toContain('relative');

      // 4.4, 39-bit/4K (E0): VMEMMAP_START = PAGE_OFFSET - PUD_SIZE - ALIGN(2^(39-12) * 64, 1G)
      // = 0xffffffc000000000 - 0x40000000 - 0x200000000 = 0xffffffbdc0000000 = vmemmap (absolute pfn);
      // pfn = 0x2000000 / 64 = 0x80000, phys = 0x80000000; linear-map VA = (phys - memstart) | PAGE_OFFSET.
      const e0 = block(explain('addr', 0xffff_ffbd_c200_0000n, { kernel: '4.4', vaBits: 39, pageSizeBytes: 4096 }).text, 'E0 (up to 4.4)');
      expect(e0.get('pfn')).toBe('0x80000');
      expect(e0.get('phys')).toBe('0x80000000');
      expect(e0.get('vmemmap (pfn 0)')).toBe('0xffffffbdc0000000');
      expect(e0.get('linear-map VA')).toBe('0xffffffc080000000 (depends on memstart: unknown, taken as 0x0)');

      // From a struct page on 5.11+, pfn and phys are relative; the linear-map VA, an offset from memstart either
      // way, is not marked.
      const byPage = block(explain('addr', 0xffff_fc00_0040_0000n, { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096 }).text, 'E3 (from 5.11)');
      // (0xfffffc0000400000 - 0xfffffc0000000000) / 64 = 0x10000; phys 0x10000000; VA = 0x10000000 | PAGE_OFFSET.
      expect(byPage.get('pfn')).toBe('0x10000 (relative: memstart unknown, taken as 0x0)');
      expect(byPage.get('phys')).toBe('0x10000000 (relative: memstart unknown, taken as 0x0)');
      expect(byPage.get('linear-map VA')).toBe('0xffff000010000000');
      expect(byPage.get('struct page')).toBe('0xfffffc0000400000');
    });

    test('a block is headed by the explanation\'s label, and every label becomes a note', () => {
      const text = renderExplainText('addr', SEED_PAGE, [{ ...base, label: 'my guess', labels: ['first', 'second'] }]);
      expect(text).toContain('\nUnder my guess:\n');
      expect(text.endsWith('  note: first\n  note: second\n')).toBe(true);
    });

    test('a negative value is shown as its u64 two\'s complement, as the kernel prints it', () => {
      const text = renderExplainText('addr', -1n, [{ ...base, page: -0x1000n }]);
      expect(text.split('\n')[0]).toBe('struct page 0xffffffffffffffff');
      // 2^64 - 0x1000.
      expect(block(text, 'E3').get('struct page')).toBe('0xfffffffffffff000');
    });
  });
});

describe('renderExplainJson', () => {
  interface ExplainJson {
    schemaVersion: string;
    input: { kind: string; value: string };
    explanations: Record<string, unknown>[];
  }
  const parse = (s: string): ExplainJson => JSON.parse(s) as ExplainJson;

  test('the seed page: hex strings, no linearVa key outside the linear map, the layout it was read under', () => {
    const { explanations } = explain('addr', SEED_PAGE, SEED);
    const json = renderExplainJson('addr', SEED_PAGE, explanations);
    expect(json.endsWith('}\n')).toBe(true);
    const body = parse(json);
    expect(body.schemaVersion).toBe('1.1.0');
    expect(body.input).toEqual({ kind: 'addr', value: '0xffffffffaee00000' });
    expect(body.explanations).toHaveLength(1);
    const [e] = body.explanations;
    expect(e).toMatchObject({
      label: 'E3 (from 5.11)',
      page: '0xffffffffaee00000',
      pfn: '0xffec38000',
      phys: '0xffec38000000',
      exact: true,
      position: 'above-window',
      wrapped: false,
      warnArm: 'end-above',
      // From a struct page, under E3: (page - vmemmap) / 64 and pfn << 12 and vmemmap itself.
      memstartDependent: ['pfn', 'phys', 'vmemmapBase'],
      labels: explanations[0]!.labels,
    });
    expect(e).not.toHaveProperty('linearVa');
    expect(e?.layout).toMatchObject({
      era: { value: 'E3' },
      memstart: { value: '0x80000000', source: { kind: 'user' }, confidence: 'high' },
      constants: { vmemmapStart: '0xfffffc0000000000', vmemmapEnd: '0xfffffe0000000000', vmemmapBase: '0xfffffbfffe000000' },
    });
  });

  test('linearVa appears when the linear map covers the address', () => {
    const { explanations } = explain('phys', 0x9000_0000n, SEED);
    const [e] = parse(renderExplainJson('phys', 0x9000_0000n, explanations)).explanations;
    expect(e).toMatchObject({ pfn: '0x90000', phys: '0x90000000', linearVa: '0xffff000010000000', position: 'inside', warnArm: 'none' });
  });
});

describe('log text in the layout', () => {
  // A release line as a hostile or garbled console could print it: BEL, backspaces, an 8-bit CSI (U+009B) and a
  // right-to-left override.
  const hostile = 'Linux version 6.1.0\u202eevil\u009b2J\x07\x08\x08 (gcc 12.2.0) #1 SMP PREEMPT';
  let explanations: Explanation[];
  beforeAll(async () => {
    const result = await analyzeText(`[    0.000000] Booting Linux on physical CPU 0x0\n[    0.000000] ${hostile}\n`);
    const layouts = plausibleLayouts(evidenceFromResult(result), { memstart: MEMSTART, vaBits: 48, pageSizeBytes: 4096 });
    explanations = explainValue('addr', SEED_PAGE, layouts);
  });

  test('the release read from the log reaches the layout (so the renderers do see log text)', () => {
    expect(explanations[0]!.layout.release?.source.text).toContain('\u202eevil');
  });

  test('text output carries no control or bidi characters', () => {
    const text = renderExplainText('addr', SEED_PAGE, explanations);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  test('JSON escapes C0 controls and parses back to the log text', () => {
    const json = renderExplainJson('addr', SEED_PAGE, explanations);
    expect(json).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    const layout = (JSON.parse(json) as { explanations: { layout: { release: { source: { text: string } } } }[] }).explanations[0]!.layout;
    expect(layout.release.source.text).toBe(explanations[0]!.layout.release?.source.text);
  });
});
