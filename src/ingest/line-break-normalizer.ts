import { CR, LF } from './line-break-bytes.js';

const NUL = 0x00;

/**
 * Rewrites CRLF and lone CR to LF and drops NUL bytes, so that later stages split on LF only. A CR at the end of a
 * chunk is remembered so that a LF opening the next chunk is not counted as a second line break; a NUL between CR
 * and LF is dropped first, so `\r\0\n` is one break. A run of CRs ending in LF is one break too: a console captured
 * through a pty writes `\r\r\n` for each line, which `grep -n` counts once. CRs of a run that does not end in LF
 * are lone CRs, a break each. Chunks without CR or NUL pass through uncopied.
 */
export class LineBreakNormalizer {
  private afterCR = false;
  /** CRs after the first of the current run: breaks only if the run does not end in LF. */
  private extraCRs = 0;

  normalize(chunk: Buffer): Buffer {
    let nextCR = chunk.indexOf(CR);
    let nextNUL = chunk.indexOf(NUL);
    if (nextCR === -1 && nextNUL === -1 && !(this.afterCR && chunk.length > 0)) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + this.extraCRs);
    let written = 0;
    let pos = 0;
    while (pos < chunk.length) {
      if (this.afterCR) {
        const byte = chunk[pos];
        if (byte === NUL || byte === CR) {
          if (byte === CR) this.extraCRs++;
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
      }
      pos = special + 1;
    }
    return out.subarray(0, written);
  }
}
