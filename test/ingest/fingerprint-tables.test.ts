import { BUCKETS, FINGERPRINT_BYTES, buildFingerprints } from '../../src/ingest/fingerprint-tables.js';
import { TriggerPattern } from '../../src/ingest/trigger-pattern.js';
import { JOURNAL_NEEDLES } from '../../src/ingest/hidden-needles.js';
import { AFTER_RULE_NEEDLES, SPLAT_TRIGGERS } from '../../src/parse/splat-triggers.js';
import { BOOT_FACT_TRIGGERS } from '../../src/parse/boot-fact-triggers.js';
import { RULE_NEEDLE } from '../../src/parse/rule-line.js';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');

/** The buckets the tables let through for `window` (4 bytes, as the WebAssembly scan tests them). */
function accepted(tables: Uint8Array, window: readonly number[]): number {
  let buckets = 0xff;
  window.forEach((byte, p) => {
    buckets &= tables[32 * p + (byte & 15)]! & tables[32 * p + 16 + (byte >> 4)]!;
  });
  return buckets;
}

const NEEDLES = ['WARNING:', 'kernel BUG at', 'cut here', 'Oops', 'Memory: ', ' pgtable: ', '=3D', '=\n', 'x86/fpu: '];

test('every needle sits in one bucket, and its own window passes that bucket', () => {
  const { tables, buckets } = buildFingerprints(NEEDLES.map(bytes));
  expect(buckets).toHaveLength(BUCKETS);
  expect(buckets.flat().map((n) => Buffer.from(n.bytes).toString('latin1')).sort()).toEqual([...NEEDLES].sort());
  buckets.forEach((members, bucket) => {
    for (const { bytes: b, window } of members) {
      const fingerprint = Array.from({ length: FINGERPRINT_BYTES }, (_, p) => b[window + p] ?? 0x41);
      expect(accepted(tables, fingerprint) & (1 << bucket)).not.toBe(0);
    }
  });
});

test('a window avoids lowercase letters, digits and spaces where the needle allows it', () => {
  const { buckets } = buildFingerprints([bytes('kernel BUG at')]);
  const [needle] = buckets.flat();
  expect(Buffer.from(needle!.bytes.subarray(needle!.window, needle!.window + 4)).toString('latin1')).toBe(' BUG');
});

test('bytes past the end of a short needle are wildcards', () => {
  const { tables, buckets } = buildFingerprints([bytes('=\n')]);
  const bucket = buckets.findIndex((b) => b.length > 0);
  for (const third of [0x00, 0x41, 0xff]) expect(accepted(tables, [0x3d, 0x0a, third, 0x7a]) & (1 << bucket)).not.toBe(0);
  expect(accepted(tables, [0x3d, 0x41, 0x00, 0x00])).toBe(0);
});

test('text with none of the needles\' bytes passes no bucket', () => {
  const { tables } = buildFingerprints(['WARNING:', 'BUG:'].map(bytes));
  expect(accepted(tables, [...bytes('abcd')])).toBe(0);
});

// `journalctl -o short-precise` of the quiet bench log: `gene` (general protection fault) had shared a bucket with
// `Kern`, `Mach` and `Memo`, whose nibbles then passed `kern`, so every `host kernel: ` line was a candidate (11,000 a
// MB against 1,600 for the same lines as dmesg prints them).
test('the analyzer’s needles pass no window of the text every syslog or journal line carries', () => {
  const needles = new TriggerPattern([...SPLAT_TRIGGERS, ...AFTER_RULE_NEEDLES, ...BOOT_FACT_TRIGGERS, RULE_NEEDLE]).searchBytes;
  for (const more of [[], JOURNAL_NEEDLES]) {
    const { tables } = buildFingerprints([...needles, ...more.map(bytes)]);
    for (const text of ['Jan 10 10:00:00.001055 bench kernel: ', '{"_TRANSPORT":"kernel","PRIORITY":"6","_HOSTNAME":"h","MESSAGE":"x"}', '{"_TRANSPORT": "kernel", "MESSAGE": "x"}']) {
      const passed = [...text].slice(0, -3).map((_, at) => text.slice(at, at + FINGERPRINT_BYTES)).filter((w) => accepted(tables, [...bytes(w)]) !== 0);
      expect(passed).toEqual([]);
    }
  }
});
