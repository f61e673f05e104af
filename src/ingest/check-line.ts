import { UsageError } from '../errors.js';
import { checkArgument } from '../util/check-argument.js';
import { describeValue } from '../util/describe-value.js';

/**
 * Whether `pushLine(lineNo, text, truncated)` is a right call after line `last`: a string, a boolean, and a whole line
 * number past the last one (1 or more, counting on, gaps allowed for the lines a reader skipped). On every delivered
 * line: a typeof, a comparison and Number.isInteger, the refusal itself out of line (`refuseLine`).
 */
export function isNextLine(last: number, lineNo: number, text: string, truncated: boolean): boolean {
  return typeof text === 'string' && typeof truncated === 'boolean' && lineNo > last && Number.isInteger(lineNo);
}

/**
 * The UsageError of a call `isNextLine` refused, naming `fn` and the argument: a line number that is no whole number
 * past the last one had been taken as given (records and splats of line NaN, 1.5 or 0, a cluster's first line
 * later than its last), a text that is no string had been a TypeError from inside the parser.
 */
export function refuseLine(fn: string, last: number, lineNo: unknown, text: unknown, truncated: unknown): never {
  checkArgument(typeof text === 'string', fn, 'text', 'a string (one line of the log)', text);
  checkArgument(typeof truncated === 'boolean', fn, 'truncated', 'a boolean (whether the line was cut at the cap)', truncated);
  checkArgument(Number.isInteger(lineNo) && (lineNo as number) >= 1, fn, 'lineNo', 'a whole number of at least 1 (the 1-based line number)', lineNo);
  throw new UsageError(`${fn}: lineNo must come after the last line pushed, ${last}, not ${describeValue(lineNo)}`);
}

/**
 * `fn`'s `lineNo` (settledAt's: the last line read) must be a whole number, else a UsageError: `settledAt('x')` had
 * answered, and a Segmenter with no report open had said true.
 */
export function checkLineNo(fn: string, lineNo: unknown): void {
  checkArgument(Number.isInteger(lineNo) && (lineNo as number) >= 0, fn, 'lineNo', 'a whole number (the last line read)', lineNo);
}
