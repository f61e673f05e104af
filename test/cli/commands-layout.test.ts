import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInProcess } from './_run-cli.js';
import { distBuilt, runBin } from './_run-bin.js';
import { SAMPLES } from './_spawn-cli.js';
import { SAMPLE_LOGS, schemaCheckedRun, schemaValidator } from './_schema.js';
import { tempDir } from '../_temp-dirs.js';

const JETSON = fileURLToPath(new URL('../../../shared/corpus/boot__jetson-tx2_4.4.38-tegra_dmesg.txt', import.meta.url));

interface LayoutJson {
  layouts: { label: string; constants: Record<string, string | number> }[];
}

test('layout from flags: 6.1, 48-bit VA, 4K pages, memstart 0x80000000', async () => {
  const run = await runInProcess(['layout', '--kernel', '6.1', '--va-bits', '48', '--page-size', '4k', '--memstart', '0x80000000', '--format', 'json']);
  expect(run.code).toBe(0);
  const { layouts } = JSON.parse(run.stdout) as LayoutJson;
  // The release picks E3 first; the neighbouring eras follow as labelled alternatives.
  expect(layouts[0]?.label).toMatch(/^E3/);
  expect(layouts[0]?.constants).toMatchObject({
    // 5.11–6.8: PAGE_OFFSET = -(1 << VA_BITS)
    pageOffset: '0xffff000000000000',
    // VMEMMAP_SHIFT = PAGE_SHIFT - STRUCT_PAGE_MAX_SHIFT = 12 - 6; VMEMMAP_START = -(1 << (VA_BITS - VMEMMAP_SHIFT)) = -(2^42)
    vmemmapStart: '0xfffffc0000000000',
    // VMEMMAP_SIZE = (_PAGE_END(48) - PAGE_OFFSET) >> VMEMMAP_SHIFT = 2^47 >> 6 = 2^41
    vmemmapSize: '0x20000000000',
    vmemmapEnd: '0xfffffe0000000000',
    // vmemmap = VMEMMAP_START - (memstart >> PAGE_SHIFT) * 64 = 0xfffffc0000000000 - 0x80000 * 64 (the seed thread's value)
    vmemmapBase: '0xfffffbfffe000000',
  });
});

test('layout without version evidence lists each plausible era, labelled', async () => {
  const run = await runInProcess(['layout', '--va-bits', '48', '--page-size', '4k', '--format', 'json']);
  expect(run.code).toBe(0);
  const { layouts } = JSON.parse(run.stdout) as LayoutJson;
  expect(layouts.length).toBeGreaterThan(1);
  expect(new Set(layouts.map((l) => l.label)).size).toBe(layouts.length);
});

test.each([
  [['--va-bits', '40']],
  [['--page-size', '8k']],
  [['--memstart', 'zz']],
  [['--era', 'E9']],
])('layout rejects %j with exit 2', async (flags) => {
  expect((await runInProcess(['layout', '--kernel', '6.1', ...flags])).code).toBe(2);
});

(existsSync(JETSON) ? describe : describe.skip)('layout --log on the Jetson TX2 4.4.38-tegra dmesg', () => {
  const lines = existsSync(JETSON) ? readFileSync(JETSON, 'utf8').split('\n') : [];
  const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle)) + 1;

  test('shows the vmemmap window of its "Virtual kernel memory layout" block, citing the line', async () => {
    const run = await runInProcess(['layout', '--log', JETSON]);
    expect(run.code).toBe(0);
    const vmemmapLine = lineOf('vmemmap : 0xffffffbdc0000000 - 0xffffffbfc0000000');
    expect(vmemmapLine).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/VMEMMAP_START\s+0xffffffbdc0000000/);
    expect(run.stdout).toMatch(/VMEMMAP_END\s+0xffffffbfc0000000/);
    // VA_BITS 39 is read from the vmemmap line: the 4.4 window ends at PAGE_OFFSET - 1 GiB, PAGE_OFFSET = -(1 << 39).
    expect(run.stdout).toMatch(new RegExp(`VA_BITS\\s+39\\s+\\w+\\s+log \\(line ${vmemmapLine}\\)`));
    expect(run.stdout).toContain(`log (line ${lineOf('Linux version 4.4.38-tegra')})`);
    // The "actual" line starts at the struct page of the first DRAM pfn: (0xffffffbdc2000000 - VMEMMAP_START) / 64 = 0x80000.
    expect(run.stdout).toMatch(new RegExp(`memstart \\(PHYS_OFFSET\\)\\s+0x80000000\\s+\\w+\\s+log \\(line ${lineOf('0xffffffbdc2000000 - 0xffffffbdc9d7c400')}\\)`));
    // The memory line starts at PAGE_OFFSET.
    expect(run.stdout).toMatch(/PAGE_OFFSET\s+0xffffffc000000000/);
  });

  test('JSON output carries the same window', async () => {
    const run = await runInProcess(['layout', '--log', JETSON, '--format', 'json']);
    const { layouts } = JSON.parse(run.stdout) as LayoutJson;
    expect(layouts[0]?.constants).toMatchObject({ vmemmapStart: '0xffffffbdc0000000', vmemmapEnd: '0xffffffbfc0000000' });
  });

  test('a flag beats the log', async () => {
    const run = await runInProcess(['layout', '--log', JETSON, '--memstart', '0x40000000']);
    expect(run.stdout).toMatch(/memstart \(PHYS_OFFSET\)\s+0x40000000\s+high\s+user: --memstart 0x40000000/);
  });
});

test('a log of two boots: stderr names the boot the layout came from; one boot: no note', async () => {
  const dir = tempDir('vmemwarn-layout-boots-');
  const two = path.join(dir, 'two.log');
  // The plain boot first, then the E4 sample: the layout is the boot of the vmemmap finding, boot 1.
  const e4 = readFileSync(`${SAMPLES}e4-48-4k-amdgpu-6.10-warn-then-oops.log`, 'utf8');
  const plain = readFileSync(`${SAMPLES}plain-boot-6.6-unrelated-warning.log`, 'utf8');
  writeFileSync(two, plain + e4);
  const run = await runInProcess(['layout', '--log', two]);
  expect(run.code).toBe(0);
  const e4Start = plain.split('\n').length - 1 + e4.split('\n').findIndex((l) => /Booting Linux|Linux version/.test(l)) + 1;
  expect(run.stderr).toBe(`vmemwarn: note: ${two} holds 2 boots; the layout is boot 1's (from line ${e4Start}), the boot of the first vmemmap finding\n`);
  expect((await runInProcess(['layout', '--log', `${SAMPLES}e4-48-4k-amdgpu-6.10-warn-then-oops.log`])).stderr).toBe('');
});

describe('layout --format json validates against schema/layout.schema.json', () => {
  const { validate } = schemaValidator('layout');

  test.each([
    ...SAMPLE_LOGS.map((log) => [path.basename(log), ['--log', log]]),
    // No evidence: each plausible era, labelled; a config's facts; a 64K page and 52-bit VA layout.
    ['flags only', ['--va-bits', '48', '--page-size', '4k']],
    ['52-bit, 64K pages, memstart', ['--kernel', '6.6', '--va-bits', '52', '--page-size', '64k', '--memstart', '0x40000000']],
  ] as [string, string[]][])('%s', async (_name, flags) => {
    const run = await schemaCheckedRun('layout', flags);
    expect(run.code).toBe(0);
    expect(run.body['layouts']?.length).toBeGreaterThan(0);
    expect(run.problems).toEqual([]);
    // The schema's id names the version it pins.
    expect(run.schemaId).toBe(run.idOfVersion);
  });

  test('a layout without its label, or with a key the schema does not name, fails', async () => {
    const body = JSON.parse((await runInProcess(['layout', '--kernel', '6.1', '--format', 'json'])).stdout) as { layouts: Record<string, unknown>[] };
    const [first] = body.layouts;
    delete first!['label'];
    expect(validate(body)).toBe(false);
    expect(validate({ ...body, layouts: [{ ...first, label: 'E3', pageSize: 4096 }] })).toBe(false);
  });
});

describe('layout FILE: the log as a positional, as --log takes it', () => {
  const sample = `${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`;

  test('gives what --log gives, in text and JSON', async () => {
    for (const format of ['text', 'json']) {
      const byFlag = await runInProcess(['layout', '--log', sample, '--format', format]);
      const byPositional = await runInProcess(['layout', sample, '--format', format]);
      expect(byFlag.code).toBe(0);
      expect(byPositional).toEqual(byFlag);
    }
    // The log's own release, not a flag's, decided the era.
    expect((await runInProcess(['layout', sample])).stdout).toMatch(/kernel release\s+6\.1\.0\s+high\s+log \(line 3\)/);
  });

  test('the same log given both ways is taken once; two different ones, or two positionals, are usage errors', async () => {
    expect((await runInProcess(['layout', sample, '--log', sample])).code).toBe(0);
    const both = await runInProcess(['layout', sample, '--log', 'other.log']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/layout: give the log once, as FILE or as --log, not both/);
    const two = await runInProcess(['layout', '--', sample, 'other.log']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/layout takes one log, not 2/);
  });

  test('a missing file is an input error (exit 3) naming it', async () => {
    const run = await runInProcess(['layout', 'no-such-dmesg.txt']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/no-such-dmesg\.txt/);
  });


  (distBuilt ? test : test.skip)('`layout -` reads the log from stdin (yargs reads a bare - as an empty positional)', async () => {
    const text = readFileSync(sample);
    const fromStdin = await runBin(['layout', '-', '--format', 'json'], { stdin: text });
    const fromFile = await runBin(['layout', sample, '--format', 'json']);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromStdin.stdout).toContain('"vmemmapStart": "0xfffffc0000000000"');
  });
});
