import { ANSI_ESCAPE } from '../util/ansi-escape-pattern.js';

/** Removes every ANSI escape sequence from the line. */
export function stripAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ANSI_ESCAPE, '') : line;
}
