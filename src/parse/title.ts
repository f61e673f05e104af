import type { CodeLocation, Frame } from './types.js';
import type { SplatFormat } from './formats.js';
import { isSkippedFrame, titleFunction } from './frame-skip.js';
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
  detail?: string;
}

function traceFuncs(format: SplatFormat, e: TitleEvidence): string[] {
  if (format.upperCaseTraceOnly && e.traceWording !== 'Call Trace:') return [];
  const funcs = e.frames.filter((f) => f.func !== undefined && !f.inline && !f.unreliable).map((f) => f.func ?? '');
  const entry = format.below ? funcs.findIndex((func) => format.below?.test(func)) : -1;
  return funcs.slice(entry + 1);
}

function stackFuncs(format: SplatFormat, e: TitleEvidence): string[] {
  const pc = e.pc?.func === undefined || format.upperCaseTraceOnly ? [] : [e.pc.func];
  return [...pc, ...traceFuncs(format, e)];
}

const kept = (format: SplatFormat) => (func: string) => !isSkippedFrame(func, format.skip);

function stallFrame(funcs: readonly string[]): string | undefined {
  let prev = funcs[0];
  for (const func of funcs) {
    if (STALL_ANCHORS.some((re) => re.test(func))) return func.includes('smp_call_function') ? func : prev;
    prev = func;
  }
  return undefined;
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
    case 'header': {
      const header = e.match.groups?.func;
      return [...(header === undefined ? [] : [header]), ...stackFuncs(format, e)].find(keep);
    }
    case 'at':
      return e.atFuncs.find(keep) ?? stackFuncs(format, e).find(keep);
    case 'stall':
      return stallFrame(traceFuncs(format, e).filter(keep));
    case 'hang':
      return hangFrame(traceFuncs(format, e).filter(keep));
    case 'stack':
      return stackFuncs(format, e).find(keep);
  }
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
  return { title: title.replace(/ {2,}/g, ' '), frameFound };
}
