import { checkArgument } from '../util/check-argument.js';

/**
 * A LogRecord by its kind, as RecordAssembler gives it: an object with a string `text` and a whole `lineNo`. Asked of
 * every record the Segmenter and the BootFactCollector take, so a typeof and Number.isInteger, no more.
 */
export function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string' && Number.isInteger((value as { lineNo?: unknown }).lineNo);
}

/**
 * The UsageError of a `push(record, …, holdsNeedle)` that `isRecord` or a boolean test refused (out of line): a record
 * without its text had been a raw TypeError from inside the parser, one without its line number a splat or fact of
 * line undefined.
 */
export function checkRecordPush(fn: string, record: unknown, holdsNeedle: unknown): void {
  checkArgument(isRecord(record), fn, 'record', 'a log record ({ lineNo, text }, as RecordAssembler gives it)', record);
  checkArgument(typeof holdsNeedle === 'boolean', fn, 'holdsNeedle', 'a boolean', holdsNeedle);
}
