import type { KasanReportMode, LogRecord, Splat } from './types.js';

/** `Pointer tag: [0b], memory tag: [fe]`: kasan_print_tags, the same in report_sw_tags.c and report_hw_tags.c. */
const POINTER_TAG = /^Pointer tag: \[[0-9a-f]{2}\], memory tag: \[[0-9a-f]{2}\]/;
/** The memory dump, in every mode. */
const MEMORY_STATE = /^Memory state around the buggy address:/;
/** A row of the dump: 16 metadata bytes, for 8 bytes of memory each under generic KASAN, 16 under tags. */
const DUMP_ROW = /^>?\s*([0-9a-f]{8,16}): (?:[0-9a-f]{2} ){15}[0-9a-f]{2}/;
const GENERIC_ROW_STEP = 0x80n;
const TAGS_ROW_STEP = 0x100n;
/** Hardware tags only: in-kernel MTE's asynchronous report, in its first wording (5.12) and its later one. */
const ASYNC_FAULT = /^Asynchronous (?:mode enabled|fault): no /;
/** Frames of the tag check: MTE's fault handler (hardware tags), or the compiler's checks and brk handler (software tags). */
const HW_TAGS_FRAME = /^(?:do_tag_check_fault|report_tag_fault)$/;
const SW_TAGS_FRAME = /^(?:__hwasan_|kasan_(?:brk_)?handler$)/;

export interface KasanReportEvidence {
  mode: KasanReportMode;
  /** The record that shows it: the async line, the pointer tag, or the memory dump. */
  rec: LogRecord;
  /** What in the report shows it, for the layout's provenance. */
  why: string;
}

/**
 * What a KASAN report says of KASAN's mode. Only the tag-based modes print a pointer tag, both alike and before the
 * memory dump, and only they report `invalid-access`; their dump covers 0x100 bytes a row where generic's covers
 * 0x80. A report is generic when its dump steps 0x80 and no pointer tag came before it. Which tags: MTE's fault
 * handler in the trace, or an async line, says hardware; the compiler's `__hwasan_` checks or the brk handler say
 * software; a check reached through `kasan_check_range` or an invalid free says neither. A report of an address
 * without KASAN metadata prints neither tag nor dump and says nothing.
 */
export function kasanReportMode(splat: Splat): KasanReportEvidence | undefined {
  if (splat.kind !== 'kasan') return undefined;
  const invalidAccess = splat.header.includes('KASAN: invalid-access');
  for (let i = 0; i < splat.lines.length; i++) {
    const rec = splat.lines[i]!;
    const text = rec.text.trim();
    if (ASYNC_FAULT.test(text)) return { mode: 'hw-tags', rec, why: "hardware tags' asynchronous report" };
    if (POINTER_TAG.test(text)) return tagged(splat, rec, 'a pointer tag');
    if (!MEMORY_STATE.test(text)) continue;
    if (invalidAccess) return tagged(splat, rec, 'an invalid-access report');
    const step = dumpRowStep(splat.lines, i + 1);
    if (step === TAGS_ROW_STEP) return tagged(splat, rec, 'a memory dump of 0x100 bytes a row');
    if (step === GENERIC_ROW_STEP) return { mode: 'generic', rec, why: 'a memory dump of 0x80 bytes a row, and no pointer tag before it' };
    return undefined;
  }
  return undefined;
}

function tagged(splat: Splat, rec: LogRecord, basis: string): KasanReportEvidence {
  for (const frame of splat.frames) {
    if (frame.func === undefined) continue;
    if (HW_TAGS_FRAME.test(frame.func)) return { mode: 'hw-tags', rec, why: `${basis}, and MTE's fault handler in the trace` };
    if (SW_TAGS_FRAME.test(frame.func)) return { mode: 'sw-tags', rec, why: `${basis}, and the compiler's tag checks in the trace` };
  }
  return { mode: 'tags', rec, why: `${basis}, which both tag modes print` };
}

/** The address step between the first two rows of the dump that starts at `from`. */
function dumpRowStep(lines: readonly LogRecord[], from: number): bigint | undefined {
  const first = DUMP_ROW.exec(lines[from]?.text.trim() ?? '')?.[1];
  const second = DUMP_ROW.exec(lines[from + 1]?.text.trim() ?? '')?.[1];
  return first === undefined || second === undefined ? undefined : BigInt(`0x${second}`) - BigInt(`0x${first}`);
}
