import type { KasanReportMode, LogRecord, Splat } from './types.js';

/** `Pointer tag: [0b], memory tag: [fe]`: kasan_print_tags, the same in report_sw_tags.c and report_hw_tags.c. */
const POINTER_TAG = /^Pointer tag: \[[0-9a-f]{2}\], memory tag: \[[0-9a-f]{2}\]/;
/** The memory dump, in every mode; generic's has no pointer tag before it. */
const MEMORY_STATE = /^Memory state around the buggy address:/;
/** Hardware tags only: in-kernel MTE's asynchronous mode (5.12 wording, then 5.15's). */
const ASYNC_FAULT = /^Asynchronous (?:mode enabled|fault): no /;
/** Frames of the tag check: MTE's fault handler (hardware tags), or the compiler's checks and brk handler (software tags). */
const HW_TAGS_FRAME = /^(?:do_tag_check_fault|report_tag_fault)$/;
const SW_TAGS_FRAME = /^(?:__hwasan_|kasan_(?:brk_)?handler$)/;

export interface KasanReportEvidence {
  mode: KasanReportMode;
  /** The record that shows it: the pointer tag, the memory dump, or the async line. */
  rec: LogRecord;
}

/**
 * What a KASAN report says of KASAN's mode. Only the tag-based modes print a pointer tag, both alike, before the
 * memory dump, and only they report `invalid-access`; a report that reached its memory dump without one is
 * generic. Which tags: MTE's fault handler in the trace, or an async line, says hardware; the compiler's
 * `__hwasan_` checks or the brk handler say software. A report of an address without KASAN metadata prints
 * neither tag nor dump and says nothing.
 */
export function kasanReportMode(splat: Splat): KasanReportEvidence | undefined {
  if (splat.kind !== 'kasan') return undefined;
  const tagged = splat.header.includes('KASAN: invalid-access');
  for (const rec of splat.lines) {
    const text = rec.text.trim();
    if (ASYNC_FAULT.test(text)) return { mode: 'hw-tags', rec };
    if (POINTER_TAG.test(text)) return { mode: tagsOf(splat), rec };
    if (MEMORY_STATE.test(text)) return { mode: tagged ? tagsOf(splat) : 'generic', rec };
  }
  return undefined;
}

function tagsOf(splat: Splat): KasanReportMode {
  for (const frame of splat.frames) {
    if (frame.func === undefined) continue;
    if (HW_TAGS_FRAME.test(frame.func)) return 'hw-tags';
    if (SW_TAGS_FRAME.test(frame.func)) return 'sw-tags';
  }
  return 'tags';
}
