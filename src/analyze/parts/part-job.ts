import type { AnalyzerPart } from '../analyzer.js';

/** One part of a file for one thread: the bytes [start, end), whose first line is the last line of the part before. */
export interface PartJob {
  path: string;
  start: number;
  /** Past the LF of the line the next part starts with; Infinity for the last part (it reads to end of file). */
  end: number;
  /** The last part closes what is still open at end of file, as a whole-file read would. */
  last: boolean;
  /** The file's size when the read began (PartsPlan.size): the last part, ending short of it, says the file shrank. */
  sizeAtOpen?: number;
  maxLineBytes?: number;
  maxSplatLines?: number;
  /** Young-generation cap for a worker's isolate (the CLI's heap policy); unset in-process. */
  youngGenerationCapBytes?: number;
}

export type PartOutcome =
  | {
      ok: true;
      part: AnalyzerPart;
      /** Number of the part's last line (the line count of the log up to its end). */
      lastLineNo: number;
      bytes: number;
      truncatedLines: number;
      /** Holds nothing the next part could not know, so the next part's analysis may be absorbed (settledAt). */
      settled: boolean;
    }
  | { ok: false; reason: string };

/** Runs the parts after the first; cancel stops a run whose outcome is no longer wanted. */
export interface PartRunner {
  run(job: PartJob, onBytes: (bytes: number) => void): { outcome: Promise<PartOutcome>; cancel(): void };
}
