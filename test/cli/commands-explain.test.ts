import { explainWords, parseExplainValue } from '../../src/cli/commands-explain.js';
import { UsageError } from '../../src/errors.js';
import path from 'node:path';
import { runInProcess } from './_run-cli.js';
import { SAMPLES } from './_spawn-cli.js';
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

describe('explainWords: the value and the log from the positionals or after `--`', () => {
  test('the positionals', () => {
    expect(explainWords(['explain', '0x10'], ['0x10', undefined], {})).toEqual({ value: '0x10', files: [] });
    expect(explainWords(['explain', '0x10', 'dmesg.txt'], ['0x10', 'dmesg.txt'], {})).toEqual({ value: '0x10', files: ['dmesg.txt'] });
  });

  test('after `--`, where yargs fills no positional (it had been "not enough arguments")', () => {
    expect(explainWords(['explain', '--', '0xfffffc0000000000'], [undefined, undefined], {})).toEqual({ value: '0xfffffc0000000000', files: [] });
    expect(explainWords(['explain', '--kernel', '6.1', '--', '-0x10'], [undefined, undefined], { kernel: '6.1' }).value).toBe('-0x10');
    expect(explainWords(['explain', '0x1', '--', '-x.log'], ['0x1', undefined], {})).toEqual({ value: '0x1', files: ['-x.log'] });
  });

  test('a bare - is stdin, where yargs had left the positional empty', () => {
    expect(explainWords(['explain', '0x1', '-'], ['0x1', ''], {})).toEqual({ value: '0x1', files: ['-'] });
    // `-o -` took its own dash.
    expect(explainWords(['explain', '0x1', '-o', '-'], ['0x1', undefined], { output: '-' })).toEqual({ value: '0x1', files: [] });
  });

  test('none, or more than a value and a log, is a usage error', () => {
    expect(() => explainWords(['explain'], [undefined, undefined], {})).toThrow(new UsageError('explain: give a struct page address, pfn:N or phys:N (hex)'));
    expect(() => explainWords(['explain', '0x1', 'a.log', '--', 'b.log'], ['0x1', 'a.log'], {})).toThrow(
      new UsageError('explain takes one value and at most one log, not 3 words: 0x1 a.log b.log'),
    );
  });
});

describe('explain VALUE FILE: the log as a positional, as --log takes it', () => {
  const sample = `${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`;

  test('gives what --log gives', async () => {
    for (const format of ['text', 'json']) {
      const byFlag = await runInProcess(['explain', '0xfffffffff9000000', '--log', sample, '--format', format]);
      const byPositional = await runInProcess(['explain', '0xfffffffff9000000', sample, '--format', format]);
      expect(byFlag.code).toBe(0);
      expect(byPositional).toEqual(byFlag);
    }
  });

  test('two different logs, one each way, are a usage error', async () => {
    const run = await runInProcess(['explain', '0x1', sample, '--log', 'other.log']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/explain: give the log once, as FILE or as --log, not both/);
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
