import { PassThrough } from 'node:stream';
import { createProgressReporter, formatProgress } from '../../src/triage/progress.js';

describe('progress', () => {
  test('files, bytes, rate, ETA and the current file', () => {
    // 3 MiB in 2 s = 1.5 MiB/s; 7 MiB left at that rate = 4.67 s → ETA 5s.
    expect(formatProgress({ filesDone: 3, filesTotal: 10, bytesDone: 3 * 1048576, bytesTotal: 10 * 1048576, elapsedMs: 2000, current: 'logs/x.gz' }))
      .toBe('3/10 files · 3.0/10.0 MiB · 1.5 MiB/s · ETA 5s · logs/x.gz');
    expect(formatProgress({ filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: 100, elapsedMs: 0 })).toBe('0/2 files · 0.0/0.0 MiB');
  });

  test('a disabled reporter writes nothing', async () => {
    const stream = new PassThrough();
    const reporter = await createProgressReporter(stream, { enabled: false });
    reporter.update({ filesDone: 1, filesTotal: 2, bytesDone: 1, bytesTotal: 2, elapsedMs: 5 });
    reporter.stop();
    expect(stream.read()).toBeNull();
  });

  test('an enabled reporter draws the progress text', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 200, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const reporter = await createProgressReporter(stream, { enabled: true });
    reporter.update({ filesDone: 1, filesTotal: 2, bytesDone: 0, bytesTotal: 0, elapsedMs: 5, current: 'a.log' });
    reporter.stop();
    expect(String(stream.read())).toContain('1/2 files');
  });

  test('the current file name is shown with its control characters escaped', () => {
    const line = formatProgress({ filesDone: 0, filesTotal: 1, bytesDone: 0, bytesTotal: 0, elapsedMs: 0, current: 'p1\x1b]0;TITLE\x07\u202e.log' });
    expect(line).toBe('0/1 files · 0.0/0.0 MiB · p1\\x1b]0;TITLE\\x07\\u202e.log');
  });

});
