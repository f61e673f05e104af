import type { Splat } from '../parse/types.js';
import type { ClusterAccumulator } from './cluster-accumulator.js';
import { meaningfulFuncs, TRACE_CUT } from './signature.js';

/** How many frames after a gap must sit in a row in the whole trace: enough to tell two callers apart. */
const MATCHED_FRAMES = 4;

/**
 * Splats whose call trace lost frames to a console that fell behind (`** N printk messages dropped **`) sign with the
 * frames after the gap (signature.ts), which are not those below the title function. Each such cluster joins the one
 * cluster of the same kind and title, with whole traces, whose example holds the frames after the gap in a row; when
 * none or several do, it stays apart. A storm whose console dropped lines in six of its forty reports had been two
 * clusters, and two vmemmap findings of one range. Runs once, on the whole log's clusters.
 */
export function mergeCutTraces(clusters: Map<string, ClusterAccumulator>): void {
  const cut = [...clusters.values()].filter((c) => isCut(c.signatureText));
  if (cut.length === 0) return;
  const whole = [...clusters.values()].filter((c) => !isCut(c.signatureText));
  for (const acc of cut) {
    const head = titleHead(acc.signatureText);
    const after = framesAfterLastGap(acc.exampleSplat);
    const matches = whole.filter((w) => titleHead(w.signatureText) === head && holdsInARow(meaningfulFuncs(w.exampleSplat.frames), after));
    const into = matches.length === 1 ? matches[0] : undefined;
    if (into === undefined) continue;
    into.absorb(acc);
    clusters.delete(acc.id);
  }
}

/** A signature whose frames follow a gap: `kind | title | … | f | g`. */
function isCut(signature: string): boolean {
  return signature.includes(` | ${TRACE_CUT}`);
}

/** The kind and normalized title of a signature, the part a cut trace shares with its whole one. */
function titleHead(signature: string): string {
  const parts = signature.split(' | ');
  return `${parts[0] ?? ''} | ${parts[1] ?? ''}`;
}

/** The first frames after the example's last gap: what survived of the trace below the lost lines. */
function framesAfterLastGap(splat: Splat): string[] {
  const gap = splat.traceGaps?.at(-1);
  return gap === undefined ? [] : meaningfulFuncs(splat.frames, gap, MATCHED_FRAMES);
}

/** True when `run` (not empty) sits in `frames` as consecutive entries. */
function holdsInARow(frames: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  for (let i = 0; i + run.length <= frames.length; i++) {
    if (run.every((f, j) => frames[i + j] === f)) return true;
  }
  return false;
}
