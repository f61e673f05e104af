export type Align = 'left' | 'right';

export interface TableOptions {
  align?: readonly Align[];
  indent?: string;
  /** Applied to the header line after padding, so styling never skews column widths. */
  styleHeader?: (line: string) => string;
}

const width = (s: string) => [...s].length;

function pad(cell: string, w: number, align: Align): string {
  const fill = ' '.repeat(w - width(cell));
  return align === 'right' ? fill + cell : cell + fill;
}

/** A plain-text table with space-separated, padded columns; returns its lines (no trailing spaces). */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  opts: TableOptions = {},
): string[] {
  const { align = [], indent = '', styleHeader = (l: string) => l } = opts;
  const widths = header.map(width);
  for (const r of rows) widths.forEach((w, i) => (widths[i] = Math.max(w, width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    indent + widths.map((w, i) => pad(cells[i] ?? '', w, align[i] ?? 'left')).join('  ').trimEnd();
  return [styleHeader(line(header)), ...rows.map(line)];
}
