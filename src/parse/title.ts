import type { CodeLocation, Frame } from './types.js';
import type { SplatFormat } from './formats.js';
import { belowExceptionEntry, isSkippedFrame, titleFunction } from './frame-skip.js';
import { HANG_ANCHORS, HANG_SKIP, STALL_ANCHORS } from './stall-anchors.js';

/** What a report showed that its title may be built from. */
export interface TitleEvidence {
  match: RegExpExecArray;
  pc?: CodeLocation;
  frames: readonly Frame[];
  /** Wording of the line that opened the first call trace (`Call trace:`, `Call Trace:`, `Backtrace:`). */
  traceWording?: string;
  /** Functions of lockdep `at: func+off/size` lines, in order. */
  atFuncs: readonly string[];
  /** Functions of the stack after the format's `quotedAfter` line. */
  quotedFuncs?: readonly string[];
  detail?: string;
}

/** arm64's die path (die_kernel_fault → die → notify_die → a notifier): where a trace printed above the entry is from. */
const DIE_PATH = /^(?:__)?die(?:_kernel_fault)?$|^(?:arm64_)?notify_die$/;

function traceFuncs(format: SplatFormat, e: TitleEvidence): string[] {
  if (format.upperCaseTraceOnly && e.traceWording !== 'Call Trace:') return [];
  // An arm32 line names a caller too: the last line of a trace is the only place its outermost one appears
  // (syzkaller's arm frame regex reads both). A trace ends where the next line's function is not that caller: an RCU
  // stall's own trace ends in the syscall entry (`ret_fast_syscall`), before the grace-period kthread's.
  const funcs = e.frames
    .filter((f) => f.func !== undefined && !f.inline && !f.unreliable)
    .flatMap((f, i, all) => (f.from !== undefined && all[i + 1]?.func !== f.from ? [f.func ?? '', f.from] : [f.func ?? '']));
  const below = format.below;
  // Only a fault's own report is cut at the exception entry: a lockdep or spinlock report printed on the way through
  // a fault handler (a printk in panic, from bad_mode) is about the handler, and syzkaller titles it there (report 543).
  const entry = below ? funcs.findIndex((func) => below.test(func)) : format.kind === 'oops' ? lastExceptionEntryFrame(funcs) : -1;
  return funcs.slice(entry + 1);
}

/**
 * Where a trace printed from the die path ends its exception entry's frames (el1h_64_sync_handler, then el1h_64_sync
 * come in a run), or -1. A fault taken while the kernel handled another (a uaccess fault whose handler, filemap_fault
 * or a filesystem's ->fault, is the bug) has the handler's frames above the entry, and no die path: not cut.
 */
function lastExceptionEntryFrame(funcs: readonly string[]): number {
  const below = belowExceptionEntry(funcs);
  if (below === 0 || !funcs.slice(0, below).some((func) => DIE_PATH.test(func))) return -1;
  return below - 1;
}

function pcFunc(format: SplatFormat, e: TitleEvidence): string | undefined {
  return format.upperCaseTraceOnly ? undefined : e.pc?.func;
}

/** The first function kept of the PC line's, then the trace's; the trace is listed only when the PC line names no
 *  function to keep (most name one). */
function firstStackFunc(format: SplatFormat, e: TitleEvidence, keep: (func: string) => boolean): string | undefined {
  const pc = pcFunc(format, e);
  return pc !== undefined && keep(pc) ? pc : traceFuncs(format, e).find(keep);
}

const kept = (format: SplatFormat) => (func: string) => !isSkippedFrame(func, format.skip);

function stallFrame(funcs: readonly string[]): string | undefined {
  let prev = funcs[0];
  for (const func of funcs) {
    // syzkaller names every smp_call_function variant (_many, _many_cond, _single) by the family, not the caller.
    if (STALL_ANCHORS.some((re) => re.test(func))) return func.includes('smp_call_function') ? 'smp_call_function' : prev;
    prev = func;
  }
  return undefined;
}

/** The IRQ core's call of a device interrupt's handler (kernel/irq/handle.c); IPIs and timers do not go through it. */
const IRQ_ACTION_CALL = /^_?_?handle_irq_event_percpu$/;

/** The device interrupt handler the trace is inside, when it is inside one before any stall anchor. */
function irqHandlerFrame(funcs: readonly string[]): string | undefined {
  const call = funcs.findIndex((func) => IRQ_ACTION_CALL.test(func));
  if (call <= 0 || funcs.slice(0, call).some((func) => STALL_ANCHORS.some((re) => re.test(func)))) return undefined;
  return funcs[call - 1];
}

function hangFrame(funcs: readonly string[]): string | undefined {
  for (const func of funcs) {
    const anchor = Object.keys(HANG_ANCHORS).find((a) => func.includes(a));
    if (anchor !== undefined) return HANG_ANCHORS[anchor];
  }
  return funcs.find((func) => !HANG_SKIP.test(func));
}

function titleFrame(format: SplatFormat, e: TitleEvidence): string | undefined {
  const keep = kept(format);
  switch (format.frame ?? 'stack') {
    case 'header':
      return keptHeaderFunc(e, keep) ?? firstStackFunc(format, e, keep);
    case 'at':
      return e.atFuncs.find(keep) ?? firstStackFunc(format, e, keep);
    case 'first-at': {
      // Only the first `at:` line: the held locks listed later (`#0: … at:`) are not where the report is.
      const first = e.atFuncs[0];
      return first !== undefined && keep(first) ? first : firstStackFunc(format, e, keep);
    }
    case 'quoted':
      return e.quotedFuncs?.find(keep) ?? firstStackFunc(format, e, keep);
    case 'stall':
      return stallFrame(traceFuncs(format, e).filter(keep));
    case 'stall-or-trace': {
      const funcs = traceFuncs(format, e).filter(keep);
      return stallFrame(funcs) ?? funcs[0];
    }
    case 'hang':
      return hangFrame(traceFuncs(format, e).filter(keep));
    case 'irq-or-stall': {
      const funcs = traceFuncs(format, e).filter(keep);
      return irqHandlerFrame(funcs) ?? stallFrame(funcs) ?? funcs[0];
    }
    case 'detail':
      return e.detail !== undefined && keep(e.detail) ? e.detail : undefined;
    case 'pc': {
      const pc = pcFunc(format, e);
      return pc !== undefined && keep(pc) ? pc : undefined;
    }
    case 'stack':
      // A trace read to its end that holds nothing but reporting frames (cut after `report_bug`, or an arm32 unwind
      // that ends in `(null)`) leaves the function the header names, as syzkaller titles it: a vmemmap_populate
      // WARNING stays one. A report with no trace at all (lost among another report's lines) stays corrupted.
      return firstStackFunc(format, e, keep) ?? (e.frames.length > 0 ? keptHeaderFunc(e, keep) : undefined);
  }
}

function keptHeaderFunc(e: TitleEvidence, keep: (func: string) => boolean): string | undefined {
  const header = e.match.groups?.func;
  return header !== undefined && keep(header) ? header : undefined;
}

/**
 * syzkaller-style title: the format's template with regex groups, the access detail and the first frame that is
 * not reporting or locking machinery. `{frame}` becomes `corrupted` when no frame can be trusted.
 */
export function buildTitle(format: SplatFormat, e: TitleEvidence): { title: string; frameFound: boolean } {
  let frameFound = true;
  const title = format.title.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key === 'frame') {
      const frame = titleFrame(format, e);
      frameFound = frame !== undefined;
      return frame === undefined ? 'corrupted' : titleFunction(frame);
    }
    if (key === 'detail') return e.detail ?? '';
    return (e.match[Number(key)] ?? '').trim();
  });
  return { title: title.replace(/ {2,}/g, ' ').trimEnd(), frameFound };
}
