import { openFileRange } from '../../ingest/open-input.js';
import { feedLines } from '../../ingest/feed-lines.js';
import { LogAnalyzer } from '../analyzer.js';
import { countLineBreaks } from './count-lines.js';
import type { PartJob, PartOutcome } from './part-job.js';

/** How often a part reports progress. */
const PROGRESS_BYTES = 16 * 1024 * 1024;

/**
 * Analyzes one part of a file on its own: counts the lines before it (its line numbers are the file's), reads its
 * bytes, and hands back what the analyzer of the part before it needs to absorb it. A read failure is an outcome
 * too: the caller then reads the file in one piece and meets the failure there.
 */
export async function runPart(job: PartJob, onBytes: (bytes: number) => void = () => undefined): Promise<PartOutcome> {
  try {
    const lineOffset = countLineBreaks(job.path, job.start);
    const chunks = openFileRange(job.path, { start: job.start, end: job.end });
    const analyzer = new LogAnalyzer({ ...(job.maxSplatLines !== undefined && { maxSplatLines: job.maxSplatLines }) });
    const stats = await feedLines(reportingBytes(chunks, onBytes), analyzer, {
      lineOffset,
      ...(job.maxLineBytes !== undefined && { maxLineBytes: job.maxLineBytes }),
    });
    if (job.last) analyzer.endInput();
    return {
      ok: true,
      part: analyzer.part(),
      lastLineNo: stats.lines,
      bytes: stats.bytes,
      truncatedLines: stats.truncatedLines,
      settled: stats.quotedPrintable !== true && analyzer.settledAt(stats.lines),
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function* reportingBytes(chunks: AsyncIterable<Buffer>, onBytes: (bytes: number) => void): AsyncIterable<Buffer> {
  let bytes = 0;
  let reported = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes - reported >= PROGRESS_BYTES) {
      onBytes(bytes);
      reported = bytes;
    }
    yield chunk;
  }
  onBytes(bytes);
}
