import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { holdsRecordNeedle, RECORD_NEEDLES } from '../../src/parse/record-screen.js';
import { BootFactCollector } from '../../src/parse/boot-facts.js';
import { Segmenter } from '../../src/parse/segmenter.js';
import { RecordAssembler } from '../../src/parse/record-assembler.js';
import type { BootFacts, LogRecord, Splat } from '../../src/parse/types.js';
import { blockLines, logBlocks, stampLines, type PrefixStyle } from '../fuzz/_log-grammar.js';
import { fuzzParams } from '../fuzz/_fuzz-params.js';
import { CORPUS_DIR, corpusFiles } from './_records.js';

interface Parsed {
  splats: Splat[];
  boots: BootFacts[];
}

/** The analyzer's record loop, with the screen's answer passed on or with every record said to hold a needle. */
function parse(text: string, screened: boolean): Parsed {
  const splats: Splat[] = [];
  const boots = new BootFactCollector();
  const segmenter = new Segmenter({ onSplat: (s) => splats.push(s) });
  const assembler = new RecordAssembler();
  const take = (rec: LogRecord): void => {
    const needle = screened ? holdsRecordNeedle(rec.text) : true;
    boots.push(rec, needle);
    segmenter.push(rec, boots.current.index, needle);
  };
  text.split('\n').forEach((line, i) => assembler.push(i + 1, line, false).forEach(take));
  assembler.flush().forEach(take);
  segmenter.finish();
  return { splats, boots: boots.boots };
}

function expectScreenChangesNothing(text: string): void {
  expect(parse(text, true)).toEqual(parse(text, false));
}

/** Lines that only an opener, a rule or a glued header make special: what a screen could wrongly pass over. */
const EDGE_LINES = [
  '==================================================================',
  '====================',
  '===================',
  'BUG: KASAN: slab-out-of-bounds in foo+0x10/0x20',
  'Read of size 8 at addr ffff000012345678 by task swapper/0/1',
  '------------[ cut here ]------------',
  '8<--- cut here ---',
  'syzkaller login: [  417.725670][    C1] WARNING: CPU: 1 PID: 9 at mm/slub.c:10 kfree+0x1/0x2',
  'Zone ranges:',
  '  DMA      [mem 0x0000000080000000-0x00000000ffffffff]',
  'Virtual kernel memory layout:',
  '    vmemmap : 0xfffffdffc0000000 - 0xfffffe0000000000   (     1 GB maximum)',
  'Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
  'Linux version 6.1.0 (u@h) (gcc 12) #1 SMP',
];

describe('holdsRecordNeedle', () => {
  test('finds every needle anywhere in a line', () => {
    for (const needle of RECORD_NEEDLES) expect(holdsRecordNeedle(`xx ${needle} yy`)).toBe(true);
    // Lines with an offset are remembered: asked again, or after other lines, the answer is the same.
    for (let round = 0; round < 2; round++) {
      for (const needle of RECORD_NEEDLES) expect(holdsRecordNeedle(`${needle} f+0x1/0x2`)).toBe(true);
      expect(holdsRecordNeedle(' f+0x1/0x2')).toBe(false);
    }
  });

  test('passes over the lines a report is made of', () => {
    expect(holdsRecordNeedle('x29: ffff80000a0b3c40 x28: ffff0000c1a2b300 x27: 0000000000000000')).toBe(false);
    expect(holdsRecordNeedle(' vmemmap_populate+0x30/0x48')).toBe(false);
    expect(holdsRecordNeedle(' vmemmap_populate+0x30/0x48')).toBe(false);
    expect(holdsRecordNeedle('Call trace:')).toBe(false);
  });

  test('says of register rows and what is nearly one what the needles say', () => {
    const piece = fc.constantFrom('x29: ', 'x9 : ', 'ffff80000a0b3c40', '0000000000000000', ' ', 'cut here', 'x86/fpu: ', '=', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(holdsRecordNeedle(text)).toBe(RECORD_NEEDLES.some((needle) => text.includes(needle)));
      }),
      fuzzParams(2000),
    );
  });

  test('a rule shorter than 20 `=` is no opener', () => {
    expect(holdsRecordNeedle('='.repeat(19))).toBe(false);
    expect(holdsRecordNeedle('='.repeat(20))).toBe(true);
  });
});

describe('the screen changes no splat and no boot fact', () => {
  test('on the bundled samples', () => {
    const dir = path.resolve('samples/logs');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.log'))) {
      expectScreenChangesNothing(readFileSync(path.join(dir, file), 'utf8'));
    }
  });

  test('on generated logs mixed with openers, rules, glued headers and boot blocks', () => {
    const edges = fc.array(fc.constantFrom(...EDGE_LINES), { maxLength: 6 });
    fc.assert(
      fc.property(
        logBlocks,
        fc.array(fc.tuple(fc.nat(), edges), { maxLength: 4 }),
        fc.constantFrom<PrefixStyle>('printk', 'caller', 'bare'),
        (blocks, inserts, style) => {
          const lines = blockLines(blocks);
          for (const [at, extra] of inserts) lines.splice(at % (lines.length + 1), 0, ...extra);
          expectScreenChangesNothing(stampLines(lines, 0, style));
        },
      ),
      fuzzParams(300),
    );
  });

  const files = corpusFiles();
  (files.length > 0 ? test.each(files) : test.skip.each(['(corpus missing)']))('on corpus log %s', (file) => {
    expectScreenChangesNothing(readFileSync(path.join(CORPUS_DIR, file), 'utf8'));
  });
});
