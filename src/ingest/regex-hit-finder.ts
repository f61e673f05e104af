import type { HitFinder } from './hit-finder.js';
import { TriggerPattern } from './trigger-pattern.js';

/** The portable finder: one regex over a latin1 view of the region, quoted-printable markers by `indexOf`. */
export class RegexHitFinder implements HitFinder {
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  private text = '';
  private nextMarker = -1;

  constructor(private readonly pattern: TriggerPattern) {}

  fits(): boolean {
    return true;
  }

  begin(buf: Buffer, start: number, end: number): void {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.text = buf.toString('latin1', start, end);
    this.nextMarker = -1;
  }

  next(pos: number): number {
    const re = this.pattern.bytes;
    re.lastIndex = pos - this.start;
    const match = re.exec(this.text);
    if (this.nextMarker < pos) this.nextMarker = TriggerPattern.nextQuotedPrintable(this.buf, pos, this.end);
    return Math.min(match === null ? this.end : this.start + match.index, this.nextMarker);
  }
}
