import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RecordAssembler } from '../../src/parse/record-assembler.js';
import type { LogRecord } from '../../src/parse/types.js';
import { UsageError } from '../../src/errors.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const describeCorpus = existsSync(CORPUS) ? describe : describe.skip;

function assemble(lines: string[], truncated: ReadonlySet<number> = new Set()): LogRecord[] {
  const a = new RecordAssembler();
  const out = lines.flatMap((line, i) => a.push(i + 1, line, truncated.has(i + 1)));
  return [...out, ...a.flush()];
}

// boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg.txt, first WARNING splat
const HEADER = '[   14.499688] WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449';
const HEADER_SITE = ' mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]';
const HEADER_TEXT = 'WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]';
const MODULES = '[   14.523512] Modules linked in: efivarfs ip_tables x_tables autofs4';
const PC = '[   14.591804] pc : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]';
const X29 = '[   14.609538] x29: ffff8000118eb810 x28: ffff000133646e80 ';

describe('RecordAssembler joins', () => {
  test.each([
    ['WARNING header + ` func+off/size [module]`', [HEADER, HEADER_SITE], HEADER_TEXT],
    ['WARNING header + bare `func+off/size`', ['WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197', 'vmemmap_populate+0x44/0x194'],
      'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197 vmemmap_populate+0x44/0x194'],
    // syzkaller__report_249__WARNING_in_rfkill_fop_read.txt (4.1), wrapped after the site
    ['4.x WARNING header + `func+off/size()`', ['[   30.952857] WARNING: CPU: 1 PID: 8321 at /linux/kernel/sched/core.c:7301', '__might_sleep+0x77/0x80()'],
      'WARNING: CPU: 1 PID: 8321 at /linux/kernel/sched/core.c:7301 __might_sleep+0x77/0x80()'],
    ['mail-quoted WARNING header wrapped by the mail client', [`> ${HEADER}`, `>${HEADER_SITE}`], HEADER_TEXT],
    ['`pc : ` + symbol', ['[   14.591804] pc :', 'mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]'], 'pc : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]'],
    ['`lr : ` + symbol', ['[   14.598442] lr : ', '  mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]'], 'lr : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]'],
    ['register line cut between name and value', ['[   14.609538] x29: ffff8000118eb810 x28:', 'ffff000133646e80 '],
      'x29: ffff8000118eb810 x28: ffff000133646e80'],
    ['register line cut inside a value', ['[   14.609538] x29: ffff8000118eb810 x28: ffff0001', '33646e80 '],
      'x29: ffff8000118eb810 x28: ffff000133646e80'],
    ['padded register name cut', ['[   14.664094] x9 : ffff800010279d18 x8 :', 'ffff8000116c29a4'],
      'x9 : ffff800010279d18 x8 : ffff8000116c29a4'],
    ['mail-quoted machine line wrapped by the mail client', ['> [   12.800447] Hardware name: SolidRun LX2160A Honeycomb', '> (DT)'],
      'Hardware name: SolidRun LX2160A Honeycomb (DT)'],
    // A metamorphic audit (syzkaller 569 mailed at 72 columns): a long frame went whole to the next line.
    ['stamped line left empty + the frame a mail client moved to the next line',
      ['[ 1039.677571][    C0] ', 'wg_timers_any_authenticated_packet_traversal+0x68/0x8c'], ' wg_timers_any_authenticated_packet_traversal+0x68/0x8c'],
    ['mail-quoted: the same with a module and an unwinder mark', ['> [ 1039.677571] ', '> nfc_llcp_unregister_device+0x1c/0x2c0 [nfc] (P)'],
      ' nfc_llcp_unregister_device+0x1c/0x2c0 [nfc] (P)'],
  ])('%s', (_name, lines, text) => {
    const recs = assemble(lines);
    expect(recs.map((r) => r.text)).toEqual([text]);
    expect(recs[0]!.lineNo).toBe(1);
  });

  test('joined record keeps the first line number, time and the next record follows', () => {
    const recs = assemble(['[   14.495001] ------------[ cut here ]------------', HEADER, HEADER_SITE, MODULES]);
    expect(recs.map((r) => [r.lineNo, r.ts])).toEqual([[1, 14.495001], [2, 14.499688], [4, 14.523512]]);
    expect(recs[1]!.text).toBe(HEADER_TEXT);
  });

  test('wantsNextLine is true only while a line may still be joined', () => {
    const a = new RecordAssembler();
    expect(a.push(1, MODULES, false)).toHaveLength(1);
    expect(a.wantsNextLine).toBe(false);
    expect(a.push(2, HEADER, false)).toEqual([]);
    expect(a.wantsNextLine).toBe(true);
    expect(a.push(3, HEADER_SITE, false).map((r) => r.text)).toEqual([HEADER_TEXT]);
    expect(a.wantsNextLine).toBe(false);
  });

  test('quoted-printable soft breaks and escapes, in QP mail only', () => {
    const recs = assemble([
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '[   14.499688] WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvp=',
      'p2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
      '[    0.000000] Kernel command line: console=3DttyAMA0 root=3D/dev/vda',
    ]);
    expect(recs.slice(3).map((r) => [r.lineNo, r.text])).toEqual([
      [4, HEADER_TEXT],
      [6, 'Kernel command line: console=ttyAMA0 root=/dev/vda'],
    ]);
  });

  test('a soft break keeps wantsNextLine true and flush emits the unfinished line', () => {
    const a = new RecordAssembler();
    a.push(1, 'Content-Transfer-Encoding: quoted-printable', false);
    expect(a.push(2, 'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mm=', false)).toEqual([]);
    expect(a.wantsNextLine).toBe(true);
    expect(a.flush().map((r) => [r.lineNo, r.text])).toEqual([[2, 'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mm']]);
  });

  test('/dev/kmsg ` KEY=value` continuation lines are dropped', () => {
    const recs = assemble(['6,1020,5140900,-;usb 1-1: new high-speed USB device number 2', ' SUBSYSTEM=usb', ' DEVICE=c189:1',
      '4,1021,5141000,-;usb 1-1: device descriptor read/64, error -71']);
    expect(recs.map((r) => [r.lineNo, r.text])).toEqual([
      [1, 'usb 1-1: new high-speed USB device number 2'],
      [4, 'usb 1-1: device descriptor read/64, error -71'],
    ]);
  });
});

// Found by a review of the log formats: 4.x arm64 prints its `Virtual kernel memory layout:` block as one record with
// embedded newlines, which a console prints as lines of their own and /dev/kmsg (`\x0a`), the journal (`\n` in
// MESSAGE) and rsyslog (`#012`) keep in one line: the block's rows had been lost.
describe('Found by a review: a record printed with embedded newlines is a record per line', () => {
  const ROWS = ['Virtual kernel memory layout:', '    vmalloc : 0xffffff8000000000 - 0xffffffbdbfff0000   (   246 GB)', '      .data : 0xffffffc001211000 - 0xffffffc0013d7430   (  1818 KB)'];

  test.each([
    ['/dev/kmsg', `5,29,1500,-;${ROWS.join('\\x0a')}`, { ts: 0.0015, level: 5 }],
    ['journal json', JSON.stringify({ _TRANSPORT: 'kernel', _HOSTNAME: 'jetson', MESSAGE: ROWS.join('\n') }), { host: 'jetson' }],
    ['rsyslog', `Nov 29 09:00:00 jetson kernel: ${ROWS.join('#012')}`, { host: 'jetson', wallTime: '--11-29T09:00:00' }],
    ['rsyslog, high precision', `2026-11-29T09:00:00.000123+00:00 jetson kernel: ${ROWS.join('#012')}`, { host: 'jetson', wallTime: '2026-11-29T09:00:00.000123+00:00' }],
    ['rsyslog, RFC 5424', `<5>1 2026-11-29T09:00:00.000123+00:00 jetson kernel - - - ${ROWS.join('#012')}`, { host: 'jetson', level: 5, wallTime: '2026-11-29T09:00:00.000123+00:00' }],
  ])('%s: each line with the record\'s line number and fields', (_name, line, fields) => {
    const recs = assemble([line, '[    0.000000] SLUB: HWalign=64']);
    expect(recs).toEqual([...ROWS.map((text) => ({ lineNo: 1, text, ...fields })), { lineNo: 2, text: 'SLUB: HWalign=64', ts: 0 }]);
  });

  test('a KFENCE header that ends in a newline is the header and an empty line, as the console prints it', () => {
    const recs = assemble(['3,4,39998586,-;BUG: KFENCE: memory corruption in kfree+0x8c/0x174\\x0a']);
    expect(recs.map((r) => r.text)).toEqual(['BUG: KFENCE: memory corruption in kfree+0x8c/0x174', '']);
  });

  test.each([
    ['a user-space syslog line', 'Nov 29 09:00:00 jetson app[12]: id #012 done', 'id #012 done'],
    ['a kernel line of no syslog format', '[    1.000000] md: array #012 started', 'md: array #012 started'],
    ['a kernel line behind moreutils ts', 'Nov 29 09:00:00 md: array #012 started', 'md: array #012 started'],
  ])('`#012` is text in %s', (_name, line, text) => {
    expect(assemble([line]).map((r) => r.text)).toEqual([text]);
  });
});

describe('RecordAssembler keeps lines apart', () => {
  test.each([
    ['two ordinary lines', [MODULES, PC]],
    ['complete WARNING header', [`${HEADER}${HEADER_SITE}`, ' mvpp2_bm_pool_destroy+0x48/0xe8 [mvpp2]']],
    ['incomplete header, next line has its own printk time', [HEADER, '[   14.700033]  mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]']],
    // squad__linux_log_parser_oops_arm64_hikey_4.4.89.txt: 4.4 prints no function after the site
    ['incomplete header, next line has its own `dmesg -H` delta', [HEADER, '[  +0.000010]  mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]']],
    ['old `WARNING: at file:line`', ['[   36.193854] WARNING: at /srv/oe/build/tmp-rpb-glibc/work-shared/hikey/kernel-source/kernel/watchdog.c:352',
      'Modules linked in:']],
    ['`pc :` followed by no symbol', ['pc :', 'Call trace:']],
    ['complete register line', [X29, 'ffff000133647000']],
    ['cut register value that does not add up to 16 digits', ['x28: ffff0001', 'ffff000133646e80']],
    ['` KEY=value` not after a kmsg record', ['usb 1-1: new device', ' SUBSYSTEM=usb']],
    ['line ending in `=` outside QP mail', ['[    5.246632]     ubootpart=', 'y']],
    ['foreign line is never held', ['May 02 10:11:12 host systemd[1]: WARNING: at a.c:1', 'f+0x1/0x2']],
    ['empty stamped line + a line that is no frame', ['[  662.962366] ', '               PC: 0xffffffc0107abb2c:']],
    ['empty stamped line + a stamped frame', ['[  662.962366] ', '[  662.962367]  el0_sync+0x1a0/0x1c0']],
    ['empty unstamped line + a frame', ['', 'el0_sync+0x1a0/0x1c0']],
  ])('%s', (_name, lines) => {
    const recs = assemble(lines);
    expect(recs.map((r) => r.lineNo)).toEqual([1, 2]);
  });

  test('a kernel line containing `=3D` outside QP mail is not decoded', () => {
    expect(assemble(['[    1.000000] random: x=3D1 y=3D2']).map((r) => r.text)).toEqual(['random: x=3D1 y=3D2']);
  });

  test('ordinary lines are returned when pushed', () => {
    const a = new RecordAssembler();
    expect(a.push(7, PC, false)).toEqual([{ lineNo: 7, text: 'pc : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]', ts: 14.591804 }]);
    expect(a.wantsNextLine).toBe(false);
  });

  test('a truncated line is marked and never held for a join', () => {
    const recs = assemble([HEADER, HEADER_SITE], new Set([1]));
    expect(recs.map((r) => [r.lineNo, r.truncated])).toEqual([[1, true], [2, undefined]]);
  });

  test('kmsg continuation after a kmsg record with a held line keeps the held line', () => {
    const recs = assemble(['4,5,6,-;WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197', ' SUBSYSTEM=cpu']);
    expect(recs.map((r) => [r.lineNo, r.text, r.level])).toEqual([[1, 'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197', 4]]);
  });
});

describeCorpus('RecordAssembler on the corpus', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')) : [];

  // None of these logs was wrapped, mail-encoded or read from /dev/kmsg: every physical line is one record.
  test.each(files)('%s: one record per line, in order', (file) => {
    const lines = readFileSync(path.join(CORPUS, file), 'utf8').split(/\r\n|\r|\n/);
    const recs = assemble(lines);
    expect(recs).toHaveLength(lines.length);
    expect(recs.every((r, i) => r.lineNo === i + 1)).toBe(true);
  });
});

describe('settledAt', () => {
  test('false while a line may still be joined or quoted-printable evidence is near', () => {
    const a = new RecordAssembler();
    a.push(1, '[    1.000000] a plain line', false);
    expect(a.settledAt(1)).toBe(true);
    a.push(2, 'Content-Transfer-Encoding: quoted-printable', false);
    expect(a.settledAt(2)).toBe(false);
  });
});

// Found by a review of the library API: RecordAssembler.push took a line number of '1', NaN or 0 into its records
// (lineNo '1', null in JSON), and lines out of order; a line that is no string was a raw TypeError from inside.
describe('Found by a review: push refuses wrong arguments with a UsageError', () => {
  test.each([
    ['a line of undefined', (a: RecordAssembler) => a.push(2, undefined as never, false), /^RecordAssembler\.push: text must be a string \(one line of the log\), not undefined$/],
    ['a line number as a string', (a: RecordAssembler) => a.push('2' as never, 'x', false), /^RecordAssembler\.push: lineNo must be a whole number of at least 1 .*, not the string '2'$/],
    ['line NaN', (a: RecordAssembler) => a.push(NaN, 'x', false), /lineNo must be a whole number .*, not the number NaN$/],
    ['an earlier line', (a: RecordAssembler) => a.push(1, 'x', false), /^RecordAssembler\.push: lineNo must come after the last line pushed, 1, not the number 1$/],
    ['truncated as a string', (a: RecordAssembler) => a.push(2, 'x', 'no' as never), /^RecordAssembler\.push: truncated must be a boolean .*, not the string 'no'$/],
  ])('%s', (_what, call, message) => {
    const a = new RecordAssembler();
    a.push(1, 'a', false);
    expect(() => call(a)).toThrow(UsageError);
    expect(() => call(a)).toThrow(message);
  });
});

// Found by a review of the library API: settledAt('x') answered false rather than saying the call was wrong.
test('Found by a review: RecordAssembler.settledAt of no line number is a UsageError', () => {
  const call = () => new RecordAssembler().settledAt(NaN);
  expect(call).toThrow(UsageError);
  expect(call).toThrow(/^RecordAssembler\.settledAt: lineNo must be a whole number \(the last line read\), not the number NaN$/);
});
