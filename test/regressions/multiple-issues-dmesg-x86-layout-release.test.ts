import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile, analyzeText } from '../../src/api.js';
import { evidenceFromResult } from '../../src/analyze/layout-evidence.js';
import { inferLayout } from '../../src/layout/infer.js';

// Found by a review of this session's own fixes: `layout` took the release of the first splat of the log (a 4.11
// kernel's CPU line, line 121) beside the boot it lays out (5.2.0-2-amd64, banner at line 265), so the check that a
// splat's kernel is its boot's dropped the right boot's facts, and said "a reboot the log does not show".
const LOG = fileURLToPath(new URL('../../../shared/corpus/squad__linux_log_parser_multiple_issues_dmesg_x86.txt', import.meta.url));
const SAMPLES = new URL('../../samples/logs/', import.meta.url);

(existsSync(LOG) ? test : test.skip)('squad multiple_issues_dmesg_x86: the layout is the 5.2 boot\'s, from its banner', async () => {
  const layout = inferLayout(evidenceFromResult(await analyzeFile(LOG)));
  expect(layout.release).toMatchObject({ value: '5.2.0-2-amd64', source: { kind: 'log', lineNo: 265 } });
  expect(layout.assumptions.join(' ')).not.toContain('another kernel');
});

// The same with the samples: a 6.6 boot with a WARNING, then the 6.1 amdgpu storm (one log of two boots).
test('Found by a review: the layout of a vmemmap finding takes the release of its own boot\'s splats', async () => {
  const text = ['plain-boot-6.6-unrelated-warning.log', 'e3-48-4k-amdgpu-populate-storm.log'].map((n) => readFileSync(new URL(n, SAMPLES), 'utf8')).join('');
  const result = await analyzeText(text);
  const layout = inferLayout(evidenceFromResult(result));
  expect(layout.release?.value).toBe('6.1.0');
  expect(layout.memstart).toMatchObject({ value: 0x8000_0000n, confidence: 'high' });
  expect(layout.assumptions.join(' ')).not.toContain('another kernel');
});
