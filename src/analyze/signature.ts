import { createHash } from 'node:crypto';
import type { Frame, Splat } from '../parse/types.js';
import { belowExceptionEntry, isSkippedFrame, titleFunction } from '../parse/frame-skip.js';
import { ownCopy } from '../util/own-copy.js';
import { BoundedMemo } from '../util/bounded-memo.js';
import { checkArgument } from '../util/check-argument.js';
import { checkSplat } from '../parse/check-splat.js';

/** A title that found no frame to name (`WARNING in corrupted`, `WARNING in corrupted/usb_submit_urb`). */
const CORRUPTED_TITLE = /\bin corrupted(?:\/\w+)?$/;
/** The function a title names: `WARNING in foo`, and the caller in `WARNING in foo/usb_submit_urb`. */
const TITLE_FUNC = /\bin ([^\s/]+)(?:\/\w+)?$/;
/** How many meaningful frames below the title function join the title in a signature. */
const SIGNATURE_FRAMES = 2;

/** A splat's cluster identity (`signatureOf`): splats with the same `text` fall in one cluster. */
export interface Signature {
  /**
   * Short stable id (the first 12 hex digits of the text's SHA-256): the same problem has the same id across logs,
   * builds and machines.
   */
  id: string;
  /**
   * Kind, normalized title and up to two frames below the title function, joined by ` | `; a title that found no
   * frame (`WARNING in corrupted`) has its site (`at file`, else `at func`) in place of the frames.
   */
  text: string;
}

/** A storm's splats share a few titles: each normalized once (six regex replaces, ~600 ns; bounded). */
const normalizedTitles = new BoundedMemo<string>(1024);

/** Numbers, addresses and compiler suffixes removed from a title, so repeats of one problem compare equal. */
export function normalizeTitle(title: string): string {
  checkArgument(typeof title === 'string', 'normalizeTitle', 'title', "a string (a splat's title)", title);
  return normalizeTitleUnchecked(title);
}

/** `normalizeTitle` without the check of its argument, for each splat's title (a string). */
export function normalizeTitleUnchecked(title: string): string {
  let normalized = normalizedTitles.get(title);
  if (normalized === undefined) {
    // The memo's own copy of the title, and the result cut from it: neither keeps the caller's string alive.
    const key = ownCopy(title);
    normalized = normalize(key);
    normalizedTitles.set(key, normalized);
  }
  return normalized;
}

function normalize(title: string): string {
  return title
    // Names numbered per run or per boot (syzkaller's executors, loop devices): the number is not the problem's.
    .replace(/\bsyz-executor\.?\d+(?:[/:]\d+)?/g, 'syz-executor')
    .replace(/\bsyzkaller\d+(?:[/:]\d+)?/g, 'syzkaller')
    .replace(/\bloop\d+\b/g, 'loop')
    // A pfn is an address of its own, in hex of any length (`pfn:4a2c3`).
    .replace(/\bpfn([:=]\s*)(?:0x)?[0-9a-f]+\b/gi, 'pfn$1ADDR')
    .replace(/\b\w+\.(?:isra|constprop|part|cold|llvm|lto_priv)(?:\.\d+)*\b/g, titleFunction)
    .replace(/\b(?:__(?:arm64|x64|ia32|x32|riscv|do|se)_(?:compat_)?sys_|SyS_)\w+/g, titleFunction)
    .replace(/\b0x[0-9a-f]+\b/gi, 'ADDR')
    .replace(/\b[0-9a-f]{8,16}\b/g, 'ADDR')
    // Whole numbers only: the digits of ext2_/ext4_ or ipv6_ name different functions.
    .replace(/\b\d+\b/g, 'NUM')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Stands for the frames a console dropped (`** N printk messages dropped **`) in a signature: what follows it are the
 * first frames after the gap, not the frames below the title function.
 */
export const TRACE_CUT = '…';

/** The frames that identify a splat beyond its title: reliable, not in the skip table, below the title function. */
export function signatureFrames(splat: Splat): string[] {
  if (CORRUPTED_TITLE.test(splat.title)) return [];
  const titleFunc = TITLE_FUNC.exec(splat.title)?.[1];
  const wanted = titleFunc === undefined ? undefined : titleFunction(titleFunc);
  const meaningful: string[] = [];
  const lineNos: number[] = [];
  let titleIndex = -1;
  // A title that names no function (an SError's panic) is told apart by the code the exception interrupted, below
  // its entry: the frames above are the panic's own path, the same in every such report.
  const from = wanted === undefined ? belowExceptionEntry(splat.frames.map((f) => f.func ?? '')) : 0;
  // Stops once the title function and the frames below it are found: a storm's traces are long, and the skip
  // table is a long regex.
  // A KASAN or KFENCE report prints the access's stack, then the allocation's and the free's, each after a line of
  // its own: only the first is the bug's (two reports of one access from different allocators had been two).
  const firstStackOnly = splat.kind === 'kasan' || splat.kind === 'kfence';
  let lastLine: number | undefined;
  for (const f of from === 0 ? splat.frames : splat.frames.slice(from)) {
    if (firstStackOnly && titleIndex !== -1 && lastLine !== undefined && f.lineNo > lastLine + 1) break;
    lastLine = f.lineNo;
    if (!isMeaningfulFrame(f)) continue;
    const func = titleFunction(f.func);
    meaningful.push(func);
    lineNos.push(f.lineNo);
    if (titleIndex === -1 && func === wanted) titleIndex = meaningful.length - 1;
    if (titleIndex !== -1 && meaningful.length >= titleIndex + 1 + SIGNATURE_FRAMES) break;
  }
  const frames = meaningful.slice(titleIndex + 1, titleIndex + 1 + SIGNATURE_FRAMES);
  const gap = splat.traceGaps === undefined ? undefined : gapBefore(splat.traceGaps, titleIndex === -1 ? undefined : lineNos[titleIndex], lineNos[titleIndex + frames.length]);
  return gap === undefined ? frames : [TRACE_CUT, ...meaningfulFuncs(splat.frames, gap, SIGNATURE_FRAMES)];
}

/**
 * The last gap in the trace (a frame's line, `Splat.traceGaps`) after the title function's frame (`after`, or
 * anywhere when that frame was not found: it may have been dropped) and at or before the last frame a signature
 * uses (`upTo`); undefined when the frames a signature uses are whole.
 */
function gapBefore(gaps: readonly number[], after: number | undefined, upTo: number | undefined): number | undefined {
  let last: number | undefined;
  for (const g of gaps) if ((after === undefined || g > after) && (upTo === undefined || g <= upTo)) last = g;
  return last;
}

/** A frame a signature may use: named, reliable, not in the skip table. */
function isMeaningfulFrame(f: Frame): f is Frame & { func: string } {
  return f.func !== undefined && f.unreliable !== true && !isSkippedFrame(f.func);
}

/**
 * The functions of the meaningful frames printed from line `from` on, at most `limit` of them, as a signature names
 * them (titleFunction): what is left of a trace below a gap a console cut into it.
 */
export function meaningfulFuncs(frames: readonly Frame[], from = 0, limit = Infinity): string[] {
  const funcs: string[] = [];
  for (const f of frames) {
    if (funcs.length >= limit) break;
    if (f.lineNo >= from && isMeaningfulFrame(f)) funcs.push(titleFunction(f.func));
  }
  return funcs;
}

/** A storm repeats a few signatures thousands of times: their ids, so each is hashed once (bounded). */
const ids = new BoundedMemo<string>(1024);

function idOf(text: string): string {
  let id = ids.get(text);
  if (id === undefined) {
    id = createHash('sha256').update(text).digest('hex').slice(0, 12);
    ids.set(text, id);
  }
  return id;
}

/** A splat's cluster identity: its kind, normalized title and first frames, and a stable 12-hex-digit id of that text. */
export function signatureOf(splat: Splat): Signature {
  checkSplat('signatureOf', splat);
  return signatureOfUnchecked(splat);
}

/** `signatureOf` without the check of its argument: LogAnalyzer's, once for each splat. */
export function signatureOfUnchecked(splat: Splat): Signature {
  const text = [splat.kind, normalizeTitleUnchecked(splat.title), ...signatureFrames(splat), ...corruptedSite(splat)].join(' | ');
  return { id: idOf(text), text };
}

/**
 * A title that found no frame (`WARNING in corrupted`) says nothing of where the report came from: the site its
 * header names keeps two different WARN_ONs apart. The file first, as it survives a header cut short where the
 * function does not (`_regulator_put.part.8+0x3c/#`); no line number, which moves between builds; no `../` of an
 * out-of-tree build.
 */
function corruptedSite(splat: Splat): string[] {
  if (!CORRUPTED_TITLE.test(splat.title)) return [];
  if (splat.site.file !== undefined) return [`at ${splat.site.file.replace(/^(?:\.\.?\/)+/, '')}`];
  return splat.site.func === undefined ? [] : [`at ${titleFunction(splat.site.func)}`];
}
