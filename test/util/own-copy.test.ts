import { ownCopy, ownDeepCopy } from '../../src/util/own-copy.js';
import { cutFromMiB, heapHeldBy } from './held-heap.js';

/** 16 strings of 40 characters, each cut from its own 1 MiB string, kept through `keep`. */
function sixteenCuts(keep: (text: string) => string): string[] {
  const kept = Array.from({ length: 16 }, (_, i) => keep(cutFromMiB(`${i}:`.padEnd(40, '.'))));
  expect(kept.map((text) => text.length)).toEqual(Array.from({ length: 16 }, () => 40));
  return kept;
}

test('the copy has the same text', () => {
  for (const text of ['', 'a', ' leading space', 'x'.repeat(5000), '\u00e9\u{1F600}']) expect(ownCopy(text)).toBe(text);
});

test('a slice keeps its whole parent alive, and the copy of one keeps none of it', () => {
  expect(heapHeldBy(() => sixteenCuts((text) => text))).toBeGreaterThan(8 * 2 ** 20);
  expect(heapHeldBy(() => sixteenCuts(ownCopy))).toBeLessThan(2 ** 19);
});

describe('ownDeepCopy', () => {
  const structure = (text: (s: string) => string) => ({
    title: text('WARNING in vmemmap_populate'),
    regs: new Map([[text('x0-as-a-long-name'), 0xfffffc0000000000n]]),
    lines: Array.from({ length: 12 }, (_, i) => ({ lineNo: i + 1, text: text(`line ${i} of the report, cut from a batch`) })),
    absent: undefined,
  });

  test('an equal structure, Maps and bigints included, sharing no object with the original', () => {
    const original = structure((s) => s);
    const copy = ownDeepCopy(original);
    expect(copy).toStrictEqual(original);
    expect(copy.lines).not.toBe(original.lines);
    expect(copy.regs).not.toBe(original.regs);
  });

  test('objects of a class are shared, not copied', () => {
    class Marker {
      constructor(readonly text: string) {}
    }
    const marker = new Marker('kept as it is');
    expect(ownDeepCopy({ marker }).marker).toBe(marker);
  });

  test('keeps none of the strings its strings were cut from', () => {
    expect(heapHeldBy(() => structure(cutFromMiB))).toBeGreaterThan(8 * 2 ** 20);
    expect(heapHeldBy(() => ownDeepCopy(structure(cutFromMiB)))).toBeLessThan(2 ** 19);
  });
});
