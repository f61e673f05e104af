import { analyzeText } from '../../src/api.js';
import { JOURNAL_NEEDLES, headReading, hidesNeedles } from '../../src/ingest/hidden-needles.js';

// Found by review: the fast path looks for its needles in the raw bytes, where these wrappers hide them, so the
// reports were missed; the same files read as UTF-16 (every line decoded) found them.
const WARNING = [
  '------------[ cut here ]------------',
  'WARNING: CPU: 0 PID: 126 at drivers/base/core.c:100 device_del+0x30/0x48',
  'CPU: 0 PID: 126 Comm: kworker/u8:3 Not tainted 5.9.0 #15',
  'Call trace:',
  ' device_del+0x30/0x48',
  ' device_unregister+0x1c/0x38',
  '---[ end trace 0000000000000000 ]---',
];
const bytes = (m: string) => [...Buffer.from(m, 'utf8')].join(', ');

describe('wrappers that hide the trigger words', () => {
  test.each([
    // Colour codes come off at the byte level (ingest/ansi-stripper.ts) before the needles are looked for.
    ['a colour code', '[    0.000000] \u001b[32m[    0.000000]\u001b[0m Booting Linux\n', false],
    ['a journal entry', '{"_TRANSPORT":"kernel","MESSAGE":"x"}\n', true],
    ['a journal entry, spaced and indented', '  { "__CURSOR" : "s=1", "MESSAGE" : [ 65 ] }\n', true],
    ['plain dmesg', '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]\n', false],
    ['JSON of another kind', '{"dt": "2024", "msg": "x"}\n', false],
    // A line before the entries (a prompt) does not hide them: they only add needles (headReading).
    ['a MESSAGE field past the first line', 'plain\n{"MESSAGE":"x"}\n', true],
    // Found by a review: logd splits `Memory: …` into a tag and the text, so `Memory:` is not in the bytes.
    ['logcat -v threadtime, after its banner', '--------- beginning of kernel\n09-06 10:36:55.187     0     0 I Memory  : 8053000K available\n', true],
    ['logcat -v time', '09-06 10:36:55.187 W/Machine model(    0): SolidRun LX2160A Honeycomb\n', true],
    ['logcat -v brief', 'W/        (    0): Booting Linux on physical CPU 0x0\n', true],
    ['logcat -v monotonic', '    85.501     0     0 W         : Call trace:\n', true],
    ['dmesg with a level', '<6>[    0.000000] Booting Linux on physical CPU 0x0000000000\n', false],
    // Found by a review of the log formats: these modifiers, and logcat after more than 8 lines, were not seen.
    ['Found by a review: logcat -v zone', '11-29 09:00:00.000 +0000     0     0 I Memory  : 8053000K available\n', true],
    ['Found by a review: logcat -v nsec', '11-29 09:00:00.000000000     0     0 I Memory  : 8053000K available\n', true],
    ['Found by a review: logcat -v time -v year', '2026-11-29 09:00:00.000 I/Memory  (    0): 8053000K available\n', true],
    ['Found by a review: logcat -v time -v zone -v nsec', '11-29 09:00:00.000000000 +0000 I/Memory  (    0): 8053000K available\n', true],
    ['Found by a review: logcat -v uid, a number', '11-29 09:00:00.000     0     0     0 I Memory  : 8053000K available\n', true],
    ['Found by a review: logcat after a header of 30 lines', `${'== dumpstate header\n'.repeat(30)}11-29 09:00:00.000     0     0 I Memory  : 8053000K available\n`, true],
    ['a dmesg -T line is no logcat', '[Sun Nov 29 09:00:00 2026] Memory: 8053000K available\n', false],
    ['a ts line is no logcat', 'Nov 29 09:00:00 Memory: 8053000K available\n', false],
  ])('the start of an input: %s', (_, head, hides) => {
    expect(hidesNeedles(Buffer.from(head, 'utf8'))).toBe(hides);
  });

  const journal = { everyLine: false, moreNeedles: JOURNAL_NEEDLES };
  test.each([
    ['{"_TRANSPORT":"kernel","MESSAGE":"x"}\n', journal],
    ['\u001e{"MESSAGE":"x"}\n', journal],
    // Found by a review: a coloured prompt line before the entries had hidden them (the first line was no entry).
    ['\u001b[1m$ journalctl -k -o json\u001b[0m\n{"_TRANSPORT":"kernel","MESSAGE":"x"}\n', journal],
    ['09-06 10:36:55.187 W/Machine model(    0): SolidRun LX2160A Honeycomb\n', { everyLine: true }],
    // Found by a review: `logcat -v color` starts every line with a colour code, which the logcat test had not looked past.
    ['\u001b[38;5;40m11-29 09:00:00.001     0     0 I Memory  : 3564464K/4192256K available\u001b[0m\n', { everyLine: true }],
    // Found by a review: the analysis tells interleaved hosts by every line's host (HostRuns), which the fast path skips.
    ['{"_HOSTNAME":"a","MESSAGE":"x"}\n{"_HOSTNAME" : "b","MESSAGE":"y"}\n', { everyLine: true }],
    ['{"_HOSTNAME":"a","MESSAGE":"x"}\n{"_HOSTNAME":"a","MESSAGE":"y"}\n', journal],
    // Found by a review: other tools than journalctl write a colour code in a string as `\u001b`, which may split a needle.
    ['{"MESSAGE":"\\u001b[33mINFO:\\u001b[0m task x"}\n', { everyLine: true }],
    ['{"MESSAGE":"x86\\/fpu: x"}\n', { everyLine: true }],
    ['[    0.000000] Booting Linux\n', { everyLine: false }],
  ])('how the fast path reads %j', (head, reading) => {
    expect(headReading(Buffer.from(head, 'utf8'))).toEqual(reading);
  });

  test.each([
    ['compact', (m: string) => `{"_TRANSPORT":"kernel","MESSAGE":[${bytes(m)}]}`],
    ['spaced as journalctl', (m: string) => `{ "_TRANSPORT" : "kernel", "MESSAGE" : [ ${bytes(m)} ] }`],
    ['spaced as json.dumps', (m: string) => `{"_TRANSPORT": "kernel", "MESSAGE": [${bytes(m)}]}`],
  ])('journal JSON with MESSAGE as bytes (%s): the WARNING is found', async (_, line) => {
    const result = await analyzeText(`${WARNING.map(line).join('\n')}\n`);
    const plain = await analyzeText(`${WARNING.join('\n')}\n`);
    expect(plain.clusters).toHaveLength(1);
    expect(result.clusters.map((c) => [c.title, c.count, c.example.frames.length])).toEqual(plain.clusters.map((c) => [c.title, c.count, c.example.frames.length]));
  });

  test('dmesg --color=always: a hung task whose INFO: is coloured apart from its task is found', async () => {
    const log = [
      '[  610.334229] \u001b[33mINFO: \u001b[0m\u001b[31mtask syz-fuzzer:4433 blocked for more than 143 seconds.\u001b[0m',
      '[  610.340000]       Not tainted 5.9.0 #15',
      '[  610.341000] Call trace:',
      '[  610.343000]  __switch_to+0x1a0/0x2c0',
      '[  610.343100]  __schedule+0x2b0/0x640',
      '[  610.343500]  register_netdevice_notifier+0x24/0x198',
      '[  610.343600]  bcm_init+0x1a0/0x2c0',
    ].join('\n');
    const result = await analyzeText(`${log}\n`);
    expect(result.clusters.map((c) => c.title)).toEqual(['INFO: task hung in register_netdevice_notifier']);
  });

  test('older util-linux colouring of the subsystem alone: boot facts are found', async () => {
    const log = '[    0.000000] \u001b[33mMemory\u001b[0m: 32883344K/33554432K available (16384K kernel code)\n[    0.000000] \u001b[33mMachine model\u001b[0m: SolidRun LX2160A Honeycomb\n';
    const result = await analyzeText(log);
    expect(result.boots[0]?.machineModel?.value).toBe('SolidRun LX2160A Honeycomb');
    expect(result.boots[0]?.memory?.value).toMatch(/^32883344K\/33554432K available/);
  });
});
