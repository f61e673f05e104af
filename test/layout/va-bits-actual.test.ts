import { vaBitsActualFromLog } from '../../src/layout/va-bits-actual.js';
import { bootFacts as boot } from './_boot.js';
const pgtable = (vaBits: number) => boot({ pgtable: { value: { pageSizeKiB: 64, vaBits }, lineNo: 5, text: `user pgtable: 64k pages, ${vaBits}-bit VAs` } });
const features = (...values: string[]) => boot({ cpuFeatures: values.map((value, i) => ({ value, lineNo: i + 1, text: `CPU features: detected: ${value}` })) });

test('a kernel of VA_BITS_MIN bits has nothing to tell', () => {
  expect(vaBitsActualFromLog(undefined, 'E3', 48, 48)).toBeUndefined();
});

test('the pgtable line prints vabits_actual', () => {
  expect(vaBitsActualFromLog(pgtable(48), 'E2', 52, 48)).toMatchObject({ value: 48, source: { kind: 'log', lineNo: 5 }, confidence: 'high' });
  expect(vaBitsActualFromLog(pgtable(52), 'E2', 52, 48)?.value).toBe(52);
});

test('from 6.9 the 52-bit capability line tells it; before, its absence says nothing', () => {
  expect(vaBitsActualFromLog(features('52-bit Virtual Addressing (LPA2)'), 'E4', 52, 47)).toMatchObject({ value: 52, source: { lineNo: 1 } });
  expect(vaBitsActualFromLog(features('Privileged Access Never', '52-bit Virtual Addressing for KVM (LPA2)'), 'E4', 52, 47)).toMatchObject({ value: 47, confidence: 'medium' });
  expect(vaBitsActualFromLog(features('Privileged Access Never'), 'E3', 52, 48)).toBeUndefined();
  expect(vaBitsActualFromLog(undefined, 'E2', 52, 48)).toBeUndefined();
});
