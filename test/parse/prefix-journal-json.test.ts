import type { PrefixFields } from '../../src/parse/prefix-rules.js';
import { takeJournalJson } from '../../src/parse/prefix-journal-json.js';
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
