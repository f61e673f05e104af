/**
 * The header pstore writes before each part of a kmsg dump (`pstore_dump`: `"%s#%d Part%u\n"` of the dump's reason,
 * the oops count and the part): `Panic#1 Part1`, `Oops#2 Part3`. Part 1 is the newest piece of the log, so a file of
 * the parts one after another runs backwards in time from part to part, and a report never runs on past a header.
 */
const PSTORE_PART = /^(?:Panic|Oops|Emergency|Shutdown|Halt|Restart|Poweroff|Unknown)#\d+ Part\d+\s*$/;

const FIRST_CHARS = new Set(['P', 'O', 'E', 'S', 'H', 'R', 'U']);

export function isPstorePartHeader(text: string): boolean {
  return FIRST_CHARS.has(text.charAt(0)) && PSTORE_PART.test(text);
}
