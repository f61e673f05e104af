/** One top-level input to analyse: a file (plain, compressed or archive) found from a command-line argument. */
export interface InputTask {
  /** File-system path to open. */
  path: string;
  /** Name shown in the summary (the argument joined with the path below it). */
  display: string;
  /** Path relative to its argument, `/`-separated: what sharding hashes. */
  rel: string;
  sizeBytes: number;
  mtimeMs: number;
}
