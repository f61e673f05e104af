import { analyzeText } from '../../src/api.js';
import { UsageError } from '../../src/errors.js';
import { buildReport } from '../../src/report/model.js';
import { validateReport } from '../../src/report/validate.js';
import { renderJson } from '../../src/report/render-json.js';
import { packageToolInfo } from '../../src/report/tool-info.js';
import { armResult, quietResult, TOOL } from './fixtures.js';

function walk(value: unknown, visit: (v: unknown, path: string) => void, path = ''): void {
  visit(value, path);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}/${k}`);
  }
}

describe('buildReport', () => {
  const report = buildReport([armResult(), quietResult()], { tool: TOOL });

  test('top level: schema version, tool, one entry per input in order, summary from the inputs', () => {
    expect(report.schemaVersion).toBe('1.5.0');
    expect(report.tool).toEqual(TOOL);
    expect(report.inputs.map((i) => i.source)).toEqual(['hubbard-dmesg.txt', 'quiet.log.gz']);
    // splats: 4 + 0 from the stats; clusters 2 + 0; one has a vmemmap finding; the bug cluster counts 1 corrupted.
    expect(report.summary).toEqual({ inputs: 2, splats: 4, clusters: 2, vmemmapClusters: 1, corruptedSplats: 1 });
  });

  test('per input: stats, arch, warnings, boots and clusters', () => {
    const quiet = report.inputs[1]!;
    expect(quiet).toEqual({
      source: 'quiet.log.gz',
      arch: 'unknown',
      stats: { lines: 10, bytes: 400, boots: 1, splats: 0, truncatedLines: 1, cappedSplats: 0 },
      warnings: ['line 7 was cut at 65536 bytes'],
      boots: [{ index: 0, firstLine: 1, zoneRanges: [], nodeRanges: [], virtualLayout: [], cpuFeatures: [] }],
      clusters: [],
    });
    const cluster = report.inputs[0]!.clusters[1]!;
    expect(cluster).toMatchObject({ id: '0a0b0c0d0e0f1011', kind: 'bug', count: 1, firstLine: 200, lastLine: 206, cpus: [0], corruptedCount: 1, vmemmap: [] });
    expect(report.inputs[0]!.clusters[0]).toMatchObject({ firstTs: 100.061, lastTs: 100.121, releases: ['6.1.0-test'], hardware: ['Test Board (DT)'] });
  });

  test('defaults the tool to package.json', () => {
    expect(buildReport([]).tool).toEqual(packageToolInfo());
  });

  test('no bigint, Map, Set or undefined anywhere', () => {
    walk(report, (v, path) => {
      expect([path, typeof v]).not.toEqual([path, 'bigint']);
      expect([path, typeof v]).not.toEqual([path, 'undefined']);
      expect(v instanceof Map || v instanceof Set).toBe(false);
    });
  });

  test('the same input gives byte-identical JSON', () => {
    const again = buildReport([armResult(), quietResult()], { tool: TOOL });
    expect(renderJson(again)).toBe(renderJson(report));
  });
});

describe('a cluster whose lists reached their cap', () => {
  // 65 WARNINGs of one site on CPUs 0..64: one more distinct CPU than a cluster lists (64).
  const CPUS = 65;
  const splat = (cpu: number) =>
    [
      '------------[ cut here ]------------',
      `WARNING: CPU: ${cpu} PID: 1 at drivers/foo/bar.c:10 foo_bar+0x10/0x20`,
      'Modules linked in:',
      `CPU: ${cpu} PID: 1 Comm: swapper Not tainted 6.1.0 #1`,
      'pc : foo_bar+0x10/0x20',
      'lr : foo_probe+0x20/0x40',
      'Call trace:',
      ' foo_bar+0x10/0x20',
      ' foo_probe+0x20/0x40',
      '---[ end trace 0000000000000000 ]---',
    ].map((line) => `[    1.000000] ${line}`);
  const text = `${Array.from({ length: CPUS }, (_, cpu) => splat(cpu)).flat().join('\n')}\n`;

  test('says which lists are cut, and validates against the schema', async () => {
    const report = buildReport([await analyzeText(text, { name: 'many-cpus.log' })], { tool: TOOL });
    const [cluster] = report.inputs[0]!.clusters;
    expect(cluster).toMatchObject({ count: CPUS, truncatedLists: ['cpus'] });
    expect(cluster!.cpus).toHaveLength(CPUS - 1);
    expect(validateReport(JSON.parse(renderJson(report)))).toEqual({ valid: true, errors: [] });
  });

  test('the schema knows only the four list names', () => {
    const report = JSON.parse(renderJson(buildReport([armResult()], { tool: TOOL }))) as { inputs: { clusters: Record<string, unknown>[] }[] };
    report.inputs[0]!.clusters[0]!.truncatedLists = ['frames'];
    expect(validateReport(report).valid).toBe(false);
  });
});

describe('an input whose reading stopped early', () => {
  test('says so in every format: inputError / interrupted in JSON, a first note in text and Markdown', async () => {
    const { renderText } = await import('../../src/report/render-text.js');
    const { renderMarkdown } = await import('../../src/report/render-markdown.js');
    const cut = { ...armResult(), inputError: 'cut.gz: truncated gzip data' };
    const stopped = { ...quietResult(), interrupted: true };
    const report = buildReport([cut, stopped], { tool: TOOL });
    expect(report.inputs[0]).toMatchObject({ inputError: 'cut.gz: truncated gzip data' });
    expect(report.inputs[0]).not.toHaveProperty('interrupted');
    expect(report.inputs[1]).toMatchObject({ interrupted: true });
    expect(report.inputs[1]).not.toHaveProperty('inputError');
    expect(validateReport(JSON.parse(renderJson(report)))).toEqual({ valid: true, errors: [] });
    expect(renderText(report)).toContain('incomplete: reading stopped on cut.gz: truncated gzip data; this covers the lines before it');
    expect(renderText(report)).toContain('incomplete: interrupted; this covers what was read');
    expect(renderMarkdown(report)).toContain('- ⚠️ incomplete\\: reading stopped on cut.gz\\: truncated gzip data');
  });
});

test('an option of buildReport other than tool is a usage error', () => {
  expect(() => buildReport([armResult()], { tools: TOOL } as never)).toThrow(new UsageError("buildReport: unknown option 'tools' (did you mean 'tool'?)"));
  expect(() => buildReport([armResult()], 'json' as never)).toThrow(new UsageError("buildReport: options must be an object, not the string 'json'"));
});

// Found by a library review: any tool was taken, and `{ tool: 5 }` gave `"tool": {}`, which the report schema rejects.
test.each([5, { bogus: 1 }, { name: 'x' }, { name: 'x', version: 1 }])('buildReport with tool %j is a usage error', (tool) => {
  expect(() => buildReport([armResult()], { tool } as never)).toThrow(UsageError);
  expect(() => buildReport([armResult()], { tool } as never)).toThrow(/^buildReport: tool must be an object with a string name and version, not /);
});
