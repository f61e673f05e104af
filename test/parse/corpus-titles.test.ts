import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeTitle } from '../../src/analyze/signature.js';
import { CORPUS_DIR, corpusAvailable, corpusFiles, recordsOf, splatsOf, syzkallerHeader } from './_records.js';

/** The syzkaller files whose expected title names a WARNING, BUG or Internal error report (`all`: every title). */
function titledFiles(all = false): { file: string; want: string; text: string }[] {
  return corpusFiles()
    .filter((f) => f.startsWith('syzkaller__'))
    .map((file) => {
      const text = readFileSync(path.join(CORPUS_DIR, file), 'utf8');
      return { file, want: syzkallerHeader(text)?.fields.get('TITLE') ?? '', text };
    })
    .filter(({ want }) => want !== '' && (all || /^(?:WARNING|BUG|Internal error)/.test(want)));
}

(corpusAvailable ? describe : describe.skip)('titles of the first splat against syzkaller TITLE', () => {
  test('at least 95% equal; every difference listed with its reason', () => {
    const files = titledFiles();
    // 45 of the 93 corpus logs carry such a TITLE; a smaller set means the corpus changed under the test.
    expect(files.length).toBeGreaterThanOrEqual(40);
    const differences: string[] = [];
    for (const { file, want, text } of files) {
      const first = splatsOf(recordsOf(text))[0];
      if (first?.title === want) continue;
      const reason = first ? (first.corrupted ?? 'different frame or format') : 'no splat found';
      differences.push(`${file}: want "${want}", got "${first?.title ?? '-'}" (${reason})`);
    }
    const rate = (files.length - differences.length) / files.length;
    console.log(
      `title match rate ${(rate * 100).toFixed(1)}% (${files.length - differences.length}/${files.length})` +
        differences.map((d) => `\n  ${d}`).join(''),
    );
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});

(corpusAvailable ? describe : describe.skip)('titles of the first splat against every syzkaller TITLE', () => {
  // 71 of 71 when titles are compared as their signatures compare them: a title keeps the log's numbers, where
  // syzkaller writes NUM (report 355, `trusty: panic: failed(-NUM) to start app NUM`).
  test('at least 90% equal (lockdep, hung task, stack overflow, stall and trusty titles included)', () => {
    const files = titledFiles(true);
    expect(files.length).toBeGreaterThanOrEqual(60);
    const titled = files.map((f) => ({ ...f, got: splatsOf(recordsOf(f.text))[0]?.title }));
    const misses = titled.filter(({ want, got }) => got === undefined || normalizeTitle(got) !== normalizeTitle(want));
    const exact = titled.filter(({ want, got }) => got === want).length;
    console.log(`all titles: ${files.length - misses.length}/${files.length}, ${exact} letter for letter${misses.map((m) => `\n  ${m.file}`).join('')}`);
    expect((files.length - misses.length) / files.length).toBeGreaterThanOrEqual(0.9);
    for (const name of ['report_543', 'report_665', 'report_1000', 'report_663', 'report_548', 'report_555', 'report_353', 'report_354', 'report_355', 'report_356']) {
      expect(misses.some((m) => m.file.includes(`__${name}__`))).toBe(false);
    }
  });
});
