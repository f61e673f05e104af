import { AFTER_RULE_NEEDLES, SPLAT_TRIGGERS } from './splat-triggers.js';
import { BOOT_FACT_TRIGGERS } from './boot-fact-triggers.js';
import { anyLiteral } from '../util/escape-regexp.js';
import { RULE_NEEDLE } from './rule-line.js';
import { isRepeatable, recallLine } from './repeated-lines.js';
import { isArm64RegisterRow } from './fields/arm64-register-row.js';

/**
 * Substrings one of which a record holds whenever the segmenter or the boot-fact collector can do more with it than
 * take it as the next line of an open report or block: report headers (FORMATS needles, also when glued behind other
 * output), openers (`cut here`, a rule of `=`), boot-start and boot-fact lines.
 */
export const RECORD_NEEDLES: readonly string[] = [
  ...new Set([...SPLAT_TRIGGERS, ...AFTER_RULE_NEEDLES, ...BOOT_FACT_TRIGGERS, RULE_NEEDLE]),
];

const ANY_RECORD_NEEDLE = anyLiteral(RECORD_NEEDLES);

/** What an arm64 register row is made of (isArm64RegisterRow), so that no needle fits in one. */
const REGISTER_ROW_CHARS = /^[x0-9a-f: ]*$/;
if (RECORD_NEEDLES.some((needle) => REGISTER_ROW_CHARS.test(needle))) {
  throw new Error('record screen: a needle could be part of an arm64 register row');
}

/**
 * False when `text` holds no RECORD_NEEDLES. Most records inside a report (registers, frames) hold none: one regex
 * then stands in for the four (header, opener, splat start, boot fact) that would each have said no.
 */
export function holdsRecordNeedle(text: string): boolean {
  // A fifth of a storm's lines; the wrapper has scanned the row already (the regex was 100 ns of a row's 66 chars).
  if (isArm64RegisterRow(text)) return false;
  // The regex is 60 ns a line; a storm's frames repeat, and the frame parser recalls them anyway.
  if (!isRepeatable(text)) return ANY_RECORD_NEEDLE.test(text);
  const line = recallLine(text);
  line.holdsNeedle ??= ANY_RECORD_NEEDLE.test(line.text);
  return line.holdsNeedle;
}
