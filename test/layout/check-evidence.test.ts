import { UsageError } from '../../src/errors.js';
import { analyzeFile } from '../../src/api.js';
import { evidenceFromResult } from '../../src/analyze/layout-evidence.js';
import { checkEvidence } from '../../src/layout/check-evidence.js';

const AMDGPU = new URL('../../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url).pathname;
const check = (e: Record<string, unknown>) => () => checkEvidence('inferLayout', e);

test('the evidence a log gives, and none, pass', async () => {
  const evidence = evidenceFromResult(await analyzeFile(AMDGPU));
  expect(evidence.boot).toBeDefined();
  expect(evidence.largestCall).toBeDefined();
  expect(check(evidence as unknown as Record<string, unknown>)).not.toThrow();
  expect(check({})).not.toThrow();
});

// Found by a review of the library API: a number for a bigint was a raw TypeError (Cannot mix BigInt and other
// types), a boot of 5 one from deep inside the model, a splatRelease of 6.1 a UsageError that named eraForRelease.
test.each([
  ['boot', 5, /^inferLayout: evidence\.boot must be a boot's facts/],
  ['boot', {}, /^inferLayout: evidence\.boot must be .*, not an empty object$/],
  ['splatRelease', 6.1, /^inferLayout: evidence\.splatRelease must be a release string/],
  ['registerValues', [{ reg: 'x0', value: 5 }], /^inferLayout: evidence\.registerValues\[0\] must be a register value/],
  ['largestCall', 5, /^inferLayout: evidence\.largestCall must be a bigint/],
  ['largestCallStart', '0x1', /^inferLayout: evidence\.largestCallStart must be a bigint/],
  ['startStep', 64, /^inferLayout: evidence\.startStep must be a bigint/],
  ['pageSpan', { start: 0, end: 1 }, /^inferLayout: evidence\.pageSpan must be a range of struct page addresses/],
  ['callsOnGrid', 'yes', /^inferLayout: evidence\.callsOnGrid must be a boolean/],
  ['registerMemstart', { memstart: 5 }, /^inferLayout: evidence\.registerMemstart must be/],
])('Found by a review: evidence.%s of the wrong kind (%p) is a UsageError naming it', (key, value, message) => {
  expect(check({ [key]: value })).toThrow(UsageError);
  expect(check({ [key]: value })).toThrow(message);
});
