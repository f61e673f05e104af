/** Where the ingest stage delivers lines: the analyzer implements it, `feedLines` drives it. */
export interface LineSink {
  /**
   * Called in order. lineNo is 1-based over the decompressed input; text has no line break, NUL or terminal escape
   * sequence (feedLines takes them off); truncated: the line was cut at the cap.
   */
  pushLine(lineNo: number, text: string, truncated: boolean): void;
  /** While true the reader must deliver every line. While false it MAY skip lines containing none of `triggers`. */
  readonly wantsEveryLine: boolean;
  /** ASCII needles (case-sensitive). A line containing one must always be delivered. */
  readonly triggers: readonly string[];
}
