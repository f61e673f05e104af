import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';
import { goldenSummary } from './golden-summary.js';

const GOLDEN_DIR = fileURLToPath(new URL('.', import.meta.url));
const SAMPLES_DIR = fileURLToPath(new URL('../../samples/logs/', import.meta.url));
const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const UPDATE = process.env.GOLDEN_UPDATE === '1';

function logsIn(dir: string, pattern: RegExp): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => pattern.test(f)).sort() : [];
}

/** `<name>.json` next to this file, named after the log without its extension. */
function expectedPath(log: string): string {
  return path.join(GOLDEN_DIR, `${log.replace(/\.(?:log|txt)$/, '')}.json`);
}

async function compare(dir: string, log: string): Promise<void> {
  const actual = `${JSON.stringify(goldenSummary(await analyzeFile(path.join(dir, log))), null, 2)}\n`;
  const file = expectedPath(log);
  if (UPDATE) {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file)).toBe(true);
  expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('golden: samples/logs', () => {
  const logs = logsIn(SAMPLES_DIR, /\.log$/);
  test('samples exist', () => expect(logs.length).toBeGreaterThan(0));
  test.each(logs)('%s', (log) => compare(SAMPLES_DIR, log));
});

const corpus = logsIn(CORPUS_DIR, /\.txt$/);
(corpus.length > 0 ? describe : describe.skip)('golden: ../shared/corpus', () => {
  test.each(corpus)('%s', (log) => compare(CORPUS_DIR, log));

  test('every expected file belongs to a log', () => {
    const expected = new Set([...logsIn(SAMPLES_DIR, /\.log$/), ...corpus].map(expectedPath));
    const orphans = logsIn(GOLDEN_DIR, /\.json$/).map((f) => path.join(GOLDEN_DIR, f)).filter((f) => !expected.has(f));
    expect(orphans).toEqual([]);
  });
});
