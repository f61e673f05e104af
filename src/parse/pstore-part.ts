/**
 * The header pstore writes before each part of a kmsg dump (`pstore_dump`: `"%s#%d Part%u\n"` of the dump's reason,
 * the oops count and the part): `Panic#1 Part1`, `Oops#2 Part3`. Part 1 is the newest piece of the log, so a file of
 * the parts one after another runs backwards in time from part to part, and a report never runs on past a header.
 */
const PSTORE_PART = /^(?:Panic|Oops|Emergency|Shutdown|Halt|Restart|Poweroff|Unknown)#\d+ Part\d+\s*$/;

const MIN_REASON_CHARS = 'Oops'.length;
const MAX_REASON_CHARS = 'Emergency'.length;

/** Asked of every line of an open report: a `#` where a reason ends, looked for in six places, comes before the regex. */
export function isPstorePartHeader(text: string): boolean {
  for (let i = MIN_REASON_CHARS; i <= MAX_REASON_CHARS; i++) if (text.charCodeAt(i) === 0x23 /* # */) return PSTORE_PART.test(text);
  return false;
}
