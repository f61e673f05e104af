import { anyLiteral } from '../util/escape-regexp.js';
import { isStampedTrailingEquals } from './stamped-trailing-equals.js';

const SOFT_BREAK = '=\n';
const ENCODED_EQUALS = '=3D';
const QUOTED_PRINTABLE_MARKERS = [SOFT_BREAK, ENCODED_EQUALS];

/**
 * The needles a quiet sink waits for, compiled twice: as one regex over a latin1 view of raw UTF-8 bytes (the fast
 * path never decodes skipped lines) and as one regex over decoded line text. For an ASCII needle both agree, since
 * every byte of a multi-byte UTF-8 sequence is >= 0x80.
 *
 * Quoted-printable mail markers are looked for too: a soft break (`=` at the end of a line) or an encoded `=`
 * (`=3D`) means needles may be split or encoded, so the reader must fall back to delivering every line. They are
 * searched with `Buffer.indexOf` rather than in the regex: a 2-byte alternative would shorten the regex's
 * Boyer-Moore lookahead, which costs more than two memchr-speed passes. With no needles the regexes match
 * nothing, and the fast path only stops at quoted-printable markers and over-long lines.
 */
export class TriggerPattern {
  private static readonly built = new WeakMap<readonly string[], TriggerPattern>();

  /**
   * The pattern of `needles`, built once per array: triage opens a reader per input, each with the analyzer's one
   * trigger array, and building the two regexes cost 30 µs an input. Sharing is safe: `bytes` is only used with
   * its `lastIndex` set right before the `exec`.
   */
  static of(needles: readonly string[]): TriggerPattern {
    let pattern = TriggerPattern.built.get(needles);
    if (pattern === undefined) {
      pattern = new TriggerPattern(needles);
      TriggerPattern.built.set(needles, pattern);
    }
    return pattern;
  }

  /** Global regex over the latin1 view (`buffer.toString('latin1')`) of raw UTF-8 bytes. */
  readonly bytes: RegExp;
  /** True when a needle was empty: every line contains it. */
  readonly matchesEveryLine: boolean;
  /** The UTF-8 bytes of every needle and of both quoted-printable markers: what a byte-level finder looks for. */
  readonly searchBytes: readonly Buffer[];
  private readonly text: RegExp;

  constructor(needles: readonly string[]) {
    const usable = needles.filter((n) => n.length > 0 && !/[\r\n]/.test(n));
    this.matchesEveryLine = needles.some((n) => n.length === 0);
    this.bytes = anyLiteral(usable.map((n) => Buffer.from(n, 'utf8').toString('latin1')), 'g');
    this.text = anyLiteral(usable);
    this.searchBytes = [...usable, ...QUOTED_PRINTABLE_MARKERS].map((n) => Buffer.from(n, 'utf8'));
  }

  /** The decoded line contains a needle. */
  matches(line: string): boolean {
    return this.text.test(line);
  }

  /**
   * The decoded line carries a quoted-printable soft break or encoded `=`. A line ending in `==` is no soft break:
   * quoted-printable writes a literal `=` as `=3D`. The `=====` rule above every KASAN and lockdep report had sent
   * the rest of the log down the every-line path. Nor is a stamped kernel line's `key=` with no escape in the line
   * (isStampedTrailingEquals).
   */
  static isQuotedPrintable(line: string): boolean {
    if (line.includes(ENCODED_EQUALS)) return true;
    return line.endsWith('=') && !TriggerPattern.endsInRule(line) && !isStampedTrailingEquals(line);
  }

  /** The line ends in `==`, as the `=====` rule that opens KASAN and lockdep reports does (its `=\n` is a marker hit). */
  static endsInRule(line: string): boolean {
    return line.endsWith('==');
  }

  /** Offset of the first quoted-printable marker in `buf[from, end)` (lines end with `\n`), or `end`. */
  static nextQuotedPrintable(buf: Buffer, from: number, end: number): number {
    const soft = buf.indexOf(SOFT_BREAK, from, 'latin1');
    const encoded = buf.indexOf(ENCODED_EQUALS, from, 'latin1');
    return Math.min(soft === -1 ? end : soft, encoded === -1 ? end : encoded, end);
  }
}
