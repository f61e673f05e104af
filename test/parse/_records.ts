import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LogRecord, Splat } from '../../src/parse/types.js';
import { Segmenter } from '../../src/parse/segmenter.js';
import { stripPrefixes } from '../../src/parse/prefix.js';

/** The shared corpus of real logs, beside the repository; tests skip when it is missing. */
export const CORPUS_DIR = path.resolve(process.cwd(), '../shared/corpus');
export const corpusAvailable = existsSync(CORPUS_DIR);

export function corpusFiles(): string[] {
  return corpusAvailable ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** Header block of syzkaller testdata (`TITLE:`, `TYPE:`, `# notes` ...) up to its blank line. */
export function syzkallerHeader(text: string): { fields: Map<string, string>; bodyStart: number } | undefined {
  const lines = text.split('\n');
  if (!/^(?:#|[A-Z]+:)/.test(lines[0] ?? '') || !lines.some((l) => l.startsWith('TITLE:') || l.startsWith('FILE:')))
    return undefined;
  const fields = new Map<string, string>();
  let i = 0;
  for (; i < lines.length && lines[i] !== ''; i += 1) {
    const m = /^([A-Z]+): ?(.*)$/.exec(lines[i] ?? '');
    if (m?.[1] !== undefined) fields.set(m[1], m[2] ?? '');
  }
  return { fields, bodyStart: i + 1 };
}

/**
 * Records of a log as the parse stage would build them. Line numbers stay those of the file; a syzkaller header
 * block and its trailing `REPORT:` section (syzkaller's own extraction, not console output) are left out.
 */
export function recordsOf(text: string): LogRecord[] {
  const lines = text.split(/\r\n|\r|\n/);
  const header = syzkallerHeader(text);
  let end = lines.length;
  if (header) {
    const report = lines.indexOf('REPORT:', header.bodyStart);
    if (report >= 0) end = report;
  }
  const records: LogRecord[] = [];
  for (let i = header?.bodyStart ?? 0; i < end; i += 1) {
    const s = stripPrefixes(lines[i] ?? '');
    const rec: LogRecord = { lineNo: i + 1, text: s.text };
    if (s.ts !== undefined) rec.ts = s.ts;
    if (s.caller !== undefined) rec.caller = s.caller;
    if (s.foreign) rec.foreign = true;
    records.push(rec);
  }
  return records;
}

export function splatsOf(records: readonly LogRecord[], maxSplatLines?: number): Splat[] {
  const splats: Splat[] = [];
  const segmenter = new Segmenter({ onSplat: (s) => splats.push(s), ...(maxSplatLines !== undefined && { maxSplatLines }) });
  for (const rec of records) segmenter.push(rec, 0);
  segmenter.finish();
  return splats.sort((a, b) => a.firstLine - b.firstLine);
}

export function corpusSplats(file: string): Splat[] {
  return splatsOf(recordsOf(readFileSync(path.join(CORPUS_DIR, file), 'utf8')));
}
