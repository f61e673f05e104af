import { kasanReportMode } from '../../src/parse/kasan-report-mode.js';
import { corpusAvailable, corpusSplats, recordsOf, splatsOf } from './_records.js';

/** The one report of `lines` (printk stamps added), and what it shows of KASAN's mode. */
function modeOf(lines: string[]): { mode: string; lineNo: number; why: string } | undefined {
  const text = lines.map((l, i) => `[   33.${String(100000 + i).slice(1)}] ${l}`).join('\n');
  const [splat] = splatsOf(recordsOf(text));
  const shown = splat && kasanReportMode(splat);
  return shown && { mode: shown.mode, lineNo: shown.rec.lineNo, why: shown.why };
}

const RULE = '==================================================================';
const TRACE = ['Call trace:', ' dump_backtrace+0x0/0x1a4', ' show_stack+0x1c/0x70', ' dump_stack+0xd0/0x12c'];
const ROW = ' 00 00 00 00 00 00 00 00 fc fc fc fc fc fc fc fc';
/** The memory dump: 16 metadata bytes a row, a row every `step` bytes of memory (0x80 generic, 0x100 tags). */
const dump = (step: number): string[] => {
  const row = (n: number) => `${n === 1 ? '>' : ' '}${(0xffff_0000_c123_4000n + BigInt(n * step)).toString(16)}:${ROW}`;
  return ['', 'Memory state around the buggy address:', row(0), row(1), '                                ^', row(2), RULE];
};
const GENERIC_TAIL = dump(0x80);
const TAGS_TAIL = dump(0x100);
const STATE_LINE = (lines: string[]) => lines.indexOf('Memory state around the buggy address:') + 1;

describe('kasanReportMode', () => {
  test('a memory dump of 0x80 bytes a row with no pointer tag before it is generic; the dump line is the evidence', () => {
    const lines = [RULE, 'BUG: KASAN: slab-out-of-bounds in foo_read+0x30/0x80', 'Read of size 8 at addr ffff0000c1234568 by task cat/100', '', ...TRACE, ' kasan_report+0x104/0x200', ' foo_read+0x30/0x80', ...GENERIC_TAIL];
    expect(modeOf(lines)).toEqual({ mode: 'generic', lineNo: STATE_LINE(lines), why: 'a memory dump of 0x80 bytes a row, and no pointer tag before it' });
  });

  test('a pointer tag says tags; MTE fault handler frames say hardware, the compiler checks say software', () => {
    const head = [RULE, 'BUG: KASAN: slab-out-of-bounds in foo_read+0x30/0x80', 'Read at addr f4ff0000c1234568 by task cat/100', 'Pointer tag: [f4], memory tag: [fe]', ''];
    const hw = [...head, ...TRACE, ' kasan_report+0x104/0x200', ' do_tag_check_fault+0x6c/0x80', ' do_mem_abort+0x44/0xb4', ' foo_read+0x30/0x80', ...TAGS_TAIL];
    expect(modeOf(hw)).toEqual({ mode: 'hw-tags', lineNo: 4, why: "a pointer tag, and MTE's fault handler in the trace" });
    const sw = [...head, ...TRACE, ' kasan_report+0x104/0x200', ' kasan_check_range+0x1c/0x30', ' __hwasan_load8_noabort+0x18/0x24', ' foo_read+0x30/0x80', ...TAGS_TAIL];
    expect(modeOf(sw)?.mode).toBe('sw-tags');
    const brk = [...head, ...TRACE, ' kasan_report+0x104/0x200', ' kasan_handler+0x40/0x80', ' brk_handler+0x3c/0x80', ' foo_read+0x30/0x80', ...TAGS_TAIL];
    expect(modeOf(brk)?.mode).toBe('sw-tags');
    const neither = [...head, ...TRACE, ' kasan_report_invalid_free+0xc4/0x114', ' kfree+0xf8/0x19c', ' foo_release+0x30/0x80', ...TAGS_TAIL];
    expect(modeOf(neither)).toEqual({ mode: 'tags', lineNo: 4, why: 'a pointer tag, which both tag modes print' });
  });

  test('without a pointer tag, a dump of 0x100 bytes a row or an invalid-access report still says tags', () => {
    const lostTag = [RULE, 'BUG: KASAN: slab-out-of-bounds in foo_read+0x30/0x80', 'Read at addr f4ff0000c1234568 by task cat/100', '', ...TRACE, ' foo_read+0x30/0x80', ...TAGS_TAIL];
    expect(modeOf(lostTag)).toEqual({ mode: 'tags', lineNo: STATE_LINE(lostTag), why: 'a memory dump of 0x100 bytes a row, which both tag modes print' });
    const invalidAccess = [RULE, 'BUG: KASAN: invalid-access in foo_read+0x30/0x80', 'Read at addr ffff0000c1234568 by task cat/100', '', ...TRACE, ' foo_read+0x30/0x80', ...GENERIC_TAIL];
    expect(modeOf(invalidAccess)?.mode).toBe('tags');
  });

  test("hardware tags' asynchronous report, in both its wordings", () => {
    for (const line of ['Asynchronous fault: no details available', 'Asynchronous mode enabled: no access details available']) {
      const async = [RULE, 'BUG: KASAN: invalid-access', line, '', ...TRACE, ' foo_read+0x30/0x80', RULE];
      expect(modeOf(async)).toEqual({ mode: 'hw-tags', lineNo: 3, why: "hardware tags' asynchronous report" });
    }
  });

  test('no tag and no readable dump (an address without KASAN metadata, a cut report) says nothing; other reports are not read', () => {
    const wild = [RULE, 'BUG: KASAN: null-ptr-deref in range [0x0000000000000000-0x0000000000000007]', 'Read of size 8 at addr 0000000000000000 by task cat/100', '', ...TRACE, ' foo_read+0x30/0x80', RULE];
    expect(modeOf(wild)).toBeUndefined();
    const cut = [RULE, 'BUG: KASAN: slab-out-of-bounds in foo_read+0x30/0x80', 'Read of size 8 at addr ffff0000c1234568 by task cat/100', '', ...TRACE, ' foo_read+0x30/0x80', '', 'Memory state around the buggy address:', RULE];
    expect(modeOf(cut)).toBeUndefined();
    const warning = ['------------[ cut here ]------------', 'WARNING: CPU: 0 PID: 1 at mm/foo.c:10 foo+0x10/0x20', ...GENERIC_TAIL.slice(1, 4), ...TRACE, ' foo+0x10/0x20', '---[ end trace 0000000000000000 ]---'];
    expect(modeOf(warning)).toBeUndefined();
  });
});

(corpusAvailable ? describe : describe.skip)('corpus', () => {
  test('syzbot arm64 MTE reports (5.11-rc3 and on): hardware tags, from do_tag_check_fault', () => {
    for (const file of ['syzkaller__report_568__KASAN_invalid-access_Read_in_io_submit_sqes.txt', 'syzkaller__report_616__KASAN_invalid-access_Read_in_ip6_mc_del1_src.txt']) {
      const kasan = corpusSplats(file).find((s) => s.kind === 'kasan');
      expect(kasan && kasanReportMode(kasan)?.mode).toBe('hw-tags');
    }
  });

  test('the invalid-free of report_696 (6.3, a GCE arm64 guest): a dump of 0x80 bytes a row and no pointer tag, so generic', () => {
    const kasan = corpusSplats('syzkaller__report_696__WARNING_in_ext4_expand_extra_isize_ea.txt').find((s) => s.kind === 'kasan');
    const shown = kasan && kasanReportMode(kasan);
    expect(shown?.mode).toBe('generic');
    expect(shown?.rec.text.trim()).toBe('Memory state around the buggy address:');
  });
});
