import { readInputFile } from '../ingest/read-bounded.js';

/** Some 500,000 paths: far past any archive of logs, short of what a stream that never ends would take. */
const MAX_PATH_LIST_BYTES = 64 * 1024 * 1024;

/** Reads a list of paths (one per line, or NUL-separated as from `find -print0`); blank lines are ignored. */
export async function readInputList(stream: NodeJS.ReadableStream): Promise<string[]> {
  const text = (await readInputFile('-', MAX_PATH_LIST_BYTES, 'the list of paths', stream)).toString('utf8');
  const separator = text.includes('\0') ? '\0' : /\r?\n/;
  return text.split(separator).filter((line) => line.trim() !== '');
}
