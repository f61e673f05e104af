import fc from 'fast-check';
import { stripPrefixes } from '../../src/parse/prefix.js';
import { analyzeText } from '../../src/api.js';
import { fuzzParams } from './_fuzz-params.js';

// The prefixes that decode a structure of their own (a LAVA entry's YAML escapes, a journal entry's JSON values, a
// kmsg record's escapes), with any value where a field goes: a value no Date or code point holds had thrown from the
// per-line path and stopped the read (`__REALTIME_TIMESTAMP` of 10^23 µs, LAVA's `\UFFFFFFFF`).
const yamlEscape = fc.constantFrom(
  '\\x41', '\\xZZ', '\\U0001F600', '\\UFFFFFFFF', '\\U0010FFFF', '\\U00110000', '\\U0000D800', '\\e', '\\0', '\\N', '\\_',
  '\\L', '\\P', '\\u00b5', '\\uD800', '\\"', '\\\\', '\\', '\\q', '"',
);
const lavaText = fc.array(fc.oneof(yamlEscape, fc.string({ maxLength: 6 })), { maxLength: 6 }).map((p) => p.join(''));
const lavaLine = fc
  .tuple(lavaText, fc.constantFrom('target', 'info', '"'), lavaText)
  .map(([dt, lvl, msg]) => `- {"dt": "${dt}", "lvl": "${lvl}", "msg": "WARNING: ${msg}"}`);

const oddNumber = fc.constantFrom('99999999999999999999999', '-99999999999999999999999', '1e400', '-1e30', 'NaN', '-0', '8640000000000001', '0x10', '1673344800285732', '');
const journalValue = fc.oneof(oddNumber, fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }));
const journalLine = fc
  .record(
    {
      __REALTIME_TIMESTAMP: journalValue,
      _SOURCE_MONOTONIC_TIMESTAMP: journalValue,
      _TRANSPORT: journalValue,
      _HOSTNAME: journalValue,
      SYSLOG_IDENTIFIER: journalValue,
      MESSAGE: fc.oneof(journalValue, fc.constant('WARNING: CPU: 0 PID: 1 at mm/x.c:1 f+0x0/0x4')),
    },
    { requiredKeys: ['MESSAGE'] },
  )
  .map((entry) => JSON.stringify(entry));

const kmsgLine = fc
  .tuple(fc.nat(), fc.constantFrom('', '-1', '99999999999999999999999', 'x'), fc.array(fc.oneof(fc.constantFrom('\\x0a', '\\x', '\\xZZ', '\\\\'), fc.string({ maxLength: 4 })), { maxLength: 5 }))
  .map(([seq, usec, msg]) => `4,${seq},${usec},-;WARNING: ${msg.join('')}`);

// Found by a review: logcat's epoch seconds (`-v epoch`) have no upper length.
const logcatLine = fc
  .tuple(fc.constantFrom('9999999999999', '8640000000001', '1673352014', '99999999999999999999'), fc.constantFrom(' 0 0 I x', ' I/kernel(    0): x'))
  .map(([seconds, rest]) => `${seconds}.000${rest}: WARNING: CPU: 0 PID: 1 at mm/x.c:1 f+0x0/0x4`);

const structuredLine = fc.oneof(lavaLine, journalLine, kmsgLine, logcatLine);

test('stripPrefixes reads LAVA, journal, kmsg and logcat lines with any values without throwing', () => {
  fc.assert(
    fc.property(structuredLine, (line) => {
      expect(() => stripPrefixes(line)).not.toThrow();
    }),
    fuzzParams(3000),
  );
});

test('a log of such lines is read to its end', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(structuredLine, { minLength: 1, maxLength: 6 }), async (lines) => {
      const result = await analyzeText(`${lines.join('\n')}\n`);
      expect(result.inputError).toBeUndefined();
      expect(result.stats.lines).toBe(lines.length);
    }),
    fuzzParams(300),
  );
});
