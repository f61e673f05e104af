import { notKernelLogReason } from '../../src/triage/not-kernel-log.js';
import { fakeResult } from './fake-result.js';
import type { AnalysisResult } from '../../src/analyze/types.js';

describe('notKernelLogReason', () => {
  const notes = (over: Partial<AnalysisResult> = {}): AnalysisResult => ({ ...fakeResult('README.md', [], { lines: 12, bytes: 400 }), ...over });

  test('no kernel line, splat or banner: says why, with the lines read', () => {
    expect(notKernelLogReason(notes(), false))
      .toBe('not a kernel log: no printk time, log level, kernel syslog tag, boot banner or kernel report in its 12 lines');
  });

  test('a kernel line makes it a log', () => {
    expect(notKernelLogReason(notes(), true)).toBeUndefined();
  });

  test('so does a splat, with no kernel line (a report pasted without printk times)', () => {
    expect(notKernelLogReason(fakeResult('report.txt', [{ id: 'aaaa0001', count: 1 }]), false)).toBeUndefined();
  });

  test('so does a boot banner', () => {
    const boot = { index: 0, firstLine: 1, release: { value: '6.6.33', line: 1 } } as unknown as AnalysisResult['boots'][number];
    expect(notKernelLogReason(notes({ boots: [boot] }), false)).toBeUndefined();
  });

  test('a text read in part, or with a note of its own (empty, decoded from UTF-16), is not judged', () => {
    expect(notKernelLogReason(notes({ inputError: 'unexpected end of file' }), false)).toBeUndefined();
    expect(notKernelLogReason(notes({ warnings: ['empty input'] }), false)).toBeUndefined();
    expect(notKernelLogReason(notes({ warnings: ['input decoded as utf-16le'] }), false)).toBeUndefined();
  });
});
