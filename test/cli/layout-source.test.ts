import { jest } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import yargs from 'yargs';
import * as realApi from '../../src/api.js';
import { InputError, UsageError } from '../../src/errors.js';

// The real analyzeFile, watched: what layoutInputs hands it is not visible in the evidence it returns.
const analyzeFile = jest.fn(realApi.analyzeFile);
jest.unstable_mockModule('../../src/api.js', () => ({ ...realApi, analyzeFile }));

const { layoutInputs, logFromPositional, withLayoutSourceFlags } = await import('../../src/cli/layout-source.js');

/** An arm64 boot (release 6.1.0) with one vmemmap_populate WARNING whose CPU: line names another build. */
const LOG_LINES = [
  '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]',
  '[    0.000000] Linux version 6.1.0 (builder@buildhost) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39) #1 SMP PREEMPT Tue Jan 10 12:00:00 UTC 2023',
  '[    0.000000] Machine model: Test Board',
  '[   14.200021] ------------[ cut here ]------------',
  '[   14.200024] WARNING: CPU: 3 PID: 1234 at arch/arm64/mm/mmu.c:1162 vmemmap_populate+0x30/0x48',
  '[   14.200027] Modules linked in: amdgpu(+)',
  '[   14.200034] CPU: 3 PID: 1234 Comm: modprobe Not tainted 6.1.0-local #2',
  '[   14.200041] Hardware name: Test Board (DT)',
  '[   14.200048] pstate: 60400009 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
  '[   14.200055] pc : vmemmap_populate+0x30/0x48',
  '[   14.200062] lr : __populate_section_memmap+0x40/0x90',
  '[   14.200069] sp : ffff80000a4bb9b0',
  '[   14.200132] x5 : fffffc0000000000 x4 : ffff000445c9b928 x3 : 0000000000000000',
  '[   14.200139] x2 : 0000000000000000 x1 : fffffffff9200000 x0 : fffffffff9000000',
  '[   14.200146] Call trace:',
  '[   14.200153]  vmemmap_populate+0x30/0x48',
  '[   14.200160]  __populate_section_memmap+0x40/0x90',
  '[   14.200167] ---[ end trace 0000000000000000 ]---',
];
/** 1-based line of the register row that prints `name`. */
const rowOf = (name: string): number => LOG_LINES.findIndex((l) => new RegExp(`\\b${name} : `).test(l)) + 1;
const RELEASE_LINE = LOG_LINES.findIndex((l) => l.includes('Linux version')) + 1;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-layout-source-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => analyzeFile.mockClear());

async function logFile(name: string, lines: readonly string[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

describe('layoutInputs without --log', () => {
  test('no evidence, the flags as overrides, no log read', async () => {
    await expect(layoutInputs({ kernel: '6.1', 'va-bits': 48, 'page-size': '64k', memstart: '0x80000000' })).resolves.toEqual({
      evidence: {},
      // 64k = 64 * 1024 bytes.
      overrides: { kernel: '6.1', vaBits: 48, pageSizeBytes: 65536, memstart: 0x8000_0000n },
      notes: [],
    });
    expect(analyzeFile).not.toHaveBeenCalled();
  });

  test('no flags at all', async () => {
    await expect(layoutInputs({})).resolves.toEqual({ evidence: {}, overrides: {}, notes: [] });
  });
});

describe('layoutInputs with --log', () => {
  test('boot, splat release and vmemmap registers from the log; the flags analyze it too', async () => {
    const log = await logFile('vmemmap.log', LOG_LINES);
    const { evidence, overrides } = await layoutInputs({ log, 'va-bits': 48 });
    expect(overrides).toEqual({ vaBits: 48 });
    expect(analyzeFile).toHaveBeenCalledTimes(1);
    expect(analyzeFile).toHaveBeenCalledWith(log, { layout: { vaBits: 48 } });

    expect(evidence.boot?.release).toMatchObject({ value: '6.1.0', lineNo: RELEASE_LINE });
    expect(evidence.splatRelease).toBe('6.1.0-local');
    // The six registers of the two dump rows, each at the line of its row.
    const byReg = [...(evidence.registerValues ?? [])].sort((a, b) => a.reg.localeCompare(b.reg));
    expect([rowOf('x5'), rowOf('x0')]).toEqual([13, 14]);
    expect(byReg).toEqual(
      [
        ['x0', 0xffff_ffff_f900_0000n],
        ['x1', 0xffff_ffff_f920_0000n],
        ['x2', 0n],
        ['x3', 0n],
        ['x4', 0xffff_0004_45c9_b928n],
        // VMEMMAP_START of a 48-bit layout with 64-byte struct pages: -(1 << (48 - 6)).
        ['x5', (1n << 64n) - (1n << 42n)],
      ].map(([reg, value]) => ({ reg, value, lineNo: rowOf(reg as string) })),
    );
  });

  test('a log without vmemmap splats gives only its boot', async () => {
    const log = await logFile('quiet.log', LOG_LINES.slice(0, 3));
    const { evidence } = await layoutInputs({ log });
    expect(Object.keys(evidence)).toEqual(['boot']);
    expect(evidence.boot?.release?.value).toBe('6.1.0');
    expect(analyzeFile).toHaveBeenCalledWith(log, { layout: {} });
  });

  // Found by a review: `layout empty.txt` and `layout bin.elf` printed the version defaults without a word.
  test('an empty or binary log: its warnings, as analyze gives them, for stderr', async () => {
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    expect((await layoutInputs({ log: empty })).notes).toEqual([`${empty}: empty input`]);
    const elf = path.join(dir, 'bin.elf');
    await writeFile(elf, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]));
    const { notes } = await layoutInputs({ log: elf });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`^${elf.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: binary file`));
  });

  test('bad flags fail before the log is opened', async () => {
    const missing = path.join(dir, 'no-such.log');
    await expect(layoutInputs({ log: missing, 'va-bits': 40 })).rejects.toThrow(UsageError);
    expect(analyzeFile).not.toHaveBeenCalled();
  });

  test('a log that cannot be opened is an InputError naming it', async () => {
    const missing = path.join(dir, 'no-such.log');
    await expect(layoutInputs({ log: missing })).rejects.toThrow(new InputError(missing, 'no such file'));
  });

  test('a log that fails part-way is an InputError naming it once', async () => {
    const log = path.join(dir, 'cut.log.gz');
    const gz = gzipSync(`${LOG_LINES.join('\n')}\n`.repeat(200));
    await writeFile(log, gz.subarray(0, gz.length >> 1));
    const err = await layoutInputs({ log }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe(log);
    expect((err as InputError).exitCode).toBe(3);
    expect((err as InputError).message.startsWith(`${log}: `)).toBe(true);
    expect((err as InputError).message.split(log)).toHaveLength(2);
  });
});

describe('withLayoutSourceFlags', () => {
  function parse(args: string[]) {
    return withLayoutSourceFlags(yargs(args).exitProcess(false).fail((message, err) => {
      throw err ?? new Error(message);
    })).parseSync();
  }

  test('defaults: text, no log, no output', () => {
    const argv = parse([]);
    expect(argv.format).toBe('text');
    expect(argv.log).toBeUndefined();
    expect(argv.output).toBeUndefined();
  });

  test('long and short forms, and the layout flags with them', () => {
    const argv = parse(['--log', 'dmesg.txt', '-f', 'json', '-o', 'out.json', '--va-bits', '39', '--page-size', '4k']);
    expect(argv).toMatchObject({ log: 'dmesg.txt', format: 'json', output: 'out.json', 'va-bits': 39, 'page-size': '4k' });
    expect(parse(['--format', 'json', '--output', 'x']).output).toBe('x');
  });

  test('a format other than text or json is refused', () => {
    expect(() => parse(['--format', 'markdown'])).toThrow(/markdown/);
  });
});

describe('logFromPositional: the positional FILE, else --log', () => {
  test('either one, or the same log both ways', () => {
    expect(logFromPositional('layout', [], undefined)).toBeUndefined();
    expect(logFromPositional('layout', [], 'a.log')).toBe('a.log');
    expect(logFromPositional('explain', ['a.log'], undefined)).toBe('a.log');
    expect(logFromPositional('layout', ['-'], '-')).toBe('-');
  });

  test('two different logs, or two positionals, are a usage error naming the command', () => {
    expect(() => logFromPositional('explain', ['a.log'], 'b.log')).toThrow(
      new UsageError("explain: give the log once, as FILE or as --log, not both ('a.log' and 'b.log')"),
    );
    expect(() => logFromPositional('layout', ['a.log', 'b.log'], undefined)).toThrow(new UsageError('layout takes one log, not 2: a.log b.log'));
  });
});
