/**
 * The example of a text report that begins with `-- Example: <title>`, read back: the log lines it shows and, for each
 * `… N more lines` marker, its count and the lines shown on either side of it.
 */
export interface ExampleRun {
  omitted: number;
  before?: number;
  after?: number;
  text: string;
}

export function exampleOf(text: string, title: string): { shown: number[]; runs: ExampleRun[]; lines: string[] } {
  const start = text.indexOf(`-- Example: ${title}`);
  const end = text.indexOf('\n\n', start);
  const lines = text.slice(start, end < 0 ? undefined : end).split('\n');
  const shown: number[] = [];
  const runs: ExampleRun[] = [];
  let open: ExampleRun | undefined;
  for (const line of lines) {
    const row = /^ +(\d+) \| /.exec(line);
    const run = /^ +… (\d+) more lines?/.exec(line);
    if (row) {
      shown.push(Number(row[1]));
      if (open) open.after = Number(row[1]);
      open = undefined;
    } else if (run) {
      open = { omitted: Number(run[1]), before: shown.at(-1), text: line.trim() };
      runs.push(open);
    }
  }
  return { shown, runs, lines };
}
