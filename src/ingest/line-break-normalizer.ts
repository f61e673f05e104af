import { CR, LF } from './line-break-bytes.js';
import { skipNULs } from './nul-runs.js';

const NUL = 0x00;
/** Input with no LF this far in is taken for CR-only line breaks (a capture that kept the device's bare CRs). */
export const CR_ONLY_DECISION_BYTES = 64 * 1024;

/**
 * Rewrites line breaks to LF and drops NUL bytes, so that later stages split on LF only and number lines as
 * `grep -n` does.
 *
 * A log with LFs breaks lines at LF alone: every CR is dropped. CRLF and the `\r\r\n` of a console captured through
 * a pty are one break; a CR after the LF (`\n\r`, as some bootloaders and terminals send) or inside a line (progress
 * output, systemd's start-job spinner) is not a break. Such a line keeps its text on both sides of the CR, and a
 * kernel record glued behind other output is still found (parse/glued-header.ts).
 *
 * Input with no LF in its first CR_ONLY_DECISION_BYTES but with CRs breaks at CR: a run of CRs (and NULs) ending in
 * LF is one break, and each other CR is a break. Until an LF or that many bytes have been seen the input is held
 * back; `end` releases what is held at the end of the input.
 */
export class LineBreakNormalizer {
  private crOnly: boolean | undefined;

  /** `lf`: the input is known to break lines at LF (a later part of a file whose head showed it), so nothing is held. */
  constructor(breaks?: 'lf') {
    if (breaks === 'lf') this.crOnly = false;
  }

  private held: Buffer[] = [];
  private heldBytes = 0;
  private afterCR = false;
  /** CRs after the first of the current run: breaks only if the run does not end in LF. */
  private extraCRs = 0;

  normalize(chunk: Buffer): Buffer {
    if (this.crOnly === undefined) {
      // Decided on the first CR_ONLY_DECISION_BYTES alone, however the input arrives in chunks.
      const room = CR_ONLY_DECISION_BYTES - this.heldBytes;
      const lf = chunk.indexOf(LF);
      this.held.push(chunk);
      this.heldBytes += chunk.length;
      if (lf !== -1 && lf < room) this.crOnly = false;
      else if (this.heldBytes >= CR_ONLY_DECISION_BYTES) this.crOnly = this.headHasCR();
      else return Buffer.alloc(0);
      return this.releaseHeld();
    }
    return this.crOnly ? this.breakAtCR(chunk) : dropCRs(chunk);
  }

  /** What is still held back at the end of the input. */
  end(): Buffer {
    if (this.crOnly !== undefined) return Buffer.alloc(0);
    this.crOnly = this.headHasCR();
    return this.releaseHeld();
  }

  /** Whether the first CR_ONLY_DECISION_BYTES of what is held (which hold no LF) hold a CR. */
  private headHasCR(): boolean {
    let left = CR_ONLY_DECISION_BYTES;
    for (const b of this.held) {
      const cr = b.indexOf(CR);
      if (cr !== -1 && cr < left) return true;
      left -= b.length;
      if (left <= 0) return false;
    }
    return false;
  }

  private releaseHeld(): Buffer {
    const held = this.held.length === 1 ? this.held[0]! : Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    return this.normalize(held);
  }

  private breakAtCR(chunk: Buffer): Buffer {
    let nextCR = chunk.indexOf(CR);
    let nextNUL = chunk.indexOf(NUL);
    if (nextCR === -1 && nextNUL === -1 && !(this.afterCR && chunk.length > 0)) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + this.extraCRs);
    let written = 0;
    let pos = 0;
    while (pos < chunk.length) {
      if (this.afterCR) {
        const byte = chunk[pos];
        if (byte === NUL) {
          pos = skipNULs(chunk, pos);
          continue;
        }
        if (byte === CR) {
          this.extraCRs++;
          pos++;
          continue;
        }
        this.afterCR = false;
        const extra = this.extraCRs;
        this.extraCRs = 0;
        if (byte === LF) {
          pos++;
          continue;
        }
        out.fill(LF, written, written + extra);
        written += extra;
      }
      if (nextCR !== -1 && nextCR < pos) nextCR = chunk.indexOf(CR, pos);
      if (nextNUL !== -1 && nextNUL < pos) nextNUL = chunk.indexOf(NUL, pos);
      const special = Math.min(nextCR === -1 ? chunk.length : nextCR, nextNUL === -1 ? chunk.length : nextNUL);
      written += chunk.copy(out, written, pos, special);
      if (special === chunk.length) break;
      if (special === nextCR) {
        out[written++] = LF;
        this.afterCR = true;
        pos = special + 1;
      } else {
        pos = skipNULs(chunk, special);
      }
    }
    return out.subarray(0, written);
  }
}

/**
 * The chunk without its CR and NUL bytes; a chunk with neither is passed through uncopied. The text between them is
 * copied a segment at a time, and a run of them is stepped over as one (skipNULs): a native `indexOf` and `copy`
 * per byte had made a zero-filled log cost 0.2 s a MB.
 */
function dropCRs(chunk: Buffer): Buffer {
  let nextCR = chunk.indexOf(CR);
  let nextNUL = chunk.indexOf(NUL);
  if (nextCR === -1 && nextNUL === -1) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  let written = 0;
  let pos = 0;
  while (pos < chunk.length) {
    if (nextCR !== -1 && nextCR < pos) nextCR = chunk.indexOf(CR, pos);
    if (nextNUL !== -1 && nextNUL < pos) nextNUL = chunk.indexOf(NUL, pos);
    const special = Math.min(nextCR === -1 ? chunk.length : nextCR, nextNUL === -1 ? chunk.length : nextNUL);
    written += chunk.copy(out, written, pos, special);
    // The run of CRs and NULs from `special` on, as one.
    pos = special;
    for (;;) {
      const byte = chunk[pos];
      if (byte === NUL) pos = skipNULs(chunk, pos);
      else if (byte === CR) pos++;
      else break;
    }
  }
  return out.subarray(0, written);
}
