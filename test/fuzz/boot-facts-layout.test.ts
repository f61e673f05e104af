import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { validateReport } from '../../src/report/validate.js';
import { bootFactLine, registerPairRow } from './_boot-fact-lines.js';
import { stampLines } from './_log-grammar.js';
import { fuzzParams } from './_fuzz-params.js';

// The first vmemmap_populate WARNING of the amdgpu storm sample, without its printk stamps.
const STORM = readFileSync(path.resolve(process.cwd(), 'samples/logs/e3-48-4k-amdgpu-populate-storm.log'), 'utf8');
const SPLAT = STORM.slice(STORM.indexOf('[   14.200021]'), STORM.indexOf('[   14.200441]'))
  .trimEnd()
  .split('\n')
  .map((l) => l.replace(/^\[[^\]]*\] /, ''));

/** The splat with its x1/x0 row replaced: layout inference then works from random register values. */
const vmemmapSplat = registerPairRow.map((row) => SPLAT.map((l) => (l.startsWith('x2 : ') ? row : l)));

test('boot facts with any numbers never stop the analysis, and every report renders and validates', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(bootFactLine.map((l) => [l]), vmemmapSplat), { maxLength: 20 }), async (parts) => {
      const report = buildReport([await analyzeText(stampLines(parts.flat()))]);
      expect(validateReport(JSON.parse(renderJson(report))).errors).toEqual([]);
      expect(() => renderText(report)).not.toThrow();
      expect(() => renderMarkdown(report)).not.toThrow();
    }),
    fuzzParams(150),
  );
});
