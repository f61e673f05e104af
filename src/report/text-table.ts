import { columns as width } from './text-columns.js';
import { wrapText } from './text-wrap.js';

export type Align = 'left' | 'right';

export interface TableOptions {
  align?: readonly Align[];
  indent?: string;
  /** Applied to the header line after padding, so styling never skews column widths. */
  styleHeader?: (line: string) => string;
  /**
   * Columns a line may take. A row wider wraps its last cell at spaces, on lines under it that start where the column
   * does, or, when fewer than LAST_MIN columns are left there, every row's last cell goes on lines of its own under
   * the row, indented (the header's name of that column too). The other cells are short and kept whole.
   */
  width?: number;
}

/** The least room for the last column beside the others; with less, its cells go on lines of their own. */
export const LAST_MIN = 30;
/** How far a last cell on lines of its own is indented past the table's indent. */
const OWN_LINE_INDENT = '    ';

function pad(cell: string, w: number, align: Align): string {
  const fill = ' '.repeat(w - width(cell));
  return align === 'right' ? fill + cell : cell + fill;
}

/**
 * A plain-text table with space-separated, padded columns; returns its lines (no trailing spaces). A tab in a cell
 * (log text keeps them) becomes a space: it would jump to the terminal's next tab stop and skew the columns. Given a
 * `width`, a row wider wraps its last cell (TableOptions.width).
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  opts: TableOptions = {},
): string[] {
  const table = formatTableRows(header, rows, opts);
  const lines = [...table.header];
  // No spread of the rows: a table may hold 300,000.
  for (const row of table.rows) for (const l of row) lines.push(l);
  return lines;
}

/** `formatTable`, its header's lines apart and each row's lines (one, or more where its last cell wrapped) together. */
export function formatTableRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  opts: TableOptions = {},
): { header: string[]; rows: string[][] } {
  const { align = [], indent = '', styleHeader = (l: string) => l, width: maxWidth } = opts;
  const cellsOf = (r: readonly string[]) => r.map((c) => c.replaceAll('\t', ' '));
  const body = rows.map(cellsOf);
  const widths = header.map(width);
  for (const r of body) widths.forEach((w, i) => (widths[i] = Math.max(w, width(r[i] ?? ''))));
  const cell = (cells: readonly string[], i: number) => pad(cells[i] ?? '', widths[i]!, align[i] ?? 'left');
  const line = (cells: readonly string[]) => (indent + widths.map((_, i) => cell(cells, i)).join('  ')).trimEnd();
  const headerLine = styleHeader(line(cellsOf(header)));
  const lines = body.map(line);
  if (maxWidth === undefined || lines.every((l) => width(l) <= maxWidth)) return { header: [headerLine], rows: lines.map((l) => [l]) };
  // The cells before the last, padded, and the gap after them: where the last column starts.
  const lead = (cells: readonly string[]) => indent + widths.slice(0, -1).map((_, i) => `${cell(cells, i)}  `).join('');
  const start = width(lead(header));
  const ownLines = maxWidth - start < LAST_MIN;
  const lastName = header.at(-1) ?? '';
  return {
    header: ownLines ? [lead(header).trimEnd(), indent + OWN_LINE_INDENT + lastName].map(styleHeader) : [headerLine],
    rows: body.map((cells, i) => {
      const last = cells[widths.length - 1] ?? '';
      if (ownLines) return [lead(cells).trimEnd(), ...wrapText(last, maxWidth, indent + OWN_LINE_INDENT)];
      if (width(lines[i]!) <= maxWidth) return [lines[i]!];
      const [first = '', ...more] = wrapText(last, maxWidth, ' '.repeat(start));
      return [lead(cells) + first.slice(start), ...more];
    }),
  };
}
