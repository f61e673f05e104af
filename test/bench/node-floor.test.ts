import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countLinesAndWarnings } from '../../bench/lib/node-floor.mjs';

const CHUNK = 64 * 1024;

describe('countLinesAndWarnings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vmemwarn-floor-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const count = (text: string) => {
    const file = path.join(dir, 'log');
    writeFileSync(file, text, 'latin1');
    return countLinesAndWarnings(file);
  };

  test('counts lines and every WARNING:, two on a line included', () => {
    expect(count('aWARNING: x\nWARNING:WARNING:\nno\n')).toEqual({ lines: 3, warnings: 3 });
  });

  test.each([1, 4, 7])('finds a WARNING: cut by a chunk boundary %i bytes in, and counts it once', (cut) => {
    const head = 'x'.repeat(CHUNK - cut);
    expect(count(`${head}WARNING: a\nWARNING: b\n`)).toEqual({ lines: 2, warnings: 2 });
  });

  test('counts a newline on either side of a chunk boundary once', () => {
    expect(count(`${'y'.repeat(CHUNK - 1)}\n\n${'z'.repeat(CHUNK)}\n`)).toEqual({ lines: 3, warnings: 0 });
  });

  test('an empty file has nothing', () => {
    expect(count('')).toEqual({ lines: 0, warnings: 0 });
  });
});
