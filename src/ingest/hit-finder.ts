/**
 * The fast path's search: over a region of complete lines, the offsets where a trigger needle or a
 * quoted-printable marker starts. `begin` starts a region; `next` is then called with ascending positions.
 */
export interface HitFinder {
  /** Whether `begin` takes the region `[start, end)`. */
  fits(start: number, end: number): boolean;
  begin(buf: Buffer, start: number, end: number): void;
  /** The first hit at or after `pos` in the region, or the region's end. */
  next(pos: number): number;
  /** LF bytes in `[from, to)` of the region, when this finder can count them faster than `indexOf` per line. */
  countNewlines?(from: number, to: number): number;
}
