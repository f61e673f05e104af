import { columns } from './text-columns.js';

/**
 * Greedy word wrap of one paragraph to `width` terminal columns, the first line prefixed by `indent` and the others by
 * `rest` (the same by default). A word longer than the room is kept whole, on a line of its own: an address, a path or
 * a symbol cut in two could no longer be searched for.
 */
export function wrapText(text: string, width: number, indent = '', rest = indent): string[] {
  const lines: string[] = [];
  let current = '';
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const w = columns(word);
    const prefix = lines.length === 0 ? indent : rest;
    if (current !== '' && prefix.length + used + 1 + w > width) {
      lines.push(prefix + current);
      current = word;
      used = w;
    } else {
      current = current === '' ? word : `${current} ${word}`;
      used += (used === 0 ? 0 : 1) + w;
    }
  }
  if (current !== '') lines.push((lines.length === 0 ? indent : rest) + current);
  return lines;
}

/**
 * A log line cut into pieces of at most `room` columns at whitespace, its spacing kept (register dumps and taint flags
 * are aligned with runs of spaces): the line itself when it fits. A piece after a break starts at the next word; a word
 * longer than the room is a piece of its own, whole.
 */
export function wrapVerbatim(text: string, room: number): string[] {
  if (columns(text) <= room) return [text];
  const pieces: string[] = [];
  let current = '';
  let space = '';
  for (const run of text.match(/\s+|\S+/g) ?? []) {
    if (/^\s/.test(run)) {
      space = run;
      continue;
    }
    const joined = current + space + run;
    if (current.trim() !== '' && columns(joined) > room) {
      pieces.push(current);
      current = run;
    } else current = joined;
    space = '';
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * `wrapText` of `text`, then `tail` (a heading's `(lines 8-64, boot 0) --`) kept whole: on the last line when it fits
 * there, else on a line of its own.
 */
export function wrapWithTail(text: string, tail: string, width: number, indent = '', rest = indent): string[] {
  const lines = wrapText(text, width, indent, rest);
  const last = lines.at(-1);
  if (last !== undefined && columns(last) + 1 + columns(tail) <= width) return [...lines.slice(0, -1), `${last} ${tail}`];
  return [...lines, `${lines.length === 0 ? indent : rest}${tail}`];
}
