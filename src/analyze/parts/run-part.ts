import { openFileRange } from '../../ingest/open-input.js';
import { LogAnalyzer, MAX_CLUSTERS } from '../analyzer.js';
import { feedAnalyzer } from '../feed-analyzer.js';
import { countLineBreaks } from './count-lines.js';
import type { PartJob, PartOutcome } from './part-job.js';

export const PAST_CLUSTER_CAP = `more than ${MAX_CLUSTERS} kinds of splat`;

/**
 * Analyzes one part of a file on its own: counts the lines before it (its line numbers are the file's), reads its
 * bytes, and hands back what the analyzer of the part before it needs to absorb it. A read failure is an outcome
 * too: the caller then reads the file in one piece and meets the failure there.
 */
export async function runPart(job: PartJob, onBytes?: (bytes: number) => void): Promise<PartOutcome> {
  try {
    const lineOffset = await countLineBreaks(job.path, job.start);
    const analyzer = new LogAnalyzer({ ...(job.maxSplatLines !== undefined && { maxSplatLines: job.maxSplatLines }) });
    // Past the cluster cap no part after the first is taken in (LogAnalyzer.absorb): the rest would be read for nothing.
    const giveUp = new AbortController();
    const chunks = openFileRange(job.path, { start: job.start, end: job.end }, job.sizeAtOpen);
    const fed = await feedAnalyzer(analyzer, chunks, {
      name: job.path,
      lineOffset,
      signal: giveUp.signal,
      ...(job.maxLineBytes !== undefined && { maxLineBytes: job.maxLineBytes }),
      onBytes: (bytes) => {
        if (analyzer.pastClusterCap) giveUp.abort();
        onBytes?.(bytes);
      },
    });
    chunks.close();
    if (giveUp.signal.aborted) return { ok: false, reason: PAST_CLUSTER_CAP };
    const stats = fed.stats;
    if (stats === undefined) return { ok: false, reason: fed.inputError ?? 'read failed' };
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
