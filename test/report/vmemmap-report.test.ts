import { vmemmapReport } from '../../src/report/vmemmap-report.js';
import { vmemmapFinding } from './fixtures.js';

test('every field of the finding is carried, 64-bit values as hex', () => {
  const f = vmemmapReport(vmemmapFinding());
  expect(Object.keys(f).sort()).toEqual(Object.keys(vmemmapFinding()).sort());
  expect(f.pageRanges).toEqual([{ start: '0xffffffffaee00000', end: '0xffffffffaf400000' }]);
  expect(f.pageHull).toEqual({ start: '0xffffffffaee00000', end: '0xffffffffaf400000' });
  expect(f.pfnHull).toEqual({ start: '0xffec38000', end: '0xffec50000' });
  expect(f.physHull).toEqual({ start: '0xffec38000000', end: '0xffec50000000' });
  expect(f.physSizeBytes).toBe('0x18000000');
  expect(f.startStep).toBe('0x200000');
  expect(f).toMatchObject({ op: 'populate', splatCount: 3, readCount: 3, sectionsTouched: 3 });
  expect(f).toMatchObject({ position: 'above-window', warnArm: 'end-above', wrapped: false, aboveLinearMap: true });
  expect(f.example).toEqual({
    start: '0xffffffffaee00000',
    end: '0xffffffffaf000000',
    startReg: 'x0',
    endReg: 'x1',
    constantRegs: [{ reg: 'x21', constant: 'VMEMMAP_END', form: 'exact', value: '0xfffffe0000000000', layouts: ['E3 48/4K'] }],
    confidence: 'high',
    reason: 'x0/x1 differ by one section of memmap (0x200000)',
  });
});

test('a finding without a readable range has only the required keys', () => {
  const { op, bootIndex, splatCount, confidence, diagnosis, nextSteps, notes } = vmemmapFinding();
  const f = vmemmapReport({ op, bootIndex, splatCount, readCount: 0, pageRanges: [], wrapped: false, confidence, diagnosis, nextSteps, notes });
  expect(Object.keys(f)).toEqual(['op', 'bootIndex', 'splatCount', 'readCount', 'pageRanges', 'wrapped', 'confidence', 'diagnosis', 'nextSteps', 'notes']);
});

// Found by review: a step of -0x80000 (nouveau's chunks placed top-down) was written as 0xfffffffffff80000 in JSON,
// some 2^64 to a reader, while text and Markdown said -0x80000.
test('a negative start step is written signed', () => {
  const f = vmemmapReport({ ...vmemmapFinding(), startStep: -0x8_0000n });
  expect(f.startStep).toBe('-0x80000');
});
