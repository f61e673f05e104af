import { explainValueArg, parseExplainValue } from '../../src/cli/commands-explain.js';
import { UsageError } from '../../src/errors.js';
import path from 'node:path';
import { runInProcess } from './_run-cli.js';
import { SAMPLE_LOGS, schemaCheckedRun, schemaValidator } from './_schema.js';

test.each([
  ['0xffffffffaee00000', 'addr', 0xffff_ffff_aee0_0000n],
  ['ffffffffaee00000', 'addr', 0xffff_ffff_aee0_0000n],
  ['pfn:0xffec38000', 'pfn', 0xf_fec3_8000n],
  ['pfn:ffec38000', 'pfn', 0xf_fec3_8000n],
  // Hex like the kernel's `pfn:1b317b`, digits only or not: `pfn:80000` had been read as decimal 0x13880.
  ['pfn:80000', 'pfn', 0x8_0000n],
  ['pfn:1b317b', 'pfn', 0x1b_317bn],
  ['phys:80000000', 'phys', 0x8000_0000n],
  ['phys:0x80000000', 'phys', 0x8000_0000n],
])('%s', (text, kind, value) => {
  expect(parseExplainValue(text)).toEqual({ kind, value });
});

test.each(['', 'pfn:', 'pfn:zz', '0x1ffffffffffffffff', 'foo:12'])('rejects %p', (text) => {
  expect(() => parseExplainValue(text)).toThrow(UsageError);
});

test('a value past 64 bits is named once, with what it was read as', () => {
  expect(() => parseExplainValue('0x1ffffffffffffffff')).toThrow("explain: the address must be a 64-bit hex value, not '0x1ffffffffffffffff'");
  expect(() => parseExplainValue('pfn:1ffffffffffffffff')).toThrow("explain: the pfn must be a 64-bit hex value, not '1ffffffffffffffff'");
});

describe('explainValueArg: the value from the positional or after `--`', () => {
  test('the positional', () => {
    expect(explainValueArg(['explain', '0x10'], '0x10')).toBe('0x10');
  });

  test('after `--`, where yargs fills no positional (it had been "not enough arguments")', () => {
    expect(explainValueArg(['explain', '--', '0xfffffc0000000000'], undefined)).toBe('0xfffffc0000000000');
    expect(explainValueArg(['explain', '--kernel', '6.1', '--', '-0x10'], undefined)).toBe('-0x10');
  });

  test('none, or more than one, is a usage error', () => {
    expect(() => explainValueArg(['explain'], undefined)).toThrow(new UsageError('explain: give a struct page address, pfn:N or phys:N (hex)'));
    expect(() => explainValueArg(['explain', '0x1', '--', '0x2'], '0x1')).toThrow(new UsageError('explain takes one value, not 2: 0x1 0x2'));
  });
});

describe('explain --format json validates against schema/explain.schema.json', () => {
  const { validate } = schemaValidator('explain');
  // A struct page in the 48-bit/4K vmemmap window of E3, a pfn and a physical address: the three kinds of value.
  const VALUES = ['0xfffff80000200000', 'pfn:80000', 'phys:0x80000000'];

  test.each([
    ...SAMPLE_LOGS.flatMap((log) => VALUES.map((value) => [`${path.basename(log)} ${value}`, [value, '--log', log]])),
    // No kernel version: one explanation for each era that has the WARN.
    ['no version', ['0xfffffc0000000000', '--va-bits', '48', '--page-size', '4k']],
    // Outside the linear map (no linearVa) and past the window.
    ['far address', ['0xffffffffffff0000', '--kernel', '6.10', '--va-bits', '48', '--page-size', '4k']],
  ] as [string, string[]][])('%s', async (_name, args) => {
    const run = await schemaCheckedRun('explain', args);
    expect(run.code).toBe(0);
    expect(run.body['explanations']?.length).toBeGreaterThan(0);
    expect(run.problems).toEqual([]);
    expect(run.schemaId).toBe(run.idOfVersion);
  });

  test('an explanation with a value as a number, or a key the schema does not name, fails', async () => {
    const body = JSON.parse((await runInProcess(['explain', 'pfn:80000', '--kernel', '6.1', '--format', 'json'])).stdout) as { explanations: Record<string, unknown>[] };
    const [first] = body.explanations;
    expect(validate(body)).toBe(true);
    expect(validate({ ...body, explanations: [{ ...first, pfn: 0x80000 }] })).toBe(false);
    expect(validate({ ...body, explanations: [{ ...first, note: 'x' }] })).toBe(false);
  });
});
