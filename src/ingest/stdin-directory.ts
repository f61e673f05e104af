import { fstatSync } from 'node:fs';

/**
 * Whether standard input is a directory (`vmemwarn analyze < /`): Node reads one as empty, so each reader of stdin
 * refuses it as it would a directory named on the command line.
 */
export function stdinIsDirectory(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    // No descriptor 0 to look at: reading it will say what is wrong.
    return false;
  }
}
