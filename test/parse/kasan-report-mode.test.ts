import { kasanReportMode } from '../../src/parse/kasan-report-mode.js';
import { corpusAvailable, corpusSplats, recordsOf, splatsOf } from './_records.js';

/** The one report of `lines` (printk stamps added), and the mode it shows. */
function modeOf(lines: string[]): { mode: string; lineNo: number } | undefined {
  const text = lines.map((l, i) => `[   33.${String(100000 + i).slice(1)}] ${l}`).join('\n');
  const [splat] = splatsOf(recordsOf(text));
  const shown = splat && kasanReportMode(splat);
  return shown && { mode: shown.mode, lineNo: shown.rec.lineNo };
}

const RULE = '==================================================================';
const TRACE = ['Call trace:', ' dump_backtrace+0x0/0x1a4', ' show_stack+0x1c/0x70', ' dump_stack+0xd0/0x12c'];
const TAIL = ['', 'Memory state around the buggy address:', ' ffff0000c1234500: fa fa fb fb fc fc fc fc', RULE];

describe('kasanReportMode', () => {
  test('a report that reaches its memory dump without a pointer tag is generic; the dump is the evidence', () => {
    const lines = [RULE, 'BUG: KASAN: slab-out-of-bounds in foo_read+0x30/0x80', 'Read of size 8 at addr ffff0000c1234568 by task cat/100', '', ...TRACE, ' kasan_report+0x104/0x200', ' foo_read+0x30/0x80', ...TAIL];
    expect(modeOf(lines)).toEqual({ mode: 'generic', lineNo: lines.indexOf('Memory state around the buggy address:') + 1 });
  });

  test('a pointer tag says tags; MTE fault handler frames say hardware, the compiler checks say software', () => {
    const head = [RULE, 'BUG: KASAN: slab-out-of-bounds in foo_read+0x30/0x80', 'Read at addr f4ff0000c1234568 by task cat/100', 'Pointer tag: [f4], memory tag: [fe]', ''];
    const hw = [...head, ...TRACE, ' kasan_report+0x104/0x200', ' do_tag_check_fault+0x6c/0x80', ' do_mem_abort+0x44/0xb4', ' foo_read+0x30/0x80', ...TAIL];
    expect(modeOf(hw)).toEqual({ mode: 'hw-tags', lineNo: 4 });
    const sw = [...head, ...TRACE, ' kasan_report+0x104/0x200', ' kasan_check_range+0x1c/0x30', ' __hwasan_load8_noabort+0x18/0x24', ' foo_read+0x30/0x80', ...TAIL];
    expect(modeOf(sw)?.mode).toBe('sw-tags');
    const brk = [...head, ...TRACE, ' kasan_report+0x104/0x200', ' kasan_handler+0x40/0x80', ' brk_handler+0x3c/0x80', ' foo_read+0x30/0x80', ...TAIL];
    expect(modeOf(brk)?.mode).toBe('sw-tags');
    const neither = [...head, ...TRACE, ' kasan_report_invalid_free+0xc4/0x114', ' kfree+0xf8/0x19c', ' foo_release+0x30/0x80', ...TAIL];
    expect(modeOf(neither)).toEqual({ mode: 'tags', lineNo: 4 });
  });

  test('invalid-access is reported by tag-based KASAN only, and its async form by hardware tags only', () => {
    const untaggedDump = [RULE, 'BUG: KASAN: invalid-access in foo_read+0x30/0x80', 'Read at addr ffff0000c1234568 by task cat/100', '', ...TRACE, ' foo_read+0x30/0x80', ...TAIL];
    expect(modeOf(untaggedDump)?.mode).toBe('tags');
    const async = [RULE, 'BUG: KASAN: invalid-access', 'Asynchronous fault: no details available', '', ...TRACE, ' foo_read+0x30/0x80', RULE];
    expect(modeOf(async)).toEqual({ mode: 'hw-tags', lineNo: 3 });
  });

  test('a report of an address without KASAN metadata (no tag, no dump) says nothing; other reports are not read', () => {
    const wild = [RULE, 'BUG: KASAN: null-ptr-deref in range [0x0000000000000000-0x0000000000000007]', 'Read of size 8 at addr 0000000000000000 by task cat/100', '', ...TRACE, ' foo_read+0x30/0x80', RULE];
    expect(modeOf(wild)).toBeUndefined();
    const warning = ['------------[ cut here ]------------', 'WARNING: CPU: 0 PID: 1 at mm/foo.c:10 foo+0x10/0x20', 'Memory state around the buggy address:', ...TRACE, ' foo+0x10/0x20', '---[ end trace 0000000000000000 ]---'];
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

  test('the invalid-free of report_696 (6.3, a GCE arm64 guest): no pointer tag before its memory dump, so generic', () => {
    const kasan = corpusSplats('syzkaller__report_696__WARNING_in_ext4_expand_extra_isize_ea.txt').find((s) => s.kind === 'kasan');
    const shown = kasan && kasanReportMode(kasan);
    expect(shown?.mode).toBe('generic');
    expect(shown?.rec.text.trim()).toBe('Memory state around the buggy address:');
  });
});
