import fc from 'fast-check';
import type { PrefixFields } from '../../src/parse/prefix-rules.js';
import { JOURNAL_JSON_LINE, stripJournalJson, takeJournalJson } from '../../src/parse/prefix-journal-json.js';
import { analyzeText } from '../../src/api.js';
import { e4Dmesg, e4Stamped, findingsOf } from '../regressions/_e4-sample.js';

function take(entry: Record<string, unknown>): { text: string | undefined; into: PrefixFields } {
  const into: PrefixFields = {};
  return { text: takeJournalJson(JSON.stringify(entry), into), into };
}

describe('takeJournalJson', () => {
  test.each([
    ['the kernel transport', { _TRANSPORT: 'kernel', SYSLOG_IDENTIFIER: 'kernel' }, undefined],
    ['another transport', { _TRANSPORT: 'journal', SYSLOG_IDENTIFIER: 'systemd' }, true],
    ['stdout, whatever the identifier', { _TRANSPORT: 'stdout', SYSLOG_IDENTIFIER: 'kernel' }, true],
    // Found by a review of the log formats: `--output-fields` leaves _TRANSPORT out, and every entry had been user space.
    ['Found by a review: no transport, the kernel identifier', { SYSLOG_IDENTIFIER: 'kernel' }, undefined],
    ['Found by a review: no transport, another identifier', { SYSLOG_IDENTIFIER: 'systemd' }, true],
    ['Found by a review: neither (--output-fields=MESSAGE,PRIORITY)', { PRIORITY: '4' }, undefined],
  ])('%s', (_name, fields, foreign) => {
    const { text, into } = take({ ...fields, MESSAGE: 'Call trace:' });
    expect(text).toBe('Call trace:');
    expect(into.foreign).toBe(foreign);
  });
});

test('Found by a review: the e4 sample as `journalctl -o json --output-fields=MESSAGE,PRIORITY` gives what the plain log gives', async () => {
  const plain = await findingsOf(e4Dmesg());
  expect(plain.vmemmap.length).toBeGreaterThan(0);
  const journal = e4Stamped().map((l, i) =>
    JSON.stringify({ __CURSOR: `s=1;i=${i}`, __REALTIME_TIMESTAMP: String(1795942800000000 + Math.round(l.seconds * 1e6)), MESSAGE: l.text, PRIORITY: '4' }),
  );
  expect(await findingsOf(`${journal.join('\n')}\n`)).toEqual(plain);
});

describe('stripJournalJson is JOURNAL_JSON_LINE and takeJournalJson in one step', () => {
  const viaRegex = (text: string): { rest: string | undefined; into: PrefixFields } => {
    const into: PrefixFields = {};
    const m = JOURNAL_JSON_LINE.exec(text);
    return { rest: m === null ? undefined : takeJournalJson(m[0], into), into };
  };
  const viaStrip = (text: string): { rest: string | undefined; into: PrefixFields } => {
    const into: PrefixFields = {};
    return { rest: stripJournalJson(text, into), into };
  };
  // Pieces of entries, whole and broken, and the characters `.` and `\s` treat apart.
  const piece = fc.constantFrom(
    '{', '}', '"MESSAGE"', '"MESSAGE":', ' : ', ':', '"Call trace:"', '"_TRANSPORT":"kernel"', ',', ' ', '\t', '\r', '\n',
    '\u2028', '\u2029', '\u00a0', '\ufeff', '"__REALTIME_TIMESTAMP":"1673344800285732"', 'x', '"', '[1]',
  );
  const pieces = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
  // Often an entry with pieces inside and after it, else pieces alone.
  const line = fc.oneof(
    fc.tuple(pieces, pieces, pieces).map(([inside, between, after]) => `{${inside}"MESSAGE":"m"${between}}${after}`),
    fc.array(piece, { maxLength: 10 }).map((p) => p.join('')),
  );

  test('for any line', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(viaStrip(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 20_000 },
    );
  });

  test.each([
    ['an entry', '{"_TRANSPORT":"kernel","MESSAGE":"Call trace:"}', 'Call trace:'],
    ['spaces after the entry', '{"MESSAGE":"a"} \t', 'a'],
    ['a blank after the entry that JSON has not', '{"MESSAGE":"a"} \u00a0', undefined],
    ['a CR between fields: JSON takes it as a blank, `.` stops at it', '{"MESSAGE":"a",\r"x":"y"}', undefined],
    // Found by a review: the text after a kmsg prefix may hold LF (`\x0a`), where `.` stops too.
    ['Found by a review: an LF before the closing brace', '{"MESSAGE":"a"\n}', undefined],
    ['a CR inside a string: `.` stops at it', '{"MESSAGE":"a\rb"}', undefined],
    ['no colon after MESSAGE', '{"MESSAGE" "a"}', undefined],
    ['MESSAGE only as a value', '{"a":"MESSAGE"}', undefined],
    ['no closing brace', '{"MESSAGE":"a"', undefined],
  ])('%s', (_name, text, rest) => {
    expect(viaStrip(text).rest).toBe(rest);
    expect(viaRegex(text).rest).toBe(rest);
  });
});

test('an entry whose __REALTIME_TIMESTAMP no Date holds has no wall time, and the read goes on', async () => {
  const into: PrefixFields = {};
  expect(takeJournalJson('{"__REALTIME_TIMESTAMP":"99999999999999999999999","MESSAGE":"a"}', into)).toBe('a');
  expect(into.wallTime).toBeUndefined();
  const entry = (message: string, realtime: string): string => JSON.stringify({ __REALTIME_TIMESTAMP: realtime, _TRANSPORT: 'kernel', MESSAGE: message });
  const result = await analyzeText(
    [
      entry('WARNING: CPU: 0 PID: 1 at mm/x.c:1 f+0x0/0x4', '99999999999999999999999'),
      entry('Call trace:', '1673344800285732'),
      entry(' f+0x0/0x4', '1673344800285733'),
      entry('---[ end trace 0000000000000000 ]---', '1673344800285734'),
    ].join('\n'),
  );
  expect(result.inputError).toBeUndefined();
  expect(result.clusters.map((c) => c.count)).toEqual([1]);
});
