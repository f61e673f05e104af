import type { Frame } from './types.js';
import { ownCopy } from '../util/own-copy.js';

/**
 * A line text that a storm repeats, and what has been found out about it: each question (is it a frame, does it
 * hold a record needle) is answered once per text, however often the line comes back.
 */
export interface RepeatedLine {
  /** The memo's own copy: a line is a slice of a whole batch split2 decoded, which the memo must not keep alive. */
  readonly text: string;
  /** parseFrame's answer, null for no frame; undefined until asked. */
  frame: Frame | null | undefined;
  /** holdsRecordNeedle's answer; undefined until asked. */
  holdsNeedle: boolean | undefined;
  readonly generation: number;
  /** The line recalled after this one the last time. */
  next: RepeatedLine | undefined;
}

/** Cleared when full. */
const LIMIT = 4096;
const known = new Map<string, RepeatedLine>();
/** Counts the clears: an entry of an earlier generation is no longer predicted or linked, so the bound holds. */
let generation = 0;
/** The text recalled last, as its caller passed it, and its entry: the questions about one line come one by one. */
let lastText: string | undefined;
let last: RepeatedLine | undefined;

/** Lines worth remembering: those with an offset (`+0x`), frames, PC lines and headers. Register rows, the bulk of
 *  the rest, never repeat. */
export function isRepeatable(text: string): boolean {
  return text.includes('+0x');
}

/**
 * The entry of `text`, new if the text is. Looked for as the text recalled last (the same line asked again), then as
 * the line that followed that one the last time, which in a storm's repeated reports it nearly always is (one string
 * comparison), and only then in the map (hashing a fresh string, 60-80 ns).
 */
export function recallLine(text: string): RepeatedLine {
  if (last !== undefined && text === lastText) return last;
  const predicted = last?.next;
  let line =
    predicted !== undefined && predicted.generation === generation && predicted.text === text
      ? predicted
      : known.get(text);
  if (line === undefined) {
    if (known.size >= LIMIT) {
      known.clear();
      generation += 1;
    }
    const copy = ownCopy(text);
    line = { text: copy, frame: undefined, holdsNeedle: undefined, generation, next: undefined };
    known.set(copy, line);
  }
  if (last !== undefined && last.generation === generation) last.next = line;
  last = line;
  lastText = text;
  return line;
}
