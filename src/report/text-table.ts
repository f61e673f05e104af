import stringWidth from 'string-width';

export type Align = 'left' | 'right';

export interface TableOptions {
  align?: readonly Align[];
  indent?: string;
  /** Applied to the header line after padding, so styling never skews column widths. */
  styleHeader?: (line: string) => string;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Terminal columns: a CJK character takes two, a combining mark none. Printable ASCII is its length; the CLI's bundle
 * loads string-width only for the rest (scripts/bundle-cli.mjs), as loading it costs 20 ms.
 */
const width = (s: string) => (PRINTABLE_ASCII.test(s) ? s.length : stringWidth(s));

function pad(cell: string, w: number, align: Align): string {
  const fill = ' '.repeat(w - width(cell));
  return align === 'right' ? fill + cell : cell + fill;
}

/**
 * A plain-text table with space-separated, padded columns; returns its lines (no trailing spaces). A tab in a cell
 * (log text keeps them) becomes a space: it would jump to the terminal's next tab stop and skew the columns.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  opts: TableOptions = {},
): string[] {
  const { align = [], indent = '', styleHeader = (l: string) => l } = opts;
  const cellsOf = (r: readonly string[]) => r.map((c) => c.replaceAll('\t', ' '));
  const body = rows.map(cellsOf);
  const widths = header.map(width);
  for (const r of body) widths.forEach((w, i) => (widths[i] = Math.max(w, width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    indent + widths.map((w, i) => pad(cells[i] ?? '', w, align[i] ?? 'left')).join('  ').trimEnd();
  return [styleHeader(line(cellsOf(header))), ...body.map(line)];
}
